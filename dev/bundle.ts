/**
 * Bundles the manifest's functions offline, exactly as `forge deploy` does (@forge/cli 13's
 * deploy path: ConfigFile.getAppHandlers, @forge/bundler's getEntryPoints and getNodeBundler,
 * webpack with ts-loader and this app's own tsconfig.json), and writes what Forge would upload
 * into BUNDLE_DIR: `index.cjs` (the function), its source map, and the runtime files Forge adds.
 *
 * One piece is a stand-in: Forge's Node runtime wrapper (`__forge__.cjs`), which `forge deploy`
 * downloads from Forge's CDN. Here the local runtime (dev/runtime) plays its part, so the wrapper
 * file holds a note saying so instead of Atlassian's code.
 *
 *   npm run bundle            prints the function's size; exits 1 over BUNDLE_BUDGET_BYTES
 */
import fs from 'node:fs';
import path from 'node:path';
import { getEntryPoints, getNodeBundler, type BundlerOutput } from '@forge/bundler';
import { ConfigFile, FileSystemReader, FileSystemWriter } from '@forge/cli-shared';

const ROOT = path.resolve(__dirname, '..');
/** Git-ignored: what `forge deploy` would upload for the function. */
export const BUNDLE_DIR = path.join(ROOT, '.forge-bundle');
/** The function's unminified JavaScript (Forge does not minify it). */
export const BUNDLE_BUDGET_BYTES = 1024 * 1024;

type NodeBundlerArgs = Parameters<typeof getNodeBundler>;

const STAND_IN_WRAPPER = {
  script:
    "// Stand-in for Forge's Node runtime wrapper, which `forge deploy` downloads from Forge's CDN.\n" +
    '// Locally, dev/runtime defines the globals @forge/api and @forge/kvs call, and calls `handler`\n' +
    '// in index.cjs as Forge does.\n',
  source: 'local stand-in',
  version: 'local-stand-in',
};

export interface FunctionBundle {
  dir: string;
  /** Each function module's file (e.g. index.cjs), by the manifest's module name. */
  files: { module: string; file: string; bytes: number }[];
  /** The npm packages webpack put into the bundle, as @forge/bundler reports them. */
  packages: string[];
}

/** Bundles every function the manifest names; the previous bundle is replaced only when this one succeeds. */
export async function bundleFunctions(): Promise<FunctionBundle> {
  // Forge's bundler resolves `src/<module>` and tsconfig.json from the working directory, as `forge deploy` runs.
  const previousDir = process.cwd();
  process.chdir(ROOT);
  try {
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const handlers = await configFile.getAppHandlers();
    const entryPoints = getEntryPoints(handlers);
    const quiet = () => undefined;
    const logger = { info: quiet, debug: quiet, warn: (message: string) => console.warn(message) };
    const wrapperProvider = {
      getNodeRuntimeWrapper: () => Promise.resolve(STAND_IN_WRAPPER),
      getNodeRuntimeLoader: () => Promise.resolve(undefined),
    };
    // Only asked when the manifest picks the (early access) TypeScript bundler; this app uses the default.
    const statsig = { isTypescriptBundlerEnabled: () => Promise.resolve(false) };
    const bundler = getNodeBundler(
      logger as unknown as NodeBundlerArgs[0],
      wrapperProvider,
      configFile as unknown as NodeBundlerArgs[2],
      statsig as unknown as NodeBundlerArgs[3],
    );
    const output: BundlerOutput = await bundler.bundle({ appDirectory: ROOT, entryPoints });
    const staging = `${BUNDLE_DIR}.new`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(output.outputDir, staging, { recursive: true });
    for (const [name, content] of output.additionalOutputs ?? []) {
      const target = path.join(staging, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    fs.rmSync(output.outputDir, { recursive: true, force: true });
    fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
    fs.renameSync(staging, BUNDLE_DIR);
    const files = entryPoints.map((entry) => {
      const file = path.join(BUNDLE_DIR, `${entry.name}.cjs`);
      return { module: entry.name, file, bytes: fs.statSync(file).size };
    });
    return { dir: BUNDLE_DIR, files, packages: [...(output.metadata?.modules ?? [])].sort() };
  } finally {
    process.chdir(previousDir);
  }
}

/** What the bundle is built from: a change to any of them makes the bundle on disk stale. */
const INPUTS = ['src', 'tsconfig.json', 'manifest.yml', 'package-lock.json'];

function newestChange(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

/** The bundled function's file, when it was built after its inputs last changed; else undefined. */
export function currentBundle(module = 'index'): string | undefined {
  const file = path.join(BUNDLE_DIR, `${module}.cjs`);
  if (!fs.existsSync(file)) return undefined;
  const built = fs.statSync(file).mtimeMs;
  return INPUTS.every((input) => newestChange(path.join(ROOT, input)) <= built) ? file : undefined;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  const bundle = await bundleFunctions();
  console.log(`Forge function bundle (@forge/bundler, as forge deploy builds it): ${path.relative(ROOT, bundle.dir)}/`);
  for (const f of bundle.files) {
    const flag = f.bytes > BUNDLE_BUDGET_BYTES ? '  OVER BUDGET' : '';
    console.log(`  ${path.relative(ROOT, f.file).padEnd(28)} ${kb(f.bytes).padStart(10)} unminified${flag}`);
  }
  console.log(`  packages bundled: ${bundle.packages.join(', ')}`);
  console.log(`  budget: ${kb(BUNDLE_BUDGET_BYTES)} per function`);
  return bundle.files.some((f) => f.bytes > BUNDLE_BUDGET_BYTES) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bundle failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

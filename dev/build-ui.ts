/**
 * Builds the four Custom UI screens with Vite's JS API, one self-contained directory per Forge
 * resource: static/dist/<module>/index.html + assets/ (base './', so it works from whatever path
 * Forge serves the resource under). Prints each module's initial JavaScript (the entry chunk and
 * everything it imports statically) gzipped, and fails when one is over the budget.
 *
 *   npx tsx dev/build-ui.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { writeGradingPage } from './grading-page';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.join(REPO_ROOT, 'static', 'src');
const DIST = path.join(REPO_ROOT, 'static', 'dist');
const MODULES = ['project-page', 'issue-panel', 'admin-page', 'dashboard-gadget'] as const;
/** Initial JavaScript per module, gzipped. */
const BUDGET_BYTES = 150 * 1024;

/**
 * Design System components ask Atlassian's feature-gate client (Statsig, ~60 KB gzipped) about
 * experiments. Nothing initialises it inside a Forge iframe, where it answers "off" / the default
 * to every question; the stub answers the same without shipping the client. A resolveId plugin,
 * not resolve.alias: run through tsx as CommonJS, Vite 8 ignored the alias (the client was still
 * bundled), so the build also checks that no module of the client made it into a chunk.
 */
const FEATURE_GATES_STUB = path.join(SOURCE, 'build', 'feature-gates-stub.ts');

interface ModuleSize {
  module: string;
  initialJs: number;
  lazyJs: number;
  css: number;
  files: number;
}

const gzip = (text: string | Uint8Array): number => zlib.gzipSync(text, { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function outputsOf(result: Awaited<ReturnType<typeof build>>): (Rolldown.OutputChunk | Rolldown.OutputAsset)[] {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((r) => ('output' in r ? r.output : []));
}

async function buildModule(module: (typeof MODULES)[number]): Promise<ModuleSize> {
  const root = path.join(SOURCE, module);
  const outDir = path.join(DIST, module);
  const publicDir = path.join(root, 'public');
  const result = await build({
    configFile: false,
    root,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    publicDir: fs.existsSync(publicDir) ? publicDir : false,
    // Vite 8's built-in oxc transform compiles TSX; React 17+ automatic runtime.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [
      {
        name: 'clause51:feature-gates-stub',
        enforce: 'pre',
        resolveId: (id: string) =>
          id === '@atlaskit/feature-gate-js-client/feature-gates' ? FEATURE_GATES_STUB : null,
      },
    ],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: 'assets',
      target: 'es2020',
      sourcemap: false,
      // One stylesheet per screen: this script runs as CommonJS under tsx, where Vite drops the code
      // that loads a lazily loaded chunk's own CSS (the admin page's pickers came out unstyled).
      cssCodeSplit: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2048,
      // Every browser Jira supports has modulepreload (and this Vite ships no polyfill module).
      modulePreload: { polyfill: false },
    },
  });

  const outputs = outputsOf(result);
  const chunks = outputs.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const pending = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (pending.length > 0) {
    const name = pending.pop();
    if (name === undefined || initial.has(name)) continue;
    initial.add(name);
    pending.push(...(byName.get(name)?.imports ?? []));
  }
  const leaked = chunks
    .flatMap((c) => Object.entries(c.modules))
    .filter(([id, m]) => id.includes('@atlaskit/feature-gate-js-client') && m.renderedLength > 0)
    .map(([id]) => id);
  if (leaked.length > 0)
    throw new Error(
      `${module}: the feature-gate client was bundled (${leaked[0]}); the stub plugin no longer catches its import`,
    );

  let initialJs = 0;
  let lazyJs = 0;
  for (const chunk of chunks) {
    if (initial.has(chunk.fileName)) initialJs += gzip(chunk.code);
    else lazyJs += gzip(chunk.code);
  }
  const css = outputs
    .filter((o): o is Rolldown.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css'))
    .reduce((sum, a) => sum + gzip(a.source), 0);
  return { module, initialJs, lazyJs, css, files: outputs.length };
}

async function main(): Promise<number> {
  const sizes: ModuleSize[] = [];
  for (const module of MODULES) sizes.push(await buildModule(module));
  // The settings page's help links to the grading rules, served beside it (dev/grading-page.ts).
  writeGradingPage(path.join(DIST, 'admin-page'));
  console.log('\nCustom UI build (gzipped)            initial JS   lazy JS     CSS');
  for (const s of sizes) {
    const flag = s.initialJs > BUDGET_BYTES ? '  OVER BUDGET' : '';
    console.log(
      `  static/dist/${s.module.padEnd(22)} ${kb(s.initialJs).padStart(10)} ${kb(s.lazyJs).padStart(9)} ${kb(s.css).padStart(7)}${flag}`,
    );
  }
  console.log(`  budget: ${kb(BUDGET_BYTES)} of initial JavaScript per module`);
  return sizes.some((s) => s.initialJs > BUDGET_BYTES) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('build-ui failed:', error);
    process.exit(1);
  },
);

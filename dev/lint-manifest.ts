/**
 * Offline `forge lint`: runs the client-side half of Forge's own linter (@forge/lint) on this
 * app exactly as `forge lint` feeds it, with no login and no network.
 *
 * What `forge lint` does (@forge/cli LintService.run) and this script mirrors:
 *   - manifest read by @forge/cli-shared's ConfigFile;
 *   - files to lint: FileSystemReader.recursiveReadDir('./src', [.gitignore entries, '.git',
 *     'node_modules']) plus the directories of UI Kit (`nativeUI`) resources. Only src/ is
 *     linted, so jest.config.js, test/support/*.js, dev/keytar-offline/*.js and the built
 *     static/dist/**.js never reach the TypeScript parser (which would abort on .js files
 *     outside the tsconfig project).
 *   - lint(files, manifest, env, logger, statsig, { linter: { mode: 'client-side' } }).
 *
 * Offline pieces:
 *   - statsig stub `{ getDeprecatedRuntimes: () => Promise.resolve([]) }` (the only statsig call);
 *   - the permission linter reads REST specs from local files (USE_LOCAL_SWAGGER=1 and the
 *     LOCAL_*_SWAGGER variables): Jira from <repo>/../shared/reference/
 *     jira-platform-rest-v3.openapi.json (or $LOCAL_JIRA_SWAGGER), every other product from a
 *     temp file holding {"paths":{}}. If the Jira spec is missing, lint still runs with an
 *     empty Jira spec and reports a warning saying the scope check for requestJira calls was
 *     skipped;
 *   - fetch and http(s).request are replaced by functions that throw, so any network attempt
 *     fails at once and is reported instead of hanging.
 *
 * Also runs @forge/manifest's FULL validation on its own first, so manifest problems are still
 * reported when lint aborts on a source file that does not compile; duplicates are dropped.
 * One check of our own: an `icon: resource:<key>;<path>` must name a declared resource and an
 * existing file in it (Forge resolves it only at deploy time).
 *
 * Exit status: 1 on any error (including a linter that could not run), else 0.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import {
  ConfigFile,
  FileSystemReader,
  FileSystemWriter,
  listGitIgnoreFiles,
  optionToEnvironment,
  type StatsigService,
} from '@forge/cli-shared';
import { lint, type LintResult } from '@forge/lint';
import { ProcessorBuilder, ValidationTypes, type ManifestSchema } from '@forge/manifest';

type Level = 'error' | 'warning';

interface Issue {
  level: Level;
  file: string;
  line: number;
  column: number;
  message: string;
  reference?: string;
  /** Who raised it, when not @forge/lint itself. */
  source?: string;
}

const REPO_ROOT = typeof __dirname === 'string' ? path.resolve(__dirname, '..') : process.cwd();
const DEFAULT_JIRA_SPEC = path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'jira-platform-rest-v3.openapi.json');
const OTHER_SPEC_VARS = [
  'LOCAL_JSM_SWAGGER',
  'LOCAL_JSW_SWAGGER',
  'LOCAL_CONF_SWAGGER',
  'LOCAL_CONF_V2_SWAGGER',
  'LOCAL_BB_SWAGGER',
] as const;
const ICON_DOCS = 'https://developer.atlassian.com/platform/forge/custom-ui/#icons';
// Terminal colour codes (ESC [ ... m) in the linter's messages.
const ANSI = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');

const strip = (text: string): string => text.replace(ANSI, '').trim();

function blockNetwork(): void {
  const refuse = (what: string) => (): never => {
    throw new Error(`lint-manifest runs offline: blocked a network call (${what})`);
  };
  globalThis.fetch = (input: unknown) =>
    Promise.resolve().then(refuse(`fetch ${input instanceof Request ? input.url : String(input)}`));
  for (const [name, mod] of [
    ['http', http],
    ['https', https],
  ] as const) {
    Object.assign(mod, { request: refuse(`${name}.request`), get: refuse(`${name}.get`) });
  }
}

/** Points the permission linter at local REST specs; returns a warning when Jira's is absent. */
function useLocalSpecs(tmpDir: string): Issue | undefined {
  const emptySpec = path.join(tmpDir, 'empty-openapi.json');
  fs.writeFileSync(emptySpec, JSON.stringify({ paths: {} }));
  process.env.USE_LOCAL_SWAGGER = '1';
  for (const name of OTHER_SPEC_VARS) {
    const given = process.env[name];
    process.env[name] = given && fs.existsSync(given) ? given : emptySpec;
  }
  const jiraSpec = process.env.LOCAL_JIRA_SWAGGER || DEFAULT_JIRA_SPEC;
  if (fs.existsSync(jiraSpec)) {
    process.env.LOCAL_JIRA_SWAGGER = jiraSpec;
    return undefined;
  }
  process.env.LOCAL_JIRA_SWAGGER = emptySpec;
  return {
    level: 'warning',
    file: path.relative(REPO_ROOT, jiraSpec) || jiraSpec,
    line: 0,
    column: 0,
    message:
      `Jira REST spec not found at ${jiraSpec}: requestJira calls were NOT checked against ` +
      'manifest scopes. Set LOCAL_JIRA_SWAGGER to a copy of the Jira platform v3 OpenAPI spec.',
    source: 'lint-manifest',
  };
}

async function validateManifestSchema(): Promise<Issue[]> {
  const processor = ProcessorBuilder.instance()
    .withValidation(ValidationTypes.FULL)
    .withOptions({ deprecatedRuntimes: [] })
    .build();
  const result = await processor.process();
  return (result.errors ?? []).map((e) => ({
    level: e.level === 'warning' ? 'warning' : 'error',
    file: 'manifest.yml',
    line: e.line ?? 0,
    column: e.column ?? 0,
    message: e.message,
    reference: e.reference,
  }));
}

function checkIcons(manifest: ManifestSchema, manifestText: string): Issue[] {
  const issues: Issue[] = [];
  const resources = new Map((manifest.resources ?? []).map((r) => [r.key, r.path]));
  const lines = manifestText.split('\n');
  for (const [moduleType, entries] of Object.entries(manifest.modules ?? {})) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as Array<{ key?: string; icon?: unknown }>) {
      if (typeof entry.icon !== 'string' || !entry.icon.startsWith('resource:')) continue;
      const icon = entry.icon;
      const lineIndex = lines.findIndex((l) => l.includes(icon));
      const at = {
        file: 'manifest.yml',
        line: lineIndex + 1,
        column: Math.max(lines[lineIndex]?.indexOf(icon) ?? 0, 0) + 1,
      };
      const fail = (message: string) =>
        issues.push({
          level: 'error',
          ...at,
          message: `${moduleType} ${entry.key ?? ''}: ${message}`,
          reference: ICON_DOCS,
          source: 'lint-manifest',
        });
      const match = /^resource:([^;]+);(.+)$/.exec(icon);
      if (!match) {
        fail(`icon "${icon}" must look like resource:<resource key>;<path inside the resource>`);
        continue;
      }
      const [, key = '', relPath = ''] = match;
      const resourcePath = resources.get(key);
      if (resourcePath === undefined) {
        fail(`icon refers to resource "${key}", which is not declared under resources`);
        continue;
      }
      const resourceDir = path.resolve(REPO_ROOT, resourcePath);
      if (!fs.existsSync(resourceDir)) continue; // the missing directory is reported by Forge's own check
      const iconFile = path.resolve(resourceDir, relPath);
      if (relPath.split(/[\\/]/).includes('..') || !iconFile.startsWith(resourceDir + path.sep)) {
        fail(`icon path "${relPath}" must stay inside resource "${key}"`);
      } else if (!fs.existsSync(iconFile) || !fs.statSync(iconFile).isFile()) {
        fail(`icon file ${path.join(resourcePath, relPath)} does not exist (resource "${key}")`);
      }
    }
  }
  return issues;
}

/** The same inputs `forge lint` builds in @forge/cli's LintService.run. */
async function runForgeLint(
  linterMessages: string[],
): Promise<{ results: LintResult[]; manifest: ManifestSchema; fileCount: number }> {
  const reader = new FileSystemReader();
  const configFile = new ConfigFile(reader, new FileSystemWriter());
  const manifest = await configFile.readConfig();
  const uiKitDirectories = (await configFile.getResources(['nativeUI'])).map((r) => path.dirname(r.path));
  const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const fileLists = await Promise.all(
    ['./src', ...uiKitDirectories].map((dir) => reader.recursiveReadDir(dir, exclude)),
  );
  const files = [...new Set(fileLists.flat())];
  const statsig = { getDeprecatedRuntimes: () => Promise.resolve([]) } as unknown as StatsigService;
  const logger = { info: (message: string) => void linterMessages.push(strip(message)) };
  const results = await lint(files, manifest, optionToEnvironment('development'), logger, statsig, {
    linter: { mode: 'client-side' },
  });
  return { results, manifest, fileCount: files.length };
}

function fromLintResults(results: LintResult[]): Issue[] {
  return results.flatMap((result) =>
    (['errors', 'warnings', 'approvals'] as const).flatMap((kind) =>
      result[kind].map((rule) => ({
        // An "approval" blocks `forge lint` (exit 1) just like an error.
        level: kind === 'warnings' ? 'warning' : 'error',
        file: path.relative(REPO_ROOT, path.resolve(result.file)) || result.file,
        line: rule.line,
        column: rule.column,
        message: kind === 'approvals' ? `needs approval: ${rule.message}` : rule.message,
        reference: rule.reference,
      })),
    ),
  );
}

/** lint() throws ApplicationCompileError ("...\nin <file>\nat line L, column C") when a source file does not parse. */
function lintAborted(message: string): Issue {
  const file = /\nin (.+)/.exec(message)?.[1];
  const at = /at line (\d+), column (\d+)/.exec(message);
  return {
    level: 'error',
    file: file ? path.relative(REPO_ROOT, path.resolve(file)) : 'manifest.yml',
    line: at ? Number(at[1]) : 0,
    column: at ? Number(at[2]) : 0,
    message: `@forge/lint could not run: ${message.split('\n')[0]}`,
    source: 'lint-manifest',
  };
}

function format(issue: Issue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const by = issue.source ? ` [${issue.source}]` : '';
  const ref = issue.reference ? `\n        ${issue.reference}` : '';
  return `${issue.level.padEnd(7)} ${where}${by}\n        ${strip(issue.message).replace(/\n/g, '\n        ')}${ref}`;
}

async function main(): Promise<number> {
  process.chdir(REPO_ROOT);
  blockNetwork();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-manifest-'));
  // Keep the permission linter's on-disk cache (the `conf` package) out of the user's home.
  process.env.XDG_CONFIG_HOME = tmpDir;
  const issues: Issue[] = [];
  const notes: string[] = [];
  try {
    const specWarning = useLocalSpecs(tmpDir);
    if (specWarning) issues.push(specWarning);
    notes.push(`Jira REST spec: ${specWarning ? 'missing (scope check skipped)' : process.env.LOCAL_JIRA_SWAGGER}`);

    issues.push(...(await validateManifestSchema()));

    const linterMessages: string[] = [];
    try {
      const { results, manifest, fileCount } = await runForgeLint(linterMessages);
      notes.push(`@forge/lint client-side linters over ${fileCount} file(s) under src/`);
      issues.push(...fromLintResults(results));
      issues.push(...checkIcons(manifest, fs.readFileSync('manifest.yml', 'utf8')));
    } catch (error) {
      issues.push(lintAborted(strip(error instanceof Error ? error.message : String(error))));
    }
    // @forge/lint reports a linter that threw only through the logger, then skips its checks.
    for (const message of linterMessages) {
      issues.push({ level: 'error', file: '(linter)', line: 0, column: 0, message, source: '@forge/lint' });
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }

  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.level}|${i.file}|${i.line}|${i.column}|${strip(i.message)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

  for (const note of notes) console.log(`lint-manifest: ${note}`);
  for (const issue of unique) console.log(format(issue));
  const errors = unique.filter((i) => i.level === 'error').length;
  const warnings = unique.length - errors;
  console.log(
    `manifest lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('lint-manifest failed:', error);
    console.log('manifest lint: 1 error, 0 warnings');
    process.exit(1);
  },
);

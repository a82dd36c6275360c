import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INVOKE_KEYS } from '../src/contract/invoke';
import { ROUTES } from '../src/resolvers/routes';

const ROOT = resolve(__dirname, '..');

/** Runs a command with `input` on its standard input; ESLint exits 1 when it finds errors, which is expected here. */
function run(command: string, args: string[], input: string): Promise<{ stdout: string }> {
  return new Promise((done, fail) => {
    const child = execFile(command, args, { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && error.code !== 1) fail(new Error(`eslint failed: ${stderr.slice(0, 500)}`));
      else done({ stdout });
    });
    child.stdin?.end(input);
  });
}

// The import rules (a pure engine that never reads the clock, screens that share the contract by type
// and reach the bridge through three modules) are ESLint rules in eslint.config.mjs, run by npm test.
// What a linter cannot see, the wiring between the contract, the handlers and the screens, is here.
describe('architecture: the house rules that keep the layers apart', () => {
  test('every invoke key of the contract has a route, and every route a contract key', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...INVOKE_KEYS].sort());
  });

  test('every invoke key is called by the screens through the api module', () => {
    const api = readFileSync(join(ROOT, 'static/src/shared/api.ts'), 'utf8');
    expect(INVOKE_KEYS.filter((key) => !api.includes(`'${key}'`))).toEqual([]);
  });

  // The rules live in eslint.layers.mjs, which the repository's lint uses; these probes fail if someone
  // drops or loosens one. ESLint runs as a child process (its config is an ES module, which jest's
  // CommonJS runtime cannot load), with the layering rules alone: no type information, so it is quick.
  // Each probe is linted under the name of a real file of its layer; nothing is written.
  const errorsIn = async (filePath: string, code: string): Promise<string[]> => {
    const eslint = join(ROOT, 'node_modules/eslint/bin/eslint.js');
    const { stdout } = await run(
      process.execPath,
      [
        eslint,
        '--no-config-lookup',
        '--config',
        'test/support/eslint-layers.probe.mjs',
        '--format',
        'json',
        '--stdin',
        '--stdin-filename',
        filePath,
      ],
      code,
    );
    const [result] = JSON.parse(stdout) as { messages: { message: string }[] }[];
    return (result?.messages ?? []).map((m) => m.message);
  };

  test('lint: the engine imports nothing from Forge, Node or the edges, and never reads the clock', async () => {
    const errors = await errorsIn(
      'src/core/report.ts',
      [
        "import { kvs } from '@forge/kvs';",
        "import { readFileSync } from 'node:fs';",
        "import { AppError } from '../resolvers/app-error';",
        'export const probe = (): unknown[] => [kvs, readFileSync, AppError, Date.now(), new Date()];',
      ].join('\n'),
    );
    expect(errors.filter((m) => m.includes('The engine is pure'))).toHaveLength(3);
    expect(errors.filter((m) => m.includes('never reads the clock'))).toHaveLength(2);
  });

  test('lint: Jira reads and storage never import the services or the resolvers', async () => {
    const probe = [
      "import { ROUTES } from '../resolvers/routes';",
      "import { readSettings } from '../app/settings';",
      "import { AppError } from '../errors';",
      'export const probe = (): unknown[] => [ROUTES, readSettings, AppError];',
    ].join('\n');
    for (const file of ['src/jira/search.ts', 'src/storage/config-store.ts']) {
      const errors = await errorsIn(file, probe);
      expect(errors.filter((m) => m.includes('below the services'))).toHaveLength(2);
    }
  });

  test('lint: the services never import the resolvers', async () => {
    const errors = await errorsIn(
      'src/app/grading.ts',
      [
        "import { ROUTES } from '../resolvers/routes';",
        "import { loadConfig } from '../storage/config-store';",
        'export const probe = (): unknown[] => [ROUTES, loadConfig];',
      ].join('\n'),
    );
    expect(errors).toEqual([expect.stringContaining('below the resolvers')]);
  });

  test('lint: the screens never import server code, share the contract by type, and reach the bridge through shared/', async () => {
    const errors = await errorsIn(
      'static/src/project-page/exports.ts',
      [
        "import { invoke } from '@forge/bridge';",
        "import { asUser } from '@forge/api';",
        "import { INVOKE_KEYS } from '../../../src/contract/invoke';",
        "import type { ProjectReport } from '../../../src/contract/invoke';",
        "import { loadConfig } from '../../../src/storage/config-store';",
        'export const probe = (r: ProjectReport): unknown[] => [invoke, asUser, INVOKE_KEYS, loadConfig, r];',
      ].join('\n'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('talk to @forge/bridge'),
        expect.stringContaining('Jira is read by the resolvers'),
        expect.stringContaining('by type only'),
        expect.stringContaining('Back-end code stays on the server'),
      ]),
    );
    const bridgeModule = await errorsIn(
      'static/src/shared/api.ts',
      readFileSync(join(ROOT, 'static/src/shared/api.ts'), 'utf8'),
    );
    expect(bridgeModule).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { INVOKE_KEYS } from '../src/contract/invoke';
import { HANDLERS } from '../src/resolvers/handlers';

const ROOT = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(
    (m) => m[1] ?? '',
  );

describe('architecture: the house rules that keep the layers apart', () => {
  test('the engine is pure: src/core imports nothing from Forge, Node or the edges (Jira, resolvers, storage)', () => {
    const offending = sources('src/core').flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec.startsWith('@forge/') ||
            spec.startsWith('node:') ||
            spec.startsWith('../jira') ||
            spec.startsWith('../resolvers') ||
            spec.startsWith('../storage'),
        )
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  test('the engine never reads the clock', () => {
    const offending = sources('src/core').filter((file) =>
      /Date\.now\(|new Date\(\)/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  test('the screens never import @forge/api, @forge/kvs or back-end code; they share the contract by type only', () => {
    const offending = sources('static/src').flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec.startsWith('@forge/api') ||
            spec.startsWith('@forge/kvs') ||
            spec.startsWith('@forge/resolver') ||
            /src\/(jira|resolvers|storage|index)/.test(spec),
        )
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
    const valueImportsOfContract = sources('static/src').filter((file) =>
      /^import (?!type)[^;]*from '[./]*src\/contract\/invoke'/m.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(valueImportsOfContract).toEqual([]);
  });

  test('only the shared api, theme and navigation modules talk to @forge/bridge', () => {
    const users = sources('static/src')
      .filter((file) => importsOf(file).includes('@forge/bridge'))
      .map((file) => relative('static/src', file));
    expect(users.sort()).toEqual(['shared/api.ts', 'shared/navigation.ts', 'shared/theme.ts']);
  });

  test('every invoke key of the contract has a handler, and every handler a contract key', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...INVOKE_KEYS].sort());
  });

  test('every invoke key is called by the screens through the api module', () => {
    const api = readFileSync(join(ROOT, 'static/src/shared/api.ts'), 'utf8');
    expect(INVOKE_KEYS.filter((key) => !api.includes(`'${key}'`))).toEqual([]);
  });
});

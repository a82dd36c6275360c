/**
 * Cheap architecture checks on manifest.yml. Forge's own linter runs separately
 * (`npm run lint:manifest`, part of `npm test`); these tests pin down this app's choices.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

interface ModuleEntry {
  key: string;
  resource?: string;
  resolver?: { function?: string };
  function?: string;
  icon?: string;
  title?: string;
  [other: string]: unknown;
}
interface FunctionEntry {
  key: string;
  handler: string;
  timeoutSeconds?: number;
}
interface Manifest {
  app: { id: string; runtime: { name: string } };
  modules: Record<string, ModuleEntry[]> & { function: FunctionEntry[] };
  resources: Array<{ key: string; path: string }>;
  permissions: { scopes: string[] };
}

const manifest = parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as Manifest;
const functions = manifest.modules.function;
const uiModules = Object.entries(manifest.modules).filter(([type]) => type !== 'function') as Array<
  [string, ModuleEntry[]]
>;
const allModules = uiModules.flatMap(([type, entries]) => entries.map((entry) => ({ type, ...entry })));

/** Names a TypeScript file exports, read syntactically (no compile, no import side effects). */
function exportedNames(file: string): Set<string> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      isExported(statement) &&
      statement.name
    ) {
      names.add(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
  }
  return names;
}

describe('manifest.yml', () => {
  it('uses the nodejs22.x runtime and an app id of the ari:cloud:ecosystem::app/<uuid> form', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.app.id).toMatch(/^ari:cloud:ecosystem::app\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  it('asks for exactly the minimal scopes', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual([
      'read:jira-user',
      'read:jira-work',
      'storage:app',
      'write:jira-work',
    ]);
  });

  it('maps every function handler X.handler to src/X.ts exporting handler', () => {
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const match = /^([A-Za-z0-9_\-/]+)\.([A-Za-z0-9_$]+)$/.exec(fn.handler);
      expect({ key: fn.key, handler: fn.handler, valid: match !== null }).toEqual({
        key: fn.key,
        handler: fn.handler,
        valid: true,
      });
      const [, modulePath = '', exportName = ''] = match ?? [];
      const file = path.join(ROOT, 'src', `${modulePath}.ts`);
      expect({ key: fn.key, file: path.relative(ROOT, file), exists: fs.existsSync(file) }).toEqual({
        key: fn.key,
        file: path.relative(ROOT, file),
        exists: true,
      });
      expect(exportName).toBe('handler');
      expect({ file: path.relative(ROOT, file), exportsHandler: exportedNames(file).has(exportName) }).toEqual({
        file: path.relative(ROOT, file),
        exportsHandler: true,
      });
    }
  });

  it('has unique module and function keys', () => {
    const keys = [...allModules.map((m) => m.key), ...functions.map((f) => f.key)];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('points every module resource at a declared resource, and every resource is used', () => {
    const declared = new Set(manifest.resources.map((r) => r.key));
    const used = new Set<string>();
    for (const m of allModules.filter((m) => m.resource !== undefined)) {
      const key = String(m.resource).split('/')[0] ?? '';
      used.add(key);
      expect({ module: m.key, resource: key, declared: declared.has(key) }).toEqual({
        module: m.key,
        resource: key,
        declared: true,
      });
    }
    expect([...declared].sort()).toEqual([...used].sort());
  });

  it('serves each Custom UI resource from static/dist/<resource key>', () => {
    expect(Object.fromEntries(manifest.resources.map((r) => [r.key, r.path]))).toEqual({
      'project-page': 'static/dist/project-page',
      'issue-panel': 'static/dist/issue-panel',
      'admin-page': 'static/dist/admin-page',
      'dashboard-gadget': 'static/dist/dashboard-gadget',
    });
  });

  it('points every function reference at a declared function', () => {
    const declared = new Set(functions.map((f) => f.key));
    const refs = allModules.flatMap((m) =>
      [m.resolver?.function, m.function]
        .filter((f): f is string => typeof f === 'string')
        .map((f) => ({ module: m.key, f })),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const { module, f } of refs) {
      expect({ module, function: f, declared: declared.has(f) }).toEqual({ module, function: f, declared: true });
    }
  });

  it('declares the three Jira UI modules with the agreed titles, all on the resolver function', () => {
    const one = (type: string) => {
      const entries = manifest.modules[type] ?? [];
      expect(entries).toHaveLength(1);
      return entries[0] as ModuleEntry;
    };
    expect(one('jira:projectPage')).toMatchObject({
      title: 'Clause 5.1 coverage',
      resource: 'project-page',
      resolver: { function: 'resolver' },
    });
    expect(one('jira:issuePanel')).toMatchObject({
      title: 'Clause 5.1 evidence',
      resource: 'issue-panel',
      resolver: { function: 'resolver' },
    });
    expect(one('jira:adminPage')).toMatchObject({
      title: 'Clause 5.1 coverage settings',
      resource: 'admin-page',
      resolver: { function: 'resolver' },
    });
    expect(functions.find((f) => f.key === 'resolver')?.handler).toBe('index.handler');
  });

  it('gives the issue panel an icon inside its own resource', () => {
    expect(manifest.modules['jira:issuePanel']?.[0]?.icon).toMatch(/^resource:issue-panel;[^;]+\.svg$/);
  });

  it('declares no background functions: large projects are read in parallel inside the resolver', () => {
    expect(manifest.modules.consumer).toBeUndefined();
    expect(manifest.modules.trigger).toBeUndefined();
    expect(functions.map((f) => f.key)).toEqual(['resolver']);
  });
});

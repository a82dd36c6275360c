import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSite } from '../../dev/demo/demo-site';
import { runReport } from '../../src/cli/report';

const AS_OF = '2026-11-28';
const dir = mkdtempSync(join(tmpdir(), 'report-duplicates-'));
const site = buildDemoSite(AS_OF);
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const report = (path: string) =>
  runReport(['--data', path, '--project', 'ISMS', '--as-of', AS_OF, '--format', 'json'], new Date());

/** The same object with its keys, at every depth, in reverse order: equal as JSON, different as text. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

describe('the report command reads an issue that an export holds twice', () => {
  const once = report(file('once.json', { issues: site.issues }));

  test('overlapping pages: each issue is read once, and the report is the one of the export without overlap', () => {
    const overlapping = file('overlapping.json', [
      { issues: site.issues.slice(0, 8), nextPageToken: 'a' },
      { issues: site.issues.slice(5), isLast: true },
    ]);
    const { code, stdout, stderr } = report(overlapping);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(once.stdout);
  });

  test('the same issue with its fields in another order is the same issue', () => {
    const [first] = site.issues;
    const { code, stdout } = report(file('reordered.json', { issues: [...site.issues, reordered(first)] }));
    expect(code).toBe(0);
    expect(stdout).toBe(once.stdout);
  });

  test('two different versions of one key are refused with one sentence naming the key', () => {
    const [first, ...rest] = site.issues;
    if (!first) throw new Error('the demo site has no issues');
    const later = { ...first, fields: { ...first.fields, summary: `${String(first.fields.summary)} (edited)` } };
    const { code, stdout, stderr } = report(
      file('two-versions.json', [{ issues: [first, ...rest] }, { issues: [later] }]),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `report: The export has two different versions of ${first.key} (overlapping pages exported at different times?): export again in one go.\n`,
    );
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLargeExport } from '../../dev/export/large-export';

const ROOT = resolve(__dirname, '../..');
const AS_OF = '2026-11-28';
// Reading a 40 MB export whole (its text, then its JSON tree) needs more than 64 MB of heap; the
// stream holds only the engine's issues and needs about 24 MB, so 48 MB leaves it room to spare.
const EXPORT_BYTES = 40e6;
const HEAP_MB = 48;

const dir = mkdtempSync(join(tmpdir(), 'report-large-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The real command in a child whose heap is capped, as on a small machine. */
function reportWithHeapCap(data: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/report.ts'), '--data', data, '--project', 'ISMS', '--as-of', AS_OF],
    { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } },
  );
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('the report command streams a large export', () => {
  test(`a 40 MB export is graded in a ${HEAP_MB} MB heap`, () => {
    const data = join(dir, 'export.json');
    const issues = writeLargeExport(data, EXPORT_BYTES, 'page', AS_OF);
    expect(statSync(data).size).toBeGreaterThanOrEqual(EXPORT_BYTES);
    const { code, signal, stdout, stderr } = reportWithHeapCap(data);
    expect({ code, signal, stderr: stderr.slice(0, 300) }).toEqual({ code: 0, signal: null, stderr: '' });
    // Two issues in three are ISMS issues, six in seven of those carry an evidence label.
    expect(stdout).toMatch(/- Evidence issues: \d{4,}/);
    expect(Number(/- Evidence issues: (\d+)/.exec(stdout)?.[1])).toBeGreaterThan(issues / 2);
  }, 60_000);
});

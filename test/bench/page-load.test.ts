import { startedPids } from '../../dev/bench/children';
import { measurePageLoad, pageLoadLine } from '../../dev/bench/page-load';

jest.setTimeout(60_000);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs the bench's page-load step with CHROMIUM_PATH set, as `npm run bench` would see it. */
async function pageLoadWith(chromium: string): Promise<{ line: string; pids: readonly number[] }> {
  const before = startedPids().length;
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = chromium;
  try {
    const line = pageLoadLine(await measurePageLoad(1));
    return { line, pids: startedPids().slice(before) };
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
}

describe("the bench's page-load step without a working Chromium", () => {
  test('no Chromium at the path: it ends with one line and starts no child', async () => {
    const { line, pids } = await pageLoadWith('/nonexistent/chromium');
    expect(line).toBe('page load: skipped, no Chromium at /nonexistent/chromium');
    expect(pids.filter(alive)).toEqual([]);
  });

  test('a Chromium that fails to launch: one line, and the host it started is stopped', async () => {
    // An executable that exits at once: found, but no browser.
    const { line, pids } = await pageLoadWith('/bin/false');
    expect(line).toMatch(/^page load: skipped, Chromium at \/bin\/false did not start \(.+\)$/);
    expect(line.split('\n')).toHaveLength(1);
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });
});

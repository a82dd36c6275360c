import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '../..');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts the stand-in bench and waits for the pids of the children it started. */
async function benchWithChildren() {
  const bench = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/parent-of-children.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: bench.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  return { bench, children: (JSON.parse(line) as { children: number[] }).children };
}

describe("the bench's children stop with it", () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s the bench stops every child, then exits %i', async (signal, code) => {
    const { bench, children } = await benchWithChildren();
    expect(children.filter(alive)).toHaveLength(2);
    const exited = once(bench, 'exit');
    bench.kill(signal);
    const [exitCode] = (await exited) as [number | null];
    const survivors = children.filter(alive);
    // Whatever the outcome, leave nothing behind for the next test.
    for (const pid of survivors) process.kill(pid, 'SIGKILL');
    expect(survivors).toEqual([]);
    expect(exitCode).toBe(code);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs a tsx script to completion and returns the JSON line it printed last. */
export function runJson<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(TSX, [join(__dirname, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${script} failed (${code}): ${err.trim().slice(0, 500)}`));
        return;
      }
      try {
        resolveRun(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no result: ${out.slice(0, 300)}`));
      }
    });
  });
}

/** Starts a long-lived tsx script and waits for the first line it prints that matches. */
export function startChild(
  script: string,
  args: string[],
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(TSX, [script.startsWith('/') ? script : join(__dirname, script), ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} did not start in ${timeoutMs} ms: ${err.slice(0, 300)}`));
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready: ${err.slice(0, 500)}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready.test(line)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolveStart({ child, line });
      }
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) {
      done();
      return;
    }
    child.once('exit', () => done());
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

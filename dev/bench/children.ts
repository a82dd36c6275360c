import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const STOP_GRACE_MS = 5_000;

/** Every child started here and not yet gone, so each can be stopped on any path out. */
const live = new Set<ChildProcess>();
const started: number[] = [];

/** The pids of every child this process started, gone or not: what a caller checks is gone. */
export const startedPids = (): readonly number[] => started;

/**
 * Node with tsx's loader, not the tsx command: tsx runs the script in a second process, which
 * stopping the first does not always stop. This way the child's pid is the script's own.
 */
function spawnScript(script: string, args: string[], stdin: 'ignore' | 'pipe'): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script.startsWith('/') ? script : join(__dirname, script), ...args],
    { cwd: ROOT, stdio: [stdin, 'pipe', 'pipe'] },
  );
  if (child.pid !== undefined) started.push(child.pid);
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Runs a tsx script to completion and returns the JSON line it printed last. */
export function runJson<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolveRun, reject) => {
    const child = spawnScript(script, args, 'ignore');
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
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
    const child = spawnScript(script, args, 'pipe');
    let err = '';
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`${script} did not start in ${timeoutMs} ms: ${err.slice(0, 300)}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready: ${err.slice(0, 500)}`));
    });
    if (!child.stdout) return;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (ready.test(line)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolveStart({ child, line });
      }
    });
  });
}

/** Asks the child to stop (stdin closed, SIGTERM), and kills it if it has not gone in a few seconds. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done();
      return;
    }
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

/** Stops every child still running. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map(stopChild));
}

/**
 * For a script that starts children (the benchmark): on Ctrl-C or SIGTERM, stop them all before
 * exiting; and whatever ends the process, kill any child still there as it goes.
 */
export function stopChildrenWithProcess(): void {
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    process.stderr.write(`\n${signal}: stopping ${live.size} child process${live.size === 1 ? '' : 'es'}\n`);
    void stopAllChildren().then(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

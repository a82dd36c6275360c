import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, startChild, stopChild } from './children';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. Read when asked, so a caller's setting counts. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page-load step's outcome: the times measured, or why there are none. */
export type PageLoad = { times: number[] } | { skipped: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chromium, or why not. The bench stops its own children on a signal, and Playwright's exit hook
 * still kills the browser, so Playwright's own signal handlers (which exit at once) stay off.
 */
async function launch(path: string): Promise<Browser | string> {
  try {
    return await chromium.launch({
      executablePath: path,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
      handleSIGINT: false,
      handleSIGTERM: false,
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return `Chromium at ${path} did not start (${reason})`;
  }
}

async function timeRuns(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'host_user', value: 'security-lead', url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${url}/projects/ISMS/coverage`);
    await page
      .frameLocator('iframe[data-frame="project-page"]')
      .getByText('coverage of the Clause 5.1 evidence categories')
      .waitFor({ timeout: 30_000 });
    times.push(performance.now() - start);
    await context.close();
  }
  return times;
}

/**
 * Milliseconds from opening the project page on the local host (demo data, security lead) to
 * the coverage figure being shown inside the app's iframe, each run in a fresh browser context.
 * Without a Chromium that starts, a reason instead; the host it started is stopped on every path.
 */
export async function measurePageLoad(runs: number, path = chromiumPath()): Promise<PageLoad> {
  if (!executable(path)) return { skipped: `no Chromium at ${path}` };
  const store = join(mkdtempSync(join(tmpdir(), 'bench-host-')), 'kvs.json');
  const { child, line } = await startChild(
    join(ROOT, 'dev/host/start.ts'),
    ['--port', '0', '--store', store],
    /http:\/\/localhost:\d+/,
  );
  try {
    const browser = await launch(path);
    if (typeof browser === 'string') return { skipped: browser };
    try {
      return { times: await timeRuns(browser, line.match(/http:\/\/localhost:\d+/)?.[0] ?? '', runs) };
    } finally {
      await browser.close();
    }
  } finally {
    await stopChild(child);
  }
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

/** The step's one line in the bench's output. */
export function pageLoadLine(result: PageLoad): string {
  if ('skipped' in result) return `page load: skipped, ${result.skipped}`;
  const sorted = [...result.times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `page load: ${result.times.map(ms).join(', ')}; median ${ms(median)} (target 1.5 s)`;
}

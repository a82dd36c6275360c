import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startChild, stopChild } from './children';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

/**
 * Milliseconds from opening the project page on the local host (demo data, security lead) to
 * the coverage figure being shown inside the app's iframe, each run in a fresh browser context.
 */
export async function measurePageLoad(runs: number): Promise<number[]> {
  const store = join(mkdtempSync(join(tmpdir(), 'bench-host-')), 'kvs.json');
  const { child, line } = await startChild(
    join(ROOT, 'dev/host/start.ts'),
    ['--port', '0', '--store', store],
    /http:\/\/localhost:\d+/,
  );
  const url = line.match(/http:\/\/localhost:\d+/)?.[0] ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'host_user', value: 'security-lead', url }]);
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
  } finally {
    await browser.close();
    await stopChild(child);
  }
}

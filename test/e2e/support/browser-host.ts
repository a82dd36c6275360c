import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { startChild, stopChild } from '../../../dev/bench/children';
import { CHROMIUM_ARGS, chromiumPath } from '../../../dev/bench/page-load';

const ROOT = resolve(__dirname, '../../..');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

export interface BrowserHost {
  url: string;
  browser: Browser;
  /** A fresh browser session as one of the host's personas. */
  as(
    persona: 'security-lead' | 'manager' | 'admin' | 'outsider',
    theme?: 'light' | 'dark',
  ): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** `npm start`'s host (demo data, a fresh settings file) and headless Chromium, for one test file. */
export async function startBrowserHost(): Promise<BrowserHost> {
  const store = join(mkdtempSync(join(tmpdir(), 'e2e-host-')), 'kvs.json');
  const { child, line } = await startChild(
    join(ROOT, 'dev/host/start.ts'),
    ['--port', '0', '--store', store],
    /http:\/\/localhost:\d+/,
  );
  const url = line.match(/http:\/\/localhost:\d+/)?.[0] ?? '';
  const browser = await chromium
    .launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      // The host is already running: stop it, or the test run never ends.
      await stopChild(child);
      throw error;
    });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    browser,
    async as(persona, theme = 'light') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      // As the host's own switcher would set them: out of reach of script, the frame's included.
      await context.addCookies(
        [
          { name: 'host_user', value: persona },
          { name: 'host_theme', value: theme },
        ].map((cookie) => ({ ...cookie, url, httpOnly: true, sameSite: 'Strict' as const })),
      );
      return { context, page: await context.newPage() };
    },
    async stop() {
      await browser.close();
      await stopChild(child);
    },
  };
}

export const projectFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="project-page"]');
export const panelFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="issue-panel"]');
export const adminFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="admin-page"]');

/** Serious and critical accessibility violations on the page, the app's iframe included. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

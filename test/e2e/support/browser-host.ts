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
  /**
   * The Content-Security-Policy violations seen since the last call, in every frame of every
   * session: `securitypolicyviolation` events and the browser's own console errors about the
   * policy. The host serves each screen under the policy Forge computes for the manifest
   * (dev/host/csp.ts), so a violation here is one a user would meet in Jira.
   */
  takeCspViolations(): string[];
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
  let violations: string[] = [];
  return {
    url,
    browser,
    takeCspViolations() {
      const taken = violations;
      violations = [];
      return taken;
    },
    async as(persona, theme = 'light') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await watchCsp(context, (violation) => violations.push(`${persona}, ${theme}: ${violation}`));
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

const CSP_BINDING = '__clause51TestCspViolation';

/** Reports every policy violation in any frame of the session, as the event and as the browser logs it. */
async function watchCsp(context: BrowserContext, report: (violation: string) => void): Promise<void> {
  await context.exposeBinding(CSP_BINDING, ({ frame }, text: unknown) => {
    report(`${String(text)} (in ${frame.url()})`);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const send = (window as unknown as Record<string, ((text: string) => void) | undefined>)[binding];
      send?.(`${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'}`);
    });
  }, CSP_BINDING);
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text()))
      report(`console: ${message.text()}`);
  });
}

/**
 * The browser host for one test file: started before its tests, stopped after them, and each test
 * fails when any screen it visited broke the Content-Security-Policy Forge would serve it with.
 */
export function useBrowserHost(): BrowserHost {
  let current: BrowserHost | undefined;
  beforeAll(async () => {
    current = await startBrowserHost();
  });
  afterEach(() => {
    expect(current?.takeCspViolations() ?? []).toEqual([]);
  });
  afterAll(() => current?.stop());
  const started = (): BrowserHost => {
    if (!current) throw new Error('useBrowserHost: the host starts in beforeAll');
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
    takeCspViolations: () => started().takeCspViolations(),
    as: (...args) => started().as(...args),
    stop: () => started().stop(),
  };
}

export const projectFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="project-page"]');
export const panelFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="issue-panel"]');
export const adminFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame="admin-page"]');
/** The frame of the modal Jira draws over the page (Forge's Modal), e.g. the "Create issue" dialog. */
export const modalFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-host-modal]');

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

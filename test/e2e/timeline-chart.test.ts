import type { FrameLocator } from 'playwright-core';
import { projectFrame, screenshot, seriousViolations, useBrowserHost } from './support/browser-host';

jest.setTimeout(90_000);
const host = useBrowserHost();

const DAY = /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/;
const VERDICT = /Ready for audit|Verbal warning|Minor non-conformity|Major non-conformity/;

/** The computed colours of the chart's lines and text, beside what the theme's tokens resolve to. */
function chartColours(app: FrameLocator) {
  return app.locator('body').evaluate(() => {
    const resolve = (variable: string) => {
      const probe = document.createElement('div');
      probe.style.color = `var(${variable})`;
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    };
    const stroke = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).stroke : 'missing';
    };
    const tick = document.querySelector('.recharts-cartesian-axis-tick-value');
    return {
      line: stroke('.recharts-line path.recharts-line-curve'),
      grid: stroke('.recharts-cartesian-grid line'),
      tickText: tick ? getComputedStyle(tick).fill : 'missing',
      tokens: {
        brand: resolve('--ds-chart-brand'),
        border: resolve('--ds-border'),
        subtle: resolve('--ds-text-subtle'),
      },
    };
  });
}

describe.each(['light', 'dark'] as const)('the coverage chart on the project page, %s theme', (theme) => {
  test('keyboard focus and hover show a week with its day, coverage and verdict; tokens colour the chart; no serious axe violations', async () => {
    const { context, page } = await host.as('security-lead', theme);
    await page.goto(`${host.url}/projects/ISMS/coverage`);
    const app = projectFrame(page);
    const chart = app.getByRole('img', { name: /^Coverage over time, / });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/today \(\d{1,2} \w{3} \d{4}\)/);
    expect(await app.locator('html').getAttribute('data-color-mode')).toBe(theme);

    // From the keyboard: Shift+Tab back from the table toggle reaches the chart, which shows the first week.
    const toggle = app.getByRole('button', { name: 'Show the chart as a table of weekly coverage' });
    await toggle.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await chart.evaluate((svg) => svg === document.activeElement)).toBe(true);
    const tooltip = app.getByTestId('timeline-tooltip');
    await tooltip.waitFor();
    const first = (await tooltip.textContent()) ?? '';
    expect(first).toMatch(new RegExp(`^${DAY.source} · Recorded`));
    expect(first).toMatch(/Coverage \d+(\.\d)?%/);
    expect(first).toMatch(VERDICT);
    const firstDay = DAY.exec(first)?.[0] ?? '';
    await page.keyboard.press('ArrowRight');
    await tooltip.filter({ hasNotText: firstDay }).waitFor();
    expect((await tooltip.textContent()) ?? '').toMatch(new RegExp(`^${DAY.source} · Recorded`));
    await screenshot(page, `timeline-chart-keyboard-${theme}`);
    // The chart does not hold on to focus: Tab goes on to the toggle.
    await page.keyboard.press('Tab');
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);

    // Hover near the right end: a forecast week.
    const box = await chart.boundingBox();
    if (!box) throw new Error('the chart has no box');
    await chart.hover({ position: { x: box.width - 24, y: box.height / 2 } });
    await tooltip.filter({ hasText: '· Forecast, if nothing new is recorded' }).waitFor();
    const hovered = (await tooltip.textContent()) ?? '';
    expect(hovered).toMatch(new RegExp(`^${DAY.source} · Forecast`));
    expect(hovered).toMatch(/Coverage \d+(\.\d)?%/);
    expect(hovered).toMatch(VERDICT);

    // Design tokens reach the SVG: the computed colours are the theme's, not the black fallback.
    const colours = await chartColours(app);
    expect(colours.line).toBe(colours.tokens.brand);
    expect(colours.grid).toBe(colours.tokens.border);
    expect(colours.tickText).toBe(colours.tokens.subtle);
    for (const colour of [colours.line, colours.grid, colours.tickText])
      expect(colour).not.toMatch(/^(rgb\(0, 0, 0\)|none)$/);

    await page.mouse.move(0, 0);
    await screenshot(page, `timeline-chart-${theme}`);
    expect(await seriousViolations(page)).toEqual([]);
    // The same data as a table, checked too.
    await toggle.click();
    const table = app.getByRole('table', { name: /^Coverage week by week/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + 66);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

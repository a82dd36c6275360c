/** The admin page's help: docs/grading.md as a self-contained page beside the settings (issue 20). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRADING_PAGE, gradingHtml, writeGradingPage } from '../../dev/grading-page';

test('the rules render as one page: headings and tables, no script, nothing loaded from elsewhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grading-'));
  writeGradingPage(dir);
  const html = readFileSync(join(dir, GRADING_PAGE), 'utf8');
  expect(html).toContain('<h1>How Clause 5.1 Coverage grades the evidence</h1>');
  expect(html).toContain('<h2>What could not be checked</h2>');
  expect(html).toMatch(/<table>[\s\S]*Management reviews[\s\S]*<\/table>/);
  expect(html).not.toMatch(/<script|\bsrc=|<link|@import|url\(/i);
});

test('HTML in the markdown stays text', () => {
  const html = gradingHtml('# Title\n\n<img src=x onerror=alert(1)> and <script>alert(1)</script>');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain('<script>alert');
});

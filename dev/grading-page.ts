/**
 * docs/grading.md as a page of the admin page's resource (`grading.html`), so the settings page's
 * help links to the rules in the app itself, wherever Forge serves it. One self-contained page:
 * inline CSS (which the manifest's `unsafe-inline` styles allow), no script, nothing loaded from
 * elsewhere, raw HTML in the markdown escaped. Light and dark follow the viewer's system.
 */
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

export const GRADING_SOURCE = path.resolve(__dirname, '..', 'docs', 'grading.md');
/** The file name beside the admin page's index.html, which the page links to. */
export const GRADING_PAGE = 'grading.html';

const STYLE = `
  :root { color-scheme: light dark; --text: #292a2e; --subtle: #505258; --border: #dddee1; --code: #f0f1f2; }
  @media (prefers-color-scheme: dark) {
    :root { --text: #cecfd2; --subtle: #a9abaf; --border: #3d3f43; --code: #2b2c2f; }
  }
  body { font: 14px/1.55 ui-sans-serif, -apple-system, "Segoe UI", Ubuntu, sans-serif; color: var(--text);
    max-width: 980px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 24px; } h2 { font-size: 18px; margin-top: 28px; }
  table { border-collapse: collapse; width: 100%; margin: 12px 0; }
  th, td { border: 1px solid var(--border); padding: 6px 8px; text-align: left; vertical-align: top; }
  code { background: var(--code); padding: 1px 4px; border-radius: 3px; }
  p, li { max-width: 80ch; }
`;

/** The page's HTML for `markdown`. */
export function gradingHtml(markdown: string): string {
  const body = new MarkdownIt({ html: false, linkify: false, typographer: false }).render(markdown);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>How Clause 5.1 Coverage grades the evidence</title>
    <style>${STYLE}</style>
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** Writes the page into the built admin page's resource directory. */
export function writeGradingPage(resourceDir: string): void {
  fs.writeFileSync(path.join(resourceDir, GRADING_PAGE), gradingHtml(fs.readFileSync(GRADING_SOURCE, 'utf8')));
}

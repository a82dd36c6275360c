import MarkdownIt from 'markdown-it';
import { buildReport } from '../../src/core/report';
import { reportToMarkdown } from '../../src/export/markdown';
import { inert } from '../../src/export/markdown-text';
import { aConfig, allMetIssues, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';

// The most permissive renderer a report may be pasted into: raw HTML on, bare URLs linked, any link
// scheme allowed. What the export did not write must come out of it as plain text.
const renderer = new MarkdownIt({ html: true, linkify: true });
renderer.validateLink = () => true;
const render = (markdown: string) => renderer.render(markdown);
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

// Jira labels cannot hold spaces, so the hostile labels are written without them.
const HOSTILE = {
  key: 'ISMS-9<img/src=x/onerror=alert(1)>',
  label: '[click](javascript:alert(1))',
  approvalLabel: '<b>approved</b>',
  reason:
    'See <script>alert(1)</script> [the pack](https://evil.example/x) or www.evil.example, **now** | `run` ~~me~~ _a_ mail@evil.example evil.com &lt;',
};

function hostileReport() {
  const config = aConfig(
    {
      'strategy-alignment': { labels: [HOSTILE.label] },
      'management-targets': { enabled: false, disabledReason: HOSTILE.reason },
    },
    { approvalLabel: HOSTILE.approvalLabel },
  );
  const issues = [
    ...allMetIssues(AS_OF).filter(
      (i) => !i.labels.includes(label('corrective-action')) && !i.labels.includes(label('strategy-alignment')),
    ),
    // Stale strategy evidence: a finding that quotes the key and the label.
    anIssue({ key: HOSTILE.key, labels: [HOSTILE.label], resolved: '2024-01-01' }),
  ];
  return buildReport('ISMS', issues, config, AS_OF);
}

describe('the markdown export makes what it did not write inert', () => {
  const markdown = reportToMarkdown(hostileReport());
  const html = render(markdown);

  test('no link, image, script or tag comes out of values from Jira or the admin', () => {
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<script\b/);
    expect(html).not.toMatch(/<b>/);
    expect(html).not.toMatch(/<(em|code|s|del)>/);
  });

  test('the values still read as themselves once rendered', () => {
    const text = textOf(html);
    expect(text).toContain(HOSTILE.key);
    expect(text).toContain(HOSTILE.label);
    expect(text).toContain(HOSTILE.approvalLabel);
    expect(text).toContain(HOSTILE.reason);
  });

  test('a pipe in a value stays inside its table cell', () => {
    const row = markdown.split('\n').find((line) => line.startsWith('| Department security targets'));
    expect(row).toBeDefined();
    // The unescaped pipes are the row's own five cell borders.
    expect(row?.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(6);
  });

  test('the export still writes its own markup: headings, tables and bold severities', () => {
    expect(html).toContain('<h1>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<strong>(Minor NC|Major NC|Verbal warning|Observation)<\/strong>/);
  });
});

describe('inert: Markdown and HTML in one value', () => {
  test.each([
    ['a link', '[click](https://evil.example)', '\\[click\\](https\\://evil\\.example)'],
    ['an image', '![x](y)', '!\\[x\\](y)'],
    ['a tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an entity stays text', '&lt;b&gt;', '&amp;lt;b&amp;gt;'],
    ['emphasis and code', '**a** _b_ `c` ~~d~~', '\\*\\*a\\*\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~'],
    ['a table pipe', 'a | b', 'a \\| b'],
    ['a backslash of its own', 'a\\*', 'a\\\\\\*'],
    ['a bare web address', 'www.evil.example', 'www\\.evil\\.example'],
    ['an e-mail address', 'a@evil.example', 'a\\@evil\\.example'],
    ['a line break cannot start a block', 'one\n# two\r\n> three', 'one # two &gt; three'],
    [
      'plain words, dates and sentences are left as they are',
      'Done on 2026-11-28, in 3 days.',
      'Done on 2026-11-28, in 3 days.',
    ],
  ])('%s', (_name, value, expected) => {
    expect(inert(value)).toBe(expected);
    const html = renderer.renderInline(inert(value));
    expect(html).not.toMatch(/<[a-z]/i);
    expect(textOf(html)).toBe(value.replace(/\r?\n/g, ' '));
  });
});

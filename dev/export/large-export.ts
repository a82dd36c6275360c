/**
 * Writes a large Jira export (what /rest/api/3/search/jql returns) to a file, issue by issue, for
 * measuring the report command's memory on big files without ever holding one in memory:
 *
 *   npx tsx dev/export/large-export.ts --out /tmp/export.json --mb 200 [--shape page|pages|bare]
 *
 * Each issue is a realistic REST v3 issue (status and user objects, a short description) of about
 * 2 KB. Most are ISMS evidence over every category; some carry no evidence label; a third belong
 * to another project, as a site-wide export would.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CATEGORIES } from '../../src/core/categories';
import { addDaysTo } from '../../src/core/dates';
import { jiraIssue, type JiraIssueJson } from '../demo/jira-issue';

export type ExportShape = 'page' | 'pages' | 'bare';
const PAGE_SIZE = 100;
const FLUSH_BYTES = 1 << 20;
const OWNER = { accountId: 'demo-security-lead', displayName: 'Sam Rivera', active: true };

function description(i: number) {
  const text = `Evidence record ${i}: minutes, decisions and follow-up actions agreed by the leadership team. `;
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: text.repeat(4) }] }],
  };
}

/** The i-th issue of the export: deterministic, so two runs write the same file. */
export function exportIssue(i: number, asOf: string): JiraIssueJson {
  const def = CATEGORIES[i % CATEGORIES.length];
  if (!def) throw new Error('no category definitions');
  const project = i % 3 === 2 ? 'ITOPS' : 'ISMS';
  const age = (i * 37) % 700;
  // Varied per category (i % 10 picks the category), so each one mixes open and done issues.
  const done = Math.floor(i / CATEGORIES.length) % 5 !== 0;
  const labels = i % 7 === 3 ? ['housekeeping'] : [def.defaultLabel];
  if (def.rule === 'corrective' && i % 3 !== 0) labels.push('board-approved');
  return jiraIssue({
    key: `${project}-${i + 1}`,
    id: String(100000 + i),
    summary: `${def.name} record ${i}`,
    labels,
    status: done ? 'done' : 'indeterminate',
    created: addDaysTo(asOf, -age - 10),
    resolved: done ? addDaysTo(asOf, -age) : undefined,
    duedate: done ? undefined : addDaysTo(asOf, (i % 60) - 20),
    assignee: def.rule === 'role' && i % 7 === 0 ? null : OWNER,
    projectName: project === 'ISMS' ? 'Information Security Management' : 'IT Operations',
    projectId: project === 'ISMS' ? '10000' : '10001',
    custom: { description: description(i) },
  });
}

/** Writes issues until the file holds about `bytes`; returns how many issues it wrote. */
export function writeLargeExport(path: string, bytes: number, shape: ExportShape, asOf: string): number {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let pendingBytes = 0;
  let written = 0;
  const put = (text: string) => {
    pending.push(text);
    pendingBytes += text.length;
    if (pendingBytes >= FLUSH_BYTES) flush();
  };
  const flush = () => {
    writeSync(fd, pending.join(''));
    written += pendingBytes;
    pending = [];
    pendingBytes = 0;
  };
  try {
    put(shape === 'page' ? '{"issues":[' : '[');
    let i = 0;
    for (; written + pendingBytes < bytes; i += 1) {
      const pageStart = shape === 'pages' && i % PAGE_SIZE === 0;
      if (pageStart) put(i === 0 ? '{"issues":[' : `],"nextPageToken":"p${i}"},{"issues":[`);
      else if (i > 0) put(',');
      put(JSON.stringify(exportIssue(i, asOf)));
    }
    put(shape === 'page' ? '],"isLast":true}' : shape === 'pages' ? '],"isLast":true}]' : ']');
    flush();
    return i;
  } finally {
    closeSync(fd);
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      mb: { type: 'string', default: '200' },
      shape: { type: 'string', default: 'page' },
      'as-of': { type: 'string', default: '2026-11-28' },
    },
  });
  const shape = values.shape;
  if (!values.out || (shape !== 'page' && shape !== 'pages' && shape !== 'bare')) {
    process.stderr.write('usage: tsx dev/export/large-export.ts --out <file> [--mb 200] [--shape page|pages|bare]\n');
    process.exit(2);
  }
  const count = writeLargeExport(values.out, Number(values.mb) * 1e6, shape, values['as-of']);
  process.stdout.write(`${values.out}: ${count} issues\n`);
}

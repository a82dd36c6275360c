import type { CoverageReport } from '../core/types';

const HEADER = [
  'project',
  'asOf',
  'category',
  'categoryStatus',
  'issueKey',
  'summary',
  'done',
  'counts',
  'effectiveDate',
  'expiresOn',
  'problems',
  'approvers',
  'participants',
  'advisories',
];

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per evidence issue per category, for the audit file. */
export function reportToCsv(report: CoverageReport): string {
  const rows = [HEADER];
  for (const category of report.categories) {
    for (const e of category.evidence) {
      rows.push([
        report.projectKey,
        report.asOf,
        category.id,
        category.status,
        e.key,
        e.summary,
        String(e.done),
        String(e.counts),
        e.effectiveDate ?? '',
        e.expiresOn ?? '',
        e.problems.join(' | '),
        (e.approvers ?? []).map((u) => u.displayName).join(' | '),
        (e.participants ?? []).map((u) => u.displayName).join(' | '),
        (e.failedChecks ?? [])
          .filter((c) => c.advisory)
          .map((c) => c.message)
          .join(' | '),
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

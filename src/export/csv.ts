import type { CategoryResult, CoverageReport, EvidenceEntry } from '../core/types';

/**
 * One rectangular table, so a spreadsheet opens, sorts and filters it as it is: the report's
 * figures (coverage, verdict, complete) are columns repeated on every row rather than a header
 * block above the table, which spreadsheets and CSV readers would take for rows of data.
 */
const REPORT_COLUMNS = ['project', 'asOf', 'coverage', 'verdict', 'complete'];
const CATEGORY_COLUMNS = ['category', 'categoryStatus', 'disabledReason'];
const ISSUE_COLUMNS = [
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
const HEADER = [...REPORT_COLUMNS, ...CATEGORY_COLUMNS, ...ISSUE_COLUMNS];

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The issue columns of one evidence entry; empty for a category with no evidence. */
function issueCells(e: EvidenceEntry | undefined): string[] {
  if (!e) return ISSUE_COLUMNS.map(() => '');
  return [
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
  ];
}

/**
 * The audit file on its own: one row per evidence issue per category, and one row with empty issue
 * columns for a category with no evidence (missing, or disabled with its reason), so every category
 * is there with its status; every row carries the report's coverage and verdict.
 */
export function reportToCsv(report: CoverageReport): string {
  const rowsOf = (category: CategoryResult): string[][] => {
    const start = [
      report.projectKey,
      report.asOf,
      String(report.coverage),
      report.verdict,
      String(report.complete),
      category.id,
      category.status,
      category.disabledReason ?? '',
    ];
    const entries = category.evidence.length > 0 ? category.evidence : [undefined];
    return entries.map((e) => [...start, ...issueCells(e)]);
  };
  const rows = [HEADER, ...report.categories.flatMap(rowsOf)];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The CSV export is the audit file on its own (issue 20): every category, the missing and the
 * disabled ones too, and the report's coverage and verdict, in one rectangular table.
 */
import { buildReport } from '../../src/core/report';
import { CATEGORY_IDS } from '../../src/core/types';
import { reportToCsv } from '../../src/export/csv';
import { aConfig, anIssue, label, withoutTopManagementChecks } from '../support/builders';

const AS_OF = '2026-11-28';

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

const config = withoutTopManagementChecks(
  aConfig({ 'strategy-alignment': { enabled: false, disabledReason: '=HYPERLINK("x") objectives are set elsewhere' } }),
);
const issues = [
  anIssue({ key: 'ISMS-1', labels: [label('workshop-outcome')], resolved: '2026-10-01', summary: 'Workshop, Q3' }),
  anIssue({ key: 'ISMS-2', labels: [label('management-review')], resolved: '2025-01-10' }),
];
const report = buildReport('ISMS', issues, config, AS_OF);
const rows = parseCsv(reportToCsv(report));
const [header = [], ...data] = rows;
const column = (row: string[], name: string) => row[header.indexOf(name)];

describe('reportToCsv', () => {
  test('one rectangular table: every row has every column', () => {
    expect(header).toEqual([
      'project',
      'asOf',
      'coverage',
      'verdict',
      'complete',
      'category',
      'categoryStatus',
      'disabledReason',
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
    ]);
    for (const row of data) expect(row).toHaveLength(header.length);
  });

  test("every row carries the report's coverage, verdict and completeness", () => {
    expect(report.verdict).toBe('major-nc');
    for (const row of data)
      expect([column(row, 'coverage'), column(row, 'verdict'), column(row, 'complete')]).toEqual([
        String(report.coverage),
        'major-nc',
        'true',
      ]);
  });

  test('every category is there: one row per evidence issue, one with empty issue columns where there is none', () => {
    expect(new Set(data.map((row) => column(row, 'category')))).toEqual(new Set(CATEGORY_IDS));
    // Two categories with an issue each, eight with none.
    expect(data).toHaveLength(10);
    const missing = data.find((row) => column(row, 'category') === 'security-policy');
    expect(missing?.slice(header.indexOf('categoryStatus'))).toEqual(['missing', ...header.slice(7).map(() => '')]);
    const workshop = data.find((row) => column(row, 'category') === 'workshop-outcome');
    expect([column(workshop ?? [], 'issueKey'), column(workshop ?? [], 'summary')]).toEqual(['ISMS-1', 'Workshop, Q3']);
    expect(column(workshop ?? [], 'effectiveDate')).toBe('2026-10-01');
  });

  test('a disabled category has its row, with its reason made inert for a spreadsheet', () => {
    const disabled = data.filter((row) => column(row, 'category') === 'strategy-alignment');
    expect(disabled).toHaveLength(1);
    expect(column(disabled[0] ?? [], 'categoryStatus')).toBe('disabled');
    expect(column(disabled[0] ?? [], 'disabledReason')).toBe(`'=HYPERLINK("x") objectives are set elsewhere`);
    expect(column(disabled[0] ?? [], 'issueKey')).toBe('');
  });
});

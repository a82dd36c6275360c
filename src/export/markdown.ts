import { ITEM_TEXT } from '../core/categories';
import type { CoverageReport } from '../core/types';
import { SEVERITY_WORDS, STATUS_WORDS, VERDICT_WORDS } from './words';

// Pipes and newlines would break a Markdown table cell.
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A summary a security lead can paste into the audit file. */
export function reportToMarkdown(report: CoverageReport): string {
  const lines: string[] = [];
  lines.push(`# ISO/IEC 27001:2022 Clause 5.1 coverage: ${report.projectKey}`, '');
  lines.push(`- As of: ${report.asOf}`);
  lines.push(`- Coverage: ${report.coverage.toFixed(1)}%`);
  lines.push(`- Verdict: ${VERDICT_WORDS[report.verdict]}`);
  lines.push(`- Evidence issues: ${report.evidenceIssueCount}`);
  if (!report.complete) lines.push('- **Incomplete:** not every issue could be read; the figures may be too low.');
  lines.push('', '## Categories', '', '| Category | Status | Evidence | Newest | Lapses on |', '|---|---|---|---|---|');
  for (const c of report.categories) {
    const status =
      c.status === 'disabled' && c.disabledReason
        ? `${STATUS_WORDS[c.status]} (${c.disabledReason})`
        : STATUS_WORDS[c.status];
    lines.push(
      `| ${cell(c.name)} | ${cell(status)} | ${c.evidence.length} | ${c.newestEffectiveDate ?? '-'} | ${c.expiresOn ?? '-'} |`,
    );
  }
  lines.push('', '## Clause 5.1 items', '', '| Item | Top management ... | Coverage |', '|---|---|---|');
  for (const item of report.items) {
    lines.push(
      `| (${item.id}) | ${ITEM_TEXT[item.id]} | ${item.coverage === null ? 'not assessed' : `${item.coverage.toFixed(1)}%`} |`,
    );
  }
  lines.push('', '## Findings', '');
  if (report.findings.length === 0) lines.push('No findings.');
  for (const f of report.findings) {
    const keys = f.issueKeys.length > 0 ? ` (${f.issueKeys.join(', ')})` : '';
    lines.push(`- **${SEVERITY_WORDS[f.severity]}**: ${cell(f.message)}${keys} Fix: ${cell(f.fix)}`);
  }
  return lines.join('\n') + '\n';
}

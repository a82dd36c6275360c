import { categoryDefinition, ITEM_TEXT } from '../core/categories';
import { humanDay } from '../core/dates';
import type { CoverageReport, CoverageTimeline } from '../core/types';
import { inert } from './markdown-text';
import { SEVERITY_WORDS, STATUS_WORDS, VERDICT_WORDS } from './words';

/**
 * A summary a security lead can paste into the audit file. Every value this file did not write
 * (keys, names, labels and reasons inside sentences, dates) goes through `inert`, so a crafted
 * summary, label or reason cannot bring a live link or tag into the audit file.
 */
/** A day as every screen shows it ("23 Dec 2026"), or a dash. */
const day = (value: string | undefined): string => (value ? humanDay(value) : '-');

export function reportToMarkdown(report: CoverageReport & Partial<CoverageTimeline>): string {
  const lines: string[] = [];
  lines.push(`# ISO/IEC 27001:2022 Clause 5.1 coverage: ${inert(report.projectKey)}`, '');
  lines.push(`- As of: ${humanDay(report.asOf)}`);
  lines.push(`- Coverage: ${report.coverage.toFixed(1)}%`);
  lines.push(`- Verdict: ${VERDICT_WORDS[report.verdict]}`);
  lines.push(`- Evidence issues: ${report.evidenceIssueCount}`);
  if (!report.complete) lines.push('- **Incomplete:** not every issue could be read; the figures may be too low.');
  // Spec 15: what could not be checked is said, so the figures are not read as complete.
  if (report.provisional) lines.push(`- **Provisional:** ${inert(report.provisional.reason)}`);
  lines.push(
    '',
    '## Categories',
    '',
    '| Category | Status | Evidence | Newest that counts | Lapses on |',
    '|---|---|---|---|---|',
  );
  for (const c of report.categories) {
    const status =
      c.status === 'disabled' && c.disabledReason
        ? `${STATUS_WORDS[c.status]} (${inert(c.disabledReason)})`
        : STATUS_WORDS[c.status];
    const newer = c.newerNotCounting
      ? ` (newer, not counting: ${humanDay(c.newerNotCounting.day)}, ${c.newerNotCounting.issueKeys.map(inert).join(', ')})`
      : '';
    lines.push(
      `| ${inert(c.name)} | ${status} | ${c.evidence.length} | ${day(c.newestCountingDate)}${newer} | ${day(c.expiresOn)} |`,
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
    const keys = f.issueKeys.length > 0 ? ` (${f.issueKeys.map(inert).join(', ')})` : '';
    const couldNot = f.unknown ? ' (could not be checked)' : '';
    lines.push(`- **${SEVERITY_WORDS[f.severity]}**${couldNot}: ${inert(f.message)}${keys} Fix: ${inert(f.fix)}`);
  }
  if (report.upcoming) {
    // Spec 9: what lapses (or comes into force) in the next 91 days if nothing new is recorded.
    lines.push('', '## What changes in the next 91 days', '');
    if (report.upcoming.length === 0) lines.push('Nothing lapses or comes into force in the next 91 days.');
    for (const u of report.upcoming) {
      const keys = u.issueKeys.length > 0 ? ` (${u.issueKeys.map(inert).join(', ')})` : '';
      lines.push(
        `- ${humanDay(u.day)}: ${inert(categoryDefinition(u.categoryId).name)} goes from ${STATUS_WORDS[u.statusBefore]} to ${STATUS_WORDS[u.statusAfter]}${keys}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

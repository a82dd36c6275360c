/** How the report says where its issues came from (issue 13): pure, so tests pin the words. */
import type { ProjectReport, ReportRead } from '../../../src/contract/invoke';
import { ageOf, formatInstant, plural } from '../shared/format';

/** The short fact beside the others: "Read in full just now", "Changes read just now", "Your last read, from 25 minutes ago". */
export function readFact(report: Pick<ProjectReport, 'read' | 'generatedAt'>): string {
  const { read, generatedAt } = report;
  if (read.kind === 'full') return `Read in full ${ageOf(read.at, generatedAt)}`;
  if (read.kind === 'changes') return `Changes read ${ageOf(read.at, generatedAt)}`;
  return `Your last read, from ${ageOf(read.at, generatedAt)}`;
}

function changesSentence(read: ReportRead): string {
  const changed = read.changed ?? 0;
  const removed = read.removed ?? 0;
  const parts = [
    changed === 0 ? 'no issue had changed' : `${plural(changed, 'issue')} had changed`,
    ...(removed > 0 ? [`${plural(removed, 'issue')} had left the evidence`] : []),
  ];
  return parts.join(' and ');
}

/** The sentence under the facts: where the issues came from, and what Reload does. */
export function readSentence(report: Pick<ProjectReport, 'read' | 'generatedAt'>): string {
  const { read, generatedAt } = report;
  const full = `Every issue was last read from Jira ${ageOf(read.fullAt, generatedAt)} (${formatInstant(read.fullAt)}).`;
  if (read.kind === 'full') return `${full} Reload reads them all again.`;
  if (read.kind === 'changes')
    return `Only what changed since your last view was read from Jira: ${changesSentence(read)}. ${full} Issues that leave the evidence without changing (deleted, or restricted from you) drop out within an hour; Reload reads every issue again.`;
  return `Jira could not be asked, so this is your last read, from ${formatInstant(read.at)} (${ageOf(read.at, generatedAt)}): issues changed since then are not in it. ${read.reason ?? ''}`.trim();
}

/**
 * What the report needs beyond the search (spec 8.1, 8.2), read as the user and only where a
 * requirement needs it: changelogs in bulk for issues whose approver or grantor matters, group
 * membership once per distinct person, remote links for current issues that still lack a document.
 * Whatever could not be read is said in `notChecked`; the checks concerned then say "could not be
 * checked", never pass.
 */
import { hasAnyLabel } from '../core/facts';
import { buildReport } from '../core/report';
import { requirementsOf, TOP_MANAGEMENT_REQUIREMENTS } from '../core/requirements';
import { peopleOf } from '../core/substance';
import type { RemoteLinkFact, TopManagement } from '../core/substance-types';
import type { CategoryId, CoverageConfig, Day, EvidenceIssue } from '../core/types';
import type { JiraClient } from '../jira/client';
import { bulkChangelogs, groupsOfPeople, remoteLinksOf } from '../jira/substance-reads';

export interface Substance {
  issues: EvidenceIssue[];
  top: TopManagement;
  /** What could not be checked, in words a user can act on. */
  notChecked: string[];
}

const topNamed = (config: CoverageConfig) =>
  config.topManagement.groups.length > 0 || config.topManagement.accountIds.length > 0;

/** The enabled categories an issue is evidence of. */
function categoriesOf(issue: EvidenceIssue, config: CoverageConfig): CategoryId[] {
  return (Object.keys(config.categories) as CategoryId[]).filter((id) => {
    const category = config.categories[id];
    return category.enabled && hasAnyLabel(issue, category.labels);
  });
}

/**
 * The categories of the issue whose top-management checks the engine makes: a requirement of
 * spec 8 asks about top management, and the rule grades requirements for this issue (a dated
 * category's only once it is done, a corrective action's only once it carries the approval label).
 */
function topCheckedCategories(issue: EvidenceIssue, config: CoverageConfig): CategoryId[] {
  return categoriesOf(issue, config).filter((id) => {
    const modes = config.categories[id].requirements;
    const asked = requirementsOf(id).some(
      (r) => TOP_MANAGEMENT_REQUIREMENTS.includes(r) && (modes[r] ?? 'off') !== 'off',
    );
    if (!asked) return false;
    return id === 'corrective-action' ? issue.labels.includes(config.approvalLabel) : issue.done;
  });
}

/**
 * Whether who signed or approved the issue can only be found in its history: a check asks, and the
 * approver field names nobody (when it does, the field is the answer, and the history is not read).
 */
function needsHistory(issue: EvidenceIssue, config: CoverageConfig): boolean {
  return !issue.approverFieldUsers?.length && topCheckedCategories(issue, config).length > 0;
}

/**
 * Everyone the issue's top-management checks name, whatever named them (the approver field, a
 * status change or label in the history, the reporter, the attendees field, the assignee): the
 * engine's own answer (peopleOf), so no check is left with a person nobody looked up.
 */
function peopleChecked(issue: EvidenceIssue, config: CoverageConfig): string[] {
  return topCheckedCategories(issue, config).flatMap((categoryId) => {
    const { signers, participants } = peopleOf(issue, { categoryId, approvalLabel: config.approvalLabel });
    const named = signers.kind === 'known' ? signers.users : [];
    return [...named, ...participants].map((person) => person.accountId);
  });
}

async function withChangelogs(jira: JiraClient, issues: EvidenceIssue[], config: CoverageConfig, notes: string[]) {
  const wanted = issues.filter((i) => i.changelog === undefined && i.id !== undefined && needsHistory(i, config));
  if (wanted.length === 0) return issues;
  const read = await bulkChangelogs(
    jira,
    wanted.map((i) => i.id ?? ''),
  );
  if (read.gap) notes.push(read.gap);
  return issues.map((issue) => {
    const changelog = issue.id === undefined ? undefined : read.value.get(issue.id);
    return changelog ? { ...issue, changelog } : issue;
  });
}

/** Top management as data for the engine: named people, and the groups of everyone else who matters. */
async function topManagementOf(
  jira: JiraClient,
  issues: EvidenceIssue[],
  config: CoverageConfig,
  notes: string[],
  knownMembership: Readonly<Record<string, boolean>>,
): Promise<TopManagement> {
  const { groups, accountIds } = config.topManagement;
  const top: TopManagement = { accountIds, groupsNamed: groups.length > 0, inNamedGroup: {} };
  if (groups.length === 0) return top;
  const people = new Set(issues.flatMap((issue) => peopleChecked(issue, config)));
  for (const id of accountIds) people.delete(id);
  // Membership the user's stored read already holds (evidence-read.ts) is not asked again.
  const inNamedGroup: Record<string, boolean> = {};
  for (const person of people) {
    const member = knownMembership[person];
    if (member !== undefined) inNamedGroup[person] = member;
  }
  const unknown = [...people].filter((person) => knownMembership[person] === undefined);
  if (unknown.length === 0) return people.size === 0 ? top : { ...top, inNamedGroup };
  const read = await groupsOfPeople(jira, unknown);
  const named = new Set(groups);
  for (const [accountId, ids] of read.value) inNamedGroup[accountId] = ids.some((id) => named.has(id));
  if (read.gap) notes.push(`Whether some people are top management could not be checked: ${read.gap}.`);
  return read.gap ? { ...top, inNamedGroup, unknownReason: read.gap } : { ...top, inNamedGroup };
}

/** The issue as a full read first has it: no remote links. */
function withoutLinks(issue: EvidenceIssue): EvidenceIssue {
  if (issue.remoteLinks === undefined) return issue;
  const { remoteLinks: _links, ...rest } = issue;
  return rest;
}

/**
 * The remote links each issue should carry, by key: for the current issues whose document check
 * cannot pass without them, those it already has (from the user's stored read) or else read now;
 * for every other issue none, exactly as a full read gives. So a stored read graded on a later day
 * says what a full read would, not what an issue's links were when it was still current.
 */
async function remoteLinksFor(
  jira: JiraClient,
  issues: EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  notes: string[],
): Promise<Map<string, RemoteLinkFact[]>> {
  const links = new Map<string, RemoteLinkFact[]>();
  // No category asks for a document: nothing to read, and no grading needed to find out.
  const wanting = (Object.keys(config.categories) as CategoryId[]).some(
    (id) =>
      config.categories[id].enabled && (config.categories[id].requirements['document-attached'] ?? 'off') !== 'off',
  );
  if (!wanting) return links;
  // The engine itself says which issues those are, graded without any links: a first grading
  // costs no request. Whether a document is there does not depend on who top management is, so
  // this runs beside those reads.
  const report = buildReport('', issues.map(withoutLinks), config, asOf);
  const keys = new Set(
    report.categories.flatMap((c) =>
      c.evidence.filter((e) => e.failedChecks?.some((f) => f.id === 'document-attached')).map((e) => e.key),
    ),
  );
  const wanted: string[] = [];
  for (const issue of issues) {
    if (!keys.has(issue.key)) continue;
    if (issue.remoteLinks) links.set(issue.key, issue.remoteLinks);
    else wanted.push(issue.key);
  }
  if (wanted.length === 0) return links;
  const read = await remoteLinksOf(jira, wanted);
  if (read.gap) notes.push(read.gap);
  for (const [key, value] of read.value) links.set(key, value);
  return links;
}

/**
 * `knownMembership`: whether people are top management, as an earlier read found; only the others'
 * groups are read. Empty (the default) reads everyone's.
 */
export async function readSubstance(
  jira: JiraClient,
  searched: EvidenceIssue[],
  config: CoverageConfig,
  asOf: Day,
  knownMembership: Readonly<Record<string, boolean>> = {},
): Promise<Substance> {
  const notes: string[] = [];
  const linkNotes: string[] = [];
  // Two independent chains, at once: history then people's groups; and the remote links. Both are
  // settled before going on, so no read is left running after a failure.
  const [peopleRead, linkedRead] = await Promise.allSettled([
    (async () => {
      const issues = topNamed(config) ? await withChangelogs(jira, searched, config, notes) : searched;
      return { issues, top: await topManagementOf(jira, issues, config, notes, knownMembership) };
    })(),
    remoteLinksFor(jira, searched, config, asOf, linkNotes),
  ]);
  if (peopleRead.status === 'rejected') throw peopleRead.reason;
  if (linkedRead.status === 'rejected') throw linkedRead.reason;
  const people = peopleRead.value;
  const links = linkedRead.value;
  const issues = people.issues.map((issue) => {
    const remoteLinks = links.get(issue.key);
    if (issue.remoteLinks === remoteLinks) return issue;
    return remoteLinks ? { ...issue, remoteLinks } : withoutLinks(issue);
  });
  return { issues, top: people.top, notChecked: [...notes, ...linkNotes] };
}

/**
 * What the report needs beyond the search (spec 8.1, 8.2), read as the user and only where a
 * requirement needs it. What to read is the engine's plan (core/reads-needed.ts); this module only
 * reads it, in as few rounds as it can: the changelogs, the groups of the people the issues already
 * name, and the remote links all at once, then the groups of the people only the history names.
 * Whatever could not be read is said in `notChecked`; the checks concerned then say "could not be
 * checked", never pass.
 */
import { peopleToLookUp, readsNeeded } from '../core/reads-needed';
import type { RemoteLinkFact, TopManagement } from '../core/substance-types';
import type { CoverageConfig, Day, EvidenceIssue } from '../core/types';
import { allSettledOrThrow } from '../concurrency';
import type { JiraClient } from '../jira/client';
import {
  bulkChangelogs,
  groupsOfPeople,
  NO_BROWSE_USERS,
  remoteLinksOf,
  type ReadResult,
} from '../jira/substance-reads';

export interface Substance {
  issues: EvidenceIssue[];
  top: TopManagement;
  /** What could not be checked, in words a user can act on. */
  notChecked: string[];
}

type KnownMembership = Readonly<Record<string, boolean>>;
type Groups = ReadResult<Map<string, string[]>>;

const NOTHING_READ: Groups = { value: new Map() };

/** The issues with the history read for them; the others as they were. */
async function withChangelogs(
  jira: JiraClient,
  issues: EvidenceIssue[],
  ids: string[],
  approverField: string | null,
  notes: string[],
) {
  if (ids.length === 0) return issues;
  const read = await bulkChangelogs(jira, ids, approverField);
  if (read.gap) notes.push(read.gap);
  return issues.map((issue) => {
    const changelog = issue.id === undefined ? undefined : read.value.get(issue.id);
    return changelog ? { ...issue, changelog } : issue;
  });
}

/** The groups of those people whose membership is not known yet. */
function groupsOf(jira: JiraClient, people: string[], known: KnownMembership, permitted = false): Promise<Groups> {
  const unknown = people.filter((person) => known[person] === undefined);
  return unknown.length === 0 ? Promise.resolve(NOTHING_READ) : groupsOfPeople(jira, unknown, { permitted });
}

/**
 * The issues with their history, and top management as data for the engine: named people, and the
 * groups of everyone else who matters. Membership `known` from the user's stored read
 * (evidence-read.ts) is not asked again.
 */
async function historyAndPeople(
  jira: JiraClient,
  searched: EvidenceIssue[],
  config: CoverageConfig,
  changelogIds: string[],
  known: KnownMembership,
  notes: string[],
): Promise<{ issues: EvidenceIssue[]; top: TopManagement }> {
  const { groups, accountIds } = config.topManagement;
  const top: TopManagement = { accountIds, groupsNamed: groups.length > 0, inNamedGroup: {} };
  // Whom the fields already name (approver, attendees, assignee) is read while the history is.
  const named = peopleToLookUp(searched, config);
  const historyNotes: string[] = [];
  const [issues, first] = await allSettledOrThrow([
    withChangelogs(jira, searched, changelogIds, config.approverField, historyNotes),
    groupsOf(jira, named, known),
  ]);
  notes.push(...historyNotes);
  if (groups.length === 0) return { issues, top };
  // Then whom only the history names: an issue the history was read for may name more people.
  const asked = new Set(named);
  const read = issues.filter((issue, i) => issue !== searched[i]);
  const people = [...named, ...peopleToLookUp(read, config).filter((person) => !asked.has(person))];
  // One refusal answers for everyone; one answer says the viewer may ask.
  const refused = first.gap === NO_BROWSE_USERS;
  const second = refused ? NOTHING_READ : await groupsOf(jira, people.slice(named.length), known, first.value.size > 0);
  const inNamedGroup: Record<string, boolean> = {};
  const inNamed = new Set(groups);
  for (const person of people) {
    const ids = first.value.get(person) ?? second.value.get(person);
    const member = known[person] ?? (ids === undefined ? undefined : ids.some((id) => inNamed.has(id)));
    if (member !== undefined) inNamedGroup[person] = member;
  }
  const gap = refused || second.gap === NO_BROWSE_USERS ? NO_BROWSE_USERS : (first.gap ?? second.gap);
  if (!gap) return { issues, top: { ...top, inNamedGroup } };
  notes.push(`Whether some people are top management could not be checked: ${gap}.`);
  return { issues, top: { ...top, inNamedGroup, unknownReason: gap } };
}

/** The issue as a full read first has it: no remote links. */
function withoutLinks(issue: EvidenceIssue): EvidenceIssue {
  if (issue.remoteLinks === undefined) return issue;
  const { remoteLinks: _links, ...rest } = issue;
  return rest;
}

/**
 * The remote links each issue the plan names should carry, by key: those it already has (from the
 * user's stored read), or else read now. Every other issue carries none, exactly as a full read
 * gives, so a stored read graded on a later day says what a full read would, not what an issue's
 * links were when it was still current.
 */
async function remoteLinksFor(
  jira: JiraClient,
  issues: EvidenceIssue[],
  keys: ReadonlySet<string>,
  notes: string[],
): Promise<Map<string, RemoteLinkFact[]>> {
  const links = new Map<string, RemoteLinkFact[]>();
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
  knownMembership: KnownMembership = {},
): Promise<Substance> {
  const plan = readsNeeded(searched, config, asOf);
  const notes: string[] = [];
  const linkNotes: string[] = [];
  // Independent reads, at once: the history then the people only it names; and the remote links.
  // Both are settled before going on, so no read is left running after a failure.
  const [people, links] = await allSettledOrThrow([
    historyAndPeople(jira, searched, config, plan.changelogIds, knownMembership, notes),
    remoteLinksFor(jira, searched, plan.linkKeys, linkNotes),
  ]);
  const issues = people.issues.map((issue) => {
    const remoteLinks = links.get(issue.key);
    if (issue.remoteLinks === remoteLinks) return issue;
    return remoteLinks ? { ...issue, remoteLinks } : withoutLinks(issue);
  });
  return { issues, top: people.top, notChecked: [...notes, ...linkNotes] };
}

/**
 * Runs parsed JQL against the site as a given caller: resolves values the way Jira validates them (a project
 * the caller cannot browse "does not exist"), enforces bounded queries, filters by visibility and sorts.
 * Relative dates (`updated >= "-15m"`) are resolved against the clock reading the caller passes, once per search,
 * so every clause of one query sees the same instant.
 */
import { isPlainObject } from './json';
import { JqlError } from './jql-lexer';
import { parseJql, type JqlClause, type JqlDate, type JqlQuery, type JqlSort } from './jql-parser';
import { canBrowseProject, canSeeIssue, type Caller } from './permissions';
import type { IndexedIssue, SiteIndex } from './site-index';

export type JqlSearchResult = { ok: true; issues: IndexedIssue[] } | { ok: false; errors: string[] };

export const UNBOUNDED_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

/** Used when the query has no ORDER BY; Jira does not promise an order, so callers should not rely on this one. */
const DEFAULT_ORDER: JqlSort[] = [{ field: 'key', direction: 'DESC' }];
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/i;

type Predicate = (issue: IndexedIssue) => boolean;

function projectPredicate(site: SiteIndex, caller: Caller, clause: JqlClause, errors: string[]): Predicate {
  const ids = new Set<string>();
  for (const value of clause.values) {
    const wanted = value.text.toUpperCase();
    const found = site.data.projects.filter(
      (p) =>
        canBrowseProject(caller, p) &&
        (p.key.toUpperCase() === wanted || p.id === value.text || p.name.toUpperCase() === wanted),
    );
    if (found.length === 0)
      errors.push(`The value '${value.text}' does not exist for the field '${clause.fieldName}'.`);
    for (const project of found) ids.add(project.id);
  }
  return (issue) => ids.has(issue.project.id);
}

function labelsPredicate(clause: JqlClause): Predicate {
  // Jira matches labels in JQL without regard to case.
  const wanted = new Set(clause.values.map((v) => v.text.toLowerCase()));
  return (issue) => issue.labels.some((label) => wanted.has(label.toLowerCase()));
}

function issueKeyPredicate(site: SiteIndex, caller: Caller, clause: JqlClause, errors: string[]): Predicate {
  const ids = new Set<string>();
  for (const value of clause.values) {
    const isId = /^[1-9][0-9]*$/.test(value.text);
    if (!isId && !ISSUE_KEY.test(value.text)) {
      errors.push(`The issue key '${value.text}' for field '${clause.fieldName}' is invalid.`);
      continue;
    }
    const issue = isId ? site.issuesById.get(value.text) : site.issuesByKey.get(value.text.toUpperCase());
    if (!issue || !canSeeIssue(caller, issue)) {
      errors.push(`An issue with key '${value.text}' does not exist for field '${clause.fieldName}'.`);
      continue;
    }
    ids.add(issue.issue.id);
  }
  const negated = clause.operator === '!=' || clause.operator === 'NOT IN';
  return negated ? (issue) => !ids.has(issue.issue.id) : (issue) => ids.has(issue.issue.id);
}

/** The issue's `fields.status.statusCategory.key`, or undefined for an issue without a status. */
function statusCategoryOf(issue: IndexedIssue): string | undefined {
  const status = issue.issue.fields['status'];
  const category = isPlainObject(status) ? status['statusCategory'] : undefined;
  const key = isPlainObject(category) ? category['key'] : undefined;
  return typeof key === 'string' ? key : undefined;
}

function statusCategoryPredicate(clause: Extract<JqlClause, { field: 'statuscategory' }>): Predicate {
  const wanted = new Set<string>(clause.categories);
  // As in Jira, '!=' and NOT IN never match an empty field: an issue without a status matches no clause.
  if (clause.operator === '!=' || clause.operator === 'NOT IN') {
    return (issue) => {
      const key = statusCategoryOf(issue);
      return key !== undefined && !wanted.has(key);
    };
  }
  return (issue) => {
    const key = statusCategoryOf(issue);
    return key !== undefined && wanted.has(key);
  };
}

/** The instant a date value names: an absolute date as read, a period from the search's clock. */
export function resolveJqlDate(date: JqlDate, nowMs: number): number {
  return date.kind === 'absolute' ? date.epochMs : nowMs + date.offsetMs;
}

/**
 * created/updated compared with the value's instant to the millisecond. Jira works at minute precision; the
 * simulator does not round either side (see README).
 */
function datePredicate(clause: Extract<JqlClause, { field: 'created' | 'updated' }>, nowMs: number): Predicate {
  const bound = resolveJqlDate(clause.date, nowMs);
  const timeOf = clause.field === 'created' ? (i: IndexedIssue) => i.createdMs : (i: IndexedIssue) => i.updatedMs;
  switch (clause.operator) {
    case '<':
      return (issue) => timeOf(issue) < bound;
    case '<=':
      return (issue) => timeOf(issue) <= bound;
    case '>':
      return (issue) => timeOf(issue) > bound;
    case '>=':
      return (issue) => timeOf(issue) >= bound;
  }
}

function compareBy(sorts: readonly JqlSort[]): (a: IndexedIssue, b: IndexedIssue) => number {
  return (a, b) => {
    for (const sort of sorts) {
      let diff: number;
      if (sort.field === 'created') diff = a.createdMs - b.createdMs;
      else if (sort.field === 'updated') diff = a.updatedMs - b.updatedMs;
      else diff = a.project.key < b.project.key ? -1 : a.project.key > b.project.key ? 1 : a.keyNumber - b.keyNumber;
      if (diff !== 0) return sort.direction === 'ASC' ? diff : -diff;
    }
    return Number(a.issue.id) - Number(b.issue.id);
  };
}

/**
 * Validates a parsed query against the site for this caller and returns the matching issues in order.
 * `nowMs` is the simulator's clock (epoch ms) at the time of the search: relative dates count from it.
 */
export function searchParsed(site: SiteIndex, caller: Caller, query: JqlQuery, nowMs: number): JqlSearchResult {
  // The simulator only counts a project clause as a bound (Jira accepts more); see README in this folder.
  if (!query.clauses.some((c) => c.field === 'project')) return { ok: false, errors: [UNBOUNDED_MESSAGE] };
  const errors: string[] = [];
  const predicates = query.clauses.map((clause): Predicate => {
    if (clause.field === 'project') return projectPredicate(site, caller, clause, errors);
    if (clause.field === 'labels') return labelsPredicate(clause);
    if (clause.field === 'statuscategory') return statusCategoryPredicate(clause);
    if (clause.field === 'created' || clause.field === 'updated') return datePredicate(clause, nowMs);
    return issueKeyPredicate(site, caller, clause, errors);
  });
  if (errors.length > 0) return { ok: false, errors };
  // A key clause names its issues: start from those instead of scanning the whole site, so a
  // large project read a hundred keys at a time does not cost the simulator a full scan per page.
  const keyClause = query.clauses.find((c) => c.field === 'issuekey' && (c.operator === '=' || c.operator === 'IN'));
  const candidates = keyClause
    ? keyClause.values.flatMap((v) => site.issuesById.get(v.text) ?? site.issuesByKey.get(v.text.toUpperCase()) ?? [])
    : site.issues;
  const issues = [...new Set(candidates)].filter(
    (issue) => canSeeIssue(caller, issue) && predicates.every((p) => p(issue)),
  );
  issues.sort(compareBy(query.orderBy.length > 0 ? query.orderBy : DEFAULT_ORDER));
  return { ok: true, issues };
}

/** Parses and runs JQL text at clock reading `nowMs` (epoch ms); JQL errors come back as Jira error messages. */
export function searchJql(site: SiteIndex, caller: Caller, jql: string, nowMs: number): JqlSearchResult {
  let query: JqlQuery;
  try {
    query = parseJql(jql);
  } catch (error) {
    if (error instanceof JqlError) return { ok: false, errors: [error.message] };
    throw error;
  }
  return searchParsed(site, caller, query, nowMs);
}

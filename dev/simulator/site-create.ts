/**
 * Validation of what creating issues needs (spec section 10): a project's issue types, the fields its create
 * screen requires, and who holds "Create issues". Problems are reported with their JSON path, as in site.ts.
 */
import { SYSTEM_FIELDS } from './fields';
import { projectIssueTypes } from './issue-types';
import { checkUnique, describe, type Problems } from './site-problems';
import type { SiteCustomField, SiteIssueType, SiteProject } from './site-types';

const NUMERIC_ID = /^[1-9][0-9]*$/;
/** Required on every create screen already; naming them again says nothing. */
const ALWAYS_REQUIRED = new Set(['summary', 'issuetype', 'project']);
/**
 * System fields POST /issue lets a caller set (routes/create-issue.ts; `parent` too, checked on its own), and so the
 * only ones a screen can require.
 */
const SETTABLE_SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'summary',
  'issuetype',
  'project',
  'labels',
  'duedate',
  'description',
  'assignee',
]);

export interface CreateSettings {
  issueTypes?: SiteIssueType[];
  requiredFields?: string[];
  creators?: string[] | '*';
}

function readIssueType(p: Problems, raw: unknown, path: string): SiteIssueType | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { pattern: NUMERIC_ID });
  const name = p.string(obj, 'name', path);
  const subtask = p.boolean(obj, 'subtask', path, false);
  const description = obj['description'];
  if (description !== undefined && typeof description !== 'string')
    p.add(`${path}.description`, `expected a string, got ${describe(description)}`);
  const level = obj['hierarchyLevel'];
  let hierarchyLevel = subtask ? -1 : 0;
  if (level !== undefined) {
    if (typeof level !== 'number' || !Number.isInteger(level))
      p.add(`${path}.hierarchyLevel`, `expected an integer, got ${describe(level)}`);
    else if ((level === -1) !== subtask)
      p.add(`${path}.hierarchyLevel`, `${level} with subtask ${subtask}: sub-task types, and only they, are at -1`);
    else hierarchyLevel = level;
  }
  if (id === undefined || name === undefined) return undefined;
  return {
    id,
    name,
    subtask,
    hierarchyLevel,
    ...(typeof description === 'string' ? { description } : {}),
  };
}

/** The create settings of one project entry, with user references checked. */
export function readCreateSettings(
  p: Problems,
  obj: Record<string, unknown>,
  path: string,
  userIds: ReadonlySet<string>,
): CreateSettings {
  const settings: CreateSettings = {};
  if (obj['issueTypes'] !== undefined) {
    // Unfiltered for the uniqueness checks, so each problem names the entry's own index.
    const read = p
      .array(obj['issueTypes'], `${path}.issueTypes`)
      .map((t, i) => readIssueType(p, t, `${path}.issueTypes[${i}]`));
    checkUnique(
      p,
      read.map((t) => t?.id),
      `${path}.issueTypes`,
      'issue type id',
    );
    checkUnique(
      p,
      read.map((t) => t?.name),
      `${path}.issueTypes`,
      'issue type name',
      (n) => n.toLowerCase(),
    );
    const types = read.filter((t): t is SiteIssueType => t !== undefined);
    if (Array.isArray(obj['issueTypes']) && !types.some((t) => t.hierarchyLevel === 0))
      p.add(`${path}.issueTypes`, 'a Jira project always has a standard issue type (hierarchyLevel 0)');
    settings.issueTypes = types;
  }
  if (obj['requiredFields'] !== undefined) {
    const required = p.stringArray(obj, 'requiredFields', path);
    checkUnique(p, required, `${path}.requiredFields`, 'field id');
    settings.requiredFields = required;
  }
  if (obj['creators'] !== undefined) {
    const creators = obj['creators'] === '*' ? '*' : p.stringArray(obj, 'creators', path);
    if (creators !== '*')
      creators.forEach((accountId, i) => {
        if (!userIds.has(accountId)) p.add(`${path}.creators[${i}]`, `unknown user '${accountId}' (not in users)`);
      });
    settings.creators = creators;
  }
  return settings;
}

/**
 * Checks across projects, once the site's custom fields are known: required fields must be fields a create can
 * set, and an issue type id names one type everywhere (company-managed projects share types; a default type's
 * id must not be taken by another project's own type of another name).
 */
export function checkCreateSettings(
  p: Problems,
  projects: ReadonlyArray<SiteProject | undefined>,
  customFields: ReadonlyArray<SiteCustomField | undefined>,
): void {
  const customIds = new Set(customFields.map((f) => f?.id));
  const seenTypes = new Map<string, { name: string; subtask: boolean; where: string }>();
  projects.forEach((project, i) => {
    if (!project) return;
    const path = `site.projects[${i}]`;
    (project.requiredFields ?? []).forEach((fieldId, j) => {
      if (ALWAYS_REQUIRED.has(fieldId))
        p.add(`${path}.requiredFields[${j}]`, `'${fieldId}' is required on every create screen already`);
      else if (!SETTABLE_SYSTEM_FIELDS.has(fieldId) && !customIds.has(fieldId))
        p.add(
          `${path}.requiredFields[${j}]`,
          `'${fieldId}' is neither a system field a create can set (${[...SETTABLE_SYSTEM_FIELDS].join(', ')}) nor a field in site.fields`,
        );
    });
    for (const type of projectIssueTypes(project)) {
      const seen = seenTypes.get(type.id);
      if (seen && (seen.name !== type.name || seen.subtask !== type.subtask))
        p.add(
          `${path}.issueTypes`,
          `issue type id '${type.id}' is '${type.name}' here but '${seen.name}' in ${seen.where}: one id, one type`,
        );
      else if (!seen)
        seenTypes.set(type.id, { name: type.name, subtask: type.subtask, where: `project ${project.key}` });
    }
  });
}

/** A field's name as Jira's "<name> is required." says it. */
export function fieldName(fieldId: string, customFields: ReadonlyMap<string, SiteCustomField>): string {
  return customFields.get(fieldId)?.name ?? SYSTEM_FIELDS.find((f) => f.id === fieldId)?.name ?? fieldId;
}

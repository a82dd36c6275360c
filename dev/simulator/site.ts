/**
 * Validation of site data (from a file or from test code) into SiteData.
 * Every problem is reported with its JSON path so a broken fixture says where it is broken;
 * cross references (issue -> project, security level, custom field; project, group, history -> users) are checked
 * too. What spec section 8 reads (groups, histories, remote links, the substance fields) is in site-substance.ts;
 * what creating issues needs (issue types, required fields, creators: spec section 10) in site-create.ts.
 */
import { readFileSync } from 'node:fs';
import { isJsonValue, isPlainObject, parseJson, type JsonValue } from './json';
import { checkCreateSettings, readCreateSettings } from './site-create';
import { checkUnique, describe, isDateTime, Problems } from './site-problems';
import { assignIds, checkSubstanceFields, readGroup, readHistory, readRemoteLink } from './site-substance';
import type {
  SiteChangeHistory,
  SiteCustomField,
  SiteData,
  SiteFieldSchema,
  SiteIssue,
  SiteIssueFields,
  SiteProject,
  SiteRemoteLink,
  SiteSecurityLevel,
  SiteUser,
} from './site-types';

export class SiteValidationError extends Error {
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    const shown = problems
      .slice(0, 20)
      .map((p) => `  - ${p}`)
      .join('\n');
    const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
    super(`Invalid Jira simulator site (${source}):\n${shown}${more}`);
    this.name = 'SiteValidationError';
    this.problems = problems;
  }
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/;
const NUMERIC_ID = /^[1-9][0-9]*$/;
const CUSTOM_FIELD_ID = /^customfield_([1-9][0-9]*)$/;
const STATUS_CATEGORY_KEYS = new Set(['new', 'indeterminate', 'done', 'undefined']);

function readUser(p: Problems, raw: unknown, path: string): SiteUser | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const accountId = p.string(obj, 'accountId', path);
  const displayName = p.string(obj, 'displayName', path);
  const active = p.boolean(obj, 'active', path, true);
  const jiraAdmin = p.boolean(obj, 'jiraAdmin', path, false);
  const emailAddress = p.string(obj, 'emailAddress', path, { optional: true });
  const timeZone = p.string(obj, 'timeZone', path, { optional: true });
  const locale = p.string(obj, 'locale', path, { optional: true });
  const accountType = obj['accountType'];
  if (accountType !== undefined && accountType !== 'atlassian' && accountType !== 'app')
    p.add(`${path}.accountType`, `expected 'atlassian' or 'app', got ${describe(accountType)}`);
  const browseUsersAndGroups = p.boolean(obj, 'browseUsersAndGroups', path, true);
  if (accountId === undefined || displayName === undefined) return undefined;
  return {
    accountId,
    displayName,
    active,
    jiraAdmin,
    accountType: accountType === 'app' ? 'app' : 'atlassian',
    browseUsersAndGroups,
    ...(emailAddress !== undefined ? { emailAddress } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

function readProject(p: Problems, raw: unknown, path: string, userIds: ReadonlySet<string>): SiteProject | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { pattern: NUMERIC_ID });
  const key = p.string(obj, 'key', path, { pattern: PROJECT_KEY });
  const name = p.string(obj, 'name', path);
  const browsers: string[] | '*' = obj['browsers'] === '*' ? '*' : p.stringArray(obj, 'browsers', path);
  const projectAdmins = p.stringArray(obj, 'projectAdmins', path, true);
  for (const [field, ids] of [
    ['browsers', browsers === '*' ? [] : browsers],
    ['projectAdmins', projectAdmins],
  ] as const) {
    ids.forEach((accountId, i) => {
      if (!userIds.has(accountId)) p.add(`${path}.${field}[${i}]`, `unknown user '${accountId}' (not in users)`);
    });
  }
  const description = p.string(obj, 'description', path, { optional: true });
  const projectTypeKey = p.string(obj, 'projectTypeKey', path, { optional: true });
  const appCanBrowse = p.boolean(obj, 'appCanBrowse', path, true);
  const createSettings = readCreateSettings(p, obj, path, userIds);
  if (id === undefined || key === undefined || name === undefined) return undefined;
  return {
    id,
    key,
    name,
    browsers,
    projectAdmins,
    appCanBrowse,
    ...createSettings,
    ...(description !== undefined ? { description } : {}),
    ...(projectTypeKey !== undefined ? { projectTypeKey } : {}),
  };
}

function readSecurityLevel(
  p: Problems,
  raw: unknown,
  path: string,
  userIds: ReadonlySet<string>,
): SiteSecurityLevel | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { pattern: NUMERIC_ID });
  const name = p.string(obj, 'name', path);
  const members = p.stringArray(obj, 'members', path, true);
  members.forEach((accountId, i) => {
    if (!userIds.has(accountId)) p.add(`${path}.members[${i}]`, `unknown user '${accountId}' (not in users)`);
  });
  const description = p.string(obj, 'description', path, { optional: true });
  const appIsMember = p.boolean(obj, 'appIsMember', path, false);
  if (id === undefined || name === undefined) return undefined;
  return { id, name, members, appIsMember, ...(description !== undefined ? { description } : {}) };
}

function readCustomField(p: Problems, raw: unknown, path: string): SiteCustomField | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { pattern: CUSTOM_FIELD_ID });
  const name = p.string(obj, 'name', path);
  if (obj['custom'] !== true) p.add(`${path}.custom`, 'site fields are custom fields: expected true');
  const schemaObj = p.object(obj['schema'], `${path}.schema`);
  let schema: SiteFieldSchema | undefined;
  if (schemaObj) {
    const type = p.string(schemaObj, 'type', `${path}.schema`);
    const custom = p.string(schemaObj, 'custom', `${path}.schema`, { optional: true });
    const items = p.string(schemaObj, 'items', `${path}.schema`, { optional: true });
    const customId = schemaObj['customId'];
    if (customId !== undefined && !(typeof customId === 'number' && Number.isInteger(customId))) {
      p.add(`${path}.schema.customId`, `expected an integer, got ${describe(customId)}`);
    }
    const idNumber = id === undefined ? undefined : Number(CUSTOM_FIELD_ID.exec(id)?.[1]);
    if (typeof customId === 'number' && idNumber !== undefined && customId !== idNumber) {
      p.add(`${path}.schema.customId`, `${customId} does not match the field id '${id ?? ''}'`);
    }
    if (type !== undefined) {
      schema = {
        type,
        ...(custom !== undefined ? { custom } : {}),
        ...(typeof customId === 'number' ? { customId } : idNumber !== undefined ? { customId: idNumber } : {}),
        ...(items !== undefined ? { items } : {}),
      };
    }
  }
  if (id === undefined || name === undefined || schema === undefined) return undefined;
  return { id, name, custom: true, schema };
}

interface IssueContext {
  projectsById: ReadonlyMap<string, SiteProject>;
  levelsById: ReadonlyMap<string, SiteSecurityLevel>;
  customFields: ReadonlyMap<string, SiteCustomField>;
  userIds: ReadonlySet<string>;
}

function readIssue(p: Problems, raw: unknown, path: string, ctx: IssueContext): SiteIssue | undefined {
  const obj = p.object(raw, path);
  if (!obj) return undefined;
  const id = p.string(obj, 'id', path, { pattern: NUMERIC_ID });
  const key = p.string(obj, 'key', path, { pattern: /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/ });
  const self = p.string(obj, 'self', path, { optional: true });
  const fieldsObj = p.object(obj['fields'], `${path}.fields`);
  if (!fieldsObj || id === undefined || key === undefined) return undefined;
  const fp = `${path}.fields`;
  if (!isJsonValue(fieldsObj)) {
    p.add(fp, 'contains values that are not JSON (undefined, functions, NaN...)');
    return undefined;
  }
  const fields: Record<string, JsonValue> = fieldsObj;

  const summary = p.string(fields, 'summary', fp);
  const labels = p.stringArray(fields, 'labels', fp, true);
  labels.forEach((label, i) => {
    if (/\s/.test(label)) p.add(`${fp}.labels[${i}]`, `Jira labels cannot contain spaces: '${label}'`);
  });
  for (const dateField of ['created', 'updated']) {
    if (!isDateTime(fields[dateField]))
      p.add(`${fp}.${dateField}`, `expected a Jira date-time string, got ${describe(fields[dateField])}`);
  }
  for (const optionalDate of ['resolutiondate', 'statuscategorychangedate']) {
    const value = fields[optionalDate];
    if (value !== undefined && value !== null && !isDateTime(value)) {
      p.add(`${fp}.${optionalDate}`, `expected a Jira date-time string or null, got ${describe(value)}`);
    }
  }
  const duedate = fields['duedate'];
  if (
    duedate !== undefined &&
    duedate !== null &&
    !(typeof duedate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(duedate))
  ) {
    p.add(`${fp}.duedate`, `expected YYYY-MM-DD or null, got ${describe(duedate)}`);
  }

  // project must name a site project, with id and key agreeing.
  let project: SiteProject | undefined;
  const projectObj = p.object(fields['project'], `${fp}.project`);
  if (projectObj) {
    const pid = p.string(projectObj, 'id', `${fp}.project`);
    const pkey = p.string(projectObj, 'key', `${fp}.project`);
    project = pid === undefined ? undefined : ctx.projectsById.get(pid);
    if (pid !== undefined && !project) p.add(`${fp}.project.id`, `unknown project id '${pid}'`);
    if (project && pkey !== undefined && pkey !== project.key)
      p.add(`${fp}.project.key`, `'${pkey}' but project ${project.id} has key '${project.key}'`);
    if (project && !key.startsWith(`${project.key}-`))
      p.add(`${path}.key`, `'${key}' is not a key of project '${project.key}'`);
  }

  const security = fields['security'];
  if (security !== undefined && security !== null) {
    const secObj = p.object(security, `${fp}.security`);
    const sid = secObj ? p.string(secObj, 'id', `${fp}.security`) : undefined;
    if (sid !== undefined && !ctx.levelsById.has(sid)) p.add(`${fp}.security.id`, `unknown security level '${sid}'`);
  }

  const status = fields['status'];
  if (status !== undefined && status !== null) {
    const statusObj = p.object(status, `${fp}.status`);
    if (statusObj) {
      p.string(statusObj, 'name', `${fp}.status`);
      const cat = p.object(statusObj['statusCategory'], `${fp}.status.statusCategory`);
      const catKey = cat ? p.string(cat, 'key', `${fp}.status.statusCategory`) : undefined;
      if (catKey !== undefined && !STATUS_CATEGORY_KEYS.has(catKey))
        p.add(`${fp}.status.statusCategory.key`, `'${catKey}' is not new, indeterminate or done`);
    }
  }

  for (const userField of ['assignee', 'reporter', 'creator']) {
    const value = fields[userField];
    if (value === undefined || value === null) continue;
    const userObj = p.object(value, `${fp}.${userField}`);
    if (userObj) p.string(userObj, 'accountId', `${fp}.${userField}`);
  }

  for (const fieldId of Object.keys(fields)) {
    if (fieldId.startsWith('customfield_') && !ctx.customFields.has(fieldId)) {
      p.add(`${fp}.${fieldId}`, 'custom field is not declared in site.fields');
    }
  }

  checkSubstanceFields(p, fields, fp, ctx.customFields);
  const histories = p
    .array(obj['histories'], `${path}.histories`, true)
    .map((h, i) => readHistory(p, h, `${path}.histories[${i}]`, ctx.userIds));
  const remoteLinks = p
    .array(obj['remoteLinks'], `${path}.remoteLinks`, true)
    .map((l, i) => readRemoteLink(p, l, `${path}.remoteLinks[${i}]`));

  const { created, updated } = fields;
  if (summary === undefined || !project || !projectObj || !isDateTime(created) || !isDateTime(updated))
    return undefined;
  const typedFields: SiteIssueFields = {
    ...fields,
    summary,
    labels,
    project: {
      id: project.id,
      key: project.key,
      name: typeof projectObj['name'] === 'string' ? projectObj['name'] : project.name,
    },
    created,
    updated,
  };
  const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);
  return {
    id,
    key,
    ...(self !== undefined ? { self } : {}),
    fields: typedFields,
    ...(obj['histories'] !== undefined ? { histories: present<SiteChangeHistory>(histories) } : {}),
    ...(obj['remoteLinks'] !== undefined ? { remoteLinks: present<SiteRemoteLink>(remoteLinks) } : {}),
  };
}

/**
 * Checks and normalises site data. `issues` may also be a Jira search response (`{ "issues": [...] }`).
 * Throws SiteValidationError listing every problem found.
 */
export function validateSite(input: unknown, source = 'site data'): SiteData {
  const p = new Problems();
  const root = p.object(input, 'site');
  if (!root) throw new SiteValidationError(source, p.list);

  const users = p.array(root['users'], 'site.users').map((u, i) => readUser(p, u, `site.users[${i}]`));
  checkUnique(
    p,
    users.map((u) => u?.accountId),
    'site.users',
    'accountId',
  );
  const userIds = new Set(users.flatMap((u) => (u ? [u.accountId] : [])));

  const groups = p
    .array(root['groups'], 'site.groups', true)
    .map((g, i) => readGroup(p, g, `site.groups[${i}]`, userIds));
  checkUnique(
    p,
    groups.map((g) => g?.groupId),
    'site.groups',
    'group id',
  );
  // Jira group names are unique regardless of case.
  checkUnique(
    p,
    groups.map((g) => g?.name),
    'site.groups',
    'group name',
    (n) => n.toLowerCase(),
  );
  const issueLinking = p.boolean(root, 'issueLinking', 'site', true);

  const projects = p
    .array(root['projects'], 'site.projects')
    .map((x, i) => readProject(p, x, `site.projects[${i}]`, userIds));
  checkUnique(
    p,
    projects.map((x) => x?.id),
    'site.projects',
    'project id',
  );
  checkUnique(
    p,
    projects.map((x) => x?.key),
    'site.projects',
    'project key',
  );

  const levels = p
    .array(root['securityLevels'], 'site.securityLevels', true)
    .map((x, i) => readSecurityLevel(p, x, `site.securityLevels[${i}]`, userIds));
  checkUnique(
    p,
    levels.map((x) => x?.id),
    'site.securityLevels',
    'security level id',
  );

  const fields = p.array(root['fields'], 'site.fields', true).map((x, i) => readCustomField(p, x, `site.fields[${i}]`));
  checkUnique(
    p,
    fields.map((x) => x?.id),
    'site.fields',
    'field id',
  );
  checkCreateSettings(p, projects, fields);

  let rawIssues: unknown = root['issues'];
  let issuesPath = 'site.issues';
  if (isPlainObject(rawIssues) && Array.isArray(rawIssues['issues'])) {
    rawIssues = rawIssues['issues'];
    issuesPath = 'site.issues.issues';
  }
  const ctx: IssueContext = {
    projectsById: new Map(projects.flatMap((x) => (x ? [[x.id, x] as const] : []))),
    levelsById: new Map(levels.flatMap((x) => (x ? [[x.id, x] as const] : []))),
    customFields: new Map(fields.flatMap((x) => (x ? [[x.id, x] as const] : []))),
    userIds,
  };
  const issues = p.array(rawIssues, issuesPath, true).map((x, i) => readIssue(p, x, `${issuesPath}[${i}]`, ctx));
  checkUnique(
    p,
    issues.map((x) => x?.id),
    issuesPath,
    'issue id',
  );
  checkUnique(
    p,
    issues.map((x) => x?.key),
    issuesPath,
    'issue key',
    (k) => k.toUpperCase(),
  );

  const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);
  const numbered = assignIds(p, present(issues), issuesPath);
  if (p.list.length > 0) throw new SiteValidationError(source, p.list);
  return {
    users: present(users),
    projects: present(projects),
    securityLevels: present(levels),
    fields: present(fields),
    issues: numbered,
    groups: present(groups),
    issueLinking,
  };
}

/** Reads and validates a site JSON file; errors name the file and the broken JSON paths. */
export function loadSite(path: string): SiteData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read Jira simulator site file ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new SiteValidationError(path, ['file is not valid JSON']);
  return validateSite(parsed.value, path);
}

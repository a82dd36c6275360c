import { route } from '@forge/api';
import { defaultConfig, formatFieldErrors, validateConfig, type FieldError } from '../core/config';
import { dayOf } from '../core/dates';
import { explainIssue } from '../core/explain';
import { buildReport } from '../core/report';
import type { EvidenceIssue } from '../core/types';
import type { ConfigState, InvokeContract, Person, ProjectReport } from '../contract/invoke';
import { confirmProject, isJiraAdmin, readIssue, requireJiraAdmin } from '../jira/access';
import { dateFields, suggestLabels } from '../jira/catalogue';
import { checkWithJira, configuredNames, findGroups, findUsers, userFields } from '../jira/people-catalogue';
import type { JiraClient } from '../jira/client';
import { evidenceCondition } from '../jira/jql';
import { searchAll } from '../jira/search';
import { IssueDataError, fieldsToRead, projectKeyOf, toEvidenceIssue, type FieldSettings } from '../jira/transform';
import { loadConfig, loadHistory, storeConfig, type StoredConfig } from '../storage/config-store';
import { AppError } from './app-error';
import { claimedKey, type Caller } from './caller';
import { readSubstance } from './substance';
import { groupsPayload, labelsPayload, resetPayload, savePayload, usersPayload } from './payloads';

/** What every handler gets: the confirmed caller, a Jira client on the invocation's budget, the clock. */
export interface HandlerContext {
  caller: Caller;
  jira: JiraClient;
  now: Date;
}

type Handler<K extends keyof InvokeContract> = (
  payload: unknown,
  ctx: HandlerContext,
) => Promise<InvokeContract[K]['result']>;

/** Said to everyone grading while the stored settings cannot be used; admins get the details on config/get. */
export const SETTINGS_NOTICE =
  "The saved Clause 5.1 settings cannot be read, so this is graded with the default settings until a Jira admin saves or resets them on the app's settings page.";

const settingsNotice = (stored: StoredConfig): { settingsNotice?: string } =>
  stored.problem ? { settingsNotice: SETTINGS_NOTICE } : {};

function enabledLabels(config: StoredConfig['config']): string[] {
  return Object.values(config.categories).flatMap((c) => (c.enabled ? c.labels : []));
}

/** Converts search pages; issues whose data the engine cannot read are left out and listed. */
function converter(settings: FieldSettings) {
  const unreadable: string[] = [];
  const convert = (page: unknown[]): EvidenceIssue[] =>
    page.flatMap((raw) => {
      try {
        return [toEvidenceIssue(raw, settings)];
      } catch (error) {
        if (!(error instanceof IssueDataError)) throw error;
        unreadable.push(error.issue);
        return [];
      }
    });
  return { convert, unreadable };
}

export async function projectReport(caller: Caller, jira: JiraClient, now: Date): Promise<ProjectReport> {
  // Independent reads, so neither waits for the other. Both are settled before going on, so no
  // read is left running after a failure; the project's failure (NOT_FOUND) is reported first.
  const [projectRead, configRead] = await Promise.allSettled([
    confirmProject(jira, claimedKey(caller, 'project')),
    loadConfig(),
  ]);
  if (projectRead.status === 'rejected') throw projectRead.reason;
  if (configRead.status === 'rejected') throw configRead.reason;
  const project = projectRead.value;
  const { config } = configRead.value;
  const { convert, unreadable } = converter(config);
  const search = await searchAll(
    jira,
    evidenceCondition(project.key, enabledLabels(config)),
    fieldsToRead(config),
    convert,
  );
  const asOf = dayOf(now);
  const { issues, top, notChecked } = await readSubstance(jira, search.issues, config, asOf);
  const reasons = [
    search.incompleteReason,
    unreadable.length > 0
      ? `${unreadable.length} issues have data the app cannot read (${unreadable.slice(0, 5).join(', ')}).`
      : undefined,
  ].filter(Boolean);
  const complete = search.complete && unreadable.length === 0;
  const report: ProjectReport = {
    ...buildReport(project.key, issues, config, asOf, { complete, top }),
    projectName: project.name,
    scope: {
      accountId: caller.accountId,
      note: `Computed from the issues in ${project.key} that you can see. Issues restricted from you are not counted.`,
    },
    generatedAt: now.toISOString(),
    ...settingsNotice(configRead.value),
  };
  if (!complete) report.incompleteReason = reasons.join(' ');
  if (notChecked.length > 0) report.notChecked = notChecked;
  return report;
}

async function me(jira: JiraClient, accountId: string): Promise<Person> {
  const response = await jira.get(route`/rest/api/3/myself`);
  const body = response.body;
  const displayName =
    response.status === 200 &&
    typeof body === 'object' &&
    body !== null &&
    'displayName' in body &&
    typeof body.displayName === 'string'
      ? body.displayName
      : undefined;
  return displayName ? { accountId, displayName } : { accountId };
}

function state(stored: StoredConfig, canEdit: boolean): ConfigState {
  const result: ConfigState = { config: stored.config, version: stored.version, canEdit };
  if (stored.change) {
    result.updatedBy = stored.change.by;
    result.updatedAt = stored.change.at;
  }
  // The details name settings and values: for the admins who can fix them.
  if (stored.problem && canEdit) result.storedProblem = stored.problem;
  return result;
}

function withNames(result: ConfigState, names: ConfigState['names']): ConfigState {
  return names ? { ...result, names } : result;
}

/** A refused save, with the settings' field paths as the payload names them (`config.approverField`). */
function notSaved(errors: FieldError[], total = errors.length): AppError {
  return AppError.invalid(
    `The settings were not saved: ${formatFieldErrors(errors, total)}.`,
    errors.map((e) => ({ field: e.field ? `config.${e.field}` : 'config', message: e.message })),
  );
}

export const HANDLERS: { [K in keyof InvokeContract]: Handler<K> } = {
  'report/project': async (_payload, { caller, jira, now }) => projectReport(caller, jira, now),

  'report/issue': async (_payload, { caller, jira, now }) => {
    const stored = await loadConfig();
    const { config } = stored;
    const raw = await readIssue(jira, claimedKey(caller, 'issue'), fieldsToRead(config));
    let issue: EvidenceIssue;
    try {
      issue = toEvidenceIssue(raw, config);
    } catch (error) {
      if (error instanceof IssueDataError)
        throw new AppError('JIRA_UNAVAILABLE', `Jira sent data the app cannot read: ${error.message}.`);
      throw error;
    }
    const asOf = dayOf(now);
    const substance = await readSubstance(jira, [issue], config, asOf);
    const explained = substance.issues[0] ?? issue;
    return {
      ...explainIssue(explained, config, asOf, substance.top),
      summary: issue.summary,
      projectKey: projectKeyOf(raw) ?? '',
      ...settingsNotice(stored),
      ...(substance.notChecked.length > 0 ? { notChecked: substance.notChecked } : {}),
    };
  },

  'config/get': async (_payload, { jira }) => {
    const [stored, canEdit] = await Promise.all([loadConfig(), isJiraAdmin(jira)]);
    // Names are for the admins who edit them; a name Jira cannot give is said, never fatal.
    return withNames(state(stored, canEdit), canEdit ? await configuredNames(jira, stored.config) : undefined);
  },

  'config/save': async (payload, { caller, jira, now }) => {
    const { config, expectedVersion } = savePayload(payload);
    await requireJiraAdmin(jira);
    const checked = validateConfig(config);
    if (!checked.ok) throw notSaved(checked.errors, checked.total);
    // Then with Jira (spec 8.8): fields of the right kind, groups that exist. Nothing is stored when refused.
    const jiraCheck = await checkWithJira(jira, checked.config);
    if (jiraCheck.errors.length > 0) throw notSaved(jiraCheck.errors);
    const stored = await storeConfig(
      checked.config,
      expectedVersion,
      'save',
      await me(jira, caller.accountId),
      now.toISOString(),
    );
    return withNames(state(stored, true), await configuredNames(jira, stored.config, jiraCheck.known));
  },

  'config/reset': async (payload, { caller, jira, now }) => {
    const { expectedVersion } = resetPayload(payload);
    await requireJiraAdmin(jira);
    return state(
      await storeConfig(defaultConfig(), expectedVersion, 'reset', await me(jira, caller.accountId), now.toISOString()),
      true,
    );
  },

  'config/history': async (_payload, { jira }) => {
    await requireJiraAdmin(jira);
    return { changes: await loadHistory() };
  },

  // Both serve only the admin page's form, so they are the admins' too (least privilege).
  'jira/labels': async (payload, { jira }) => {
    const { query } = labelsPayload(payload);
    await requireJiraAdmin(jira);
    return { labels: await suggestLabels(jira, query ?? '') };
  },

  'jira/date-fields': async (_payload, { jira }) => {
    await requireJiraAdmin(jira);
    return { fields: await dateFields(jira) };
  },

  // The top-management pickers and user fields (spec 8.8): the admin page's too.
  'jira/groups': async (payload, { jira }) => {
    const { query } = groupsPayload(payload);
    await requireJiraAdmin(jira);
    return { groups: await findGroups(jira, query ?? '') };
  },

  'jira/users': async (payload, { jira }) => {
    const { query } = usersPayload(payload);
    await requireJiraAdmin(jira);
    return { users: await findUsers(jira, query ?? '') };
  },

  'jira/user-fields': async (_payload, { jira }) => {
    await requireJiraAdmin(jira);
    return { fields: await userFields(jira) };
  },
};

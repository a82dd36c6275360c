import { route } from '@forge/api';
import { defaultConfig, formatFieldErrors, validateConfig, type FieldError } from '../core/config';
import { listed } from '../core/words';
import type { ConfigState, InvokeContract, Person, ProjectReport } from '../contract/invoke';
import { isJiraAdmin, requireJiraAdmin } from '../jira/access';
import { dateFields, suggestLabels } from '../jira/catalogue';
import { siteIssueTypes } from '../jira/create-issue';
import { browsableProjects } from '../jira/projects';
import { scopeProblems } from '../jira/scope-check';
import { checkWithJira, configuredNames, findGroups, findUsers, userFields } from '../jira/people-catalogue';
import type { JiraClient } from '../jira/client';
import { loadConfig, loadHistory, storeConfig, type StoredConfig } from '../storage/config-store';
import { AppError } from './app-error';
import type { Caller } from './caller';
import { createFix, fixPreview, issueFixes, projectFixes } from './fix';
import { gadgetReport } from './gadget';
import { gradeIssue, gradeProject, settingsNotice } from './grading';
import { hiddenProjectsNote } from './scope';
import {
  fixPayload,
  groupsPayload,
  labelsPayload,
  projectsPayload,
  reportPayload,
  resetPayload,
  savePayload,
  usersPayload,
} from './payloads';

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
  'report/project': async (payload, { caller, jira, now }) => {
    const { fullRead } = reportPayload(payload);
    // The permission is asked once the project is confirmed: under a 429 storm a view still sends one request.
    const graded = await gradeProject(caller, jira, now, { fullRead: fullRead ?? false, permission: true });
    const permission = graded.permission ?? { canCreate: false };
    const visible = graded.projects.filter((p) => p.visible).map((p) => p.key);
    const report: ProjectReport = {
      ...graded.report,
      ...graded.timeline,
      projects: graded.projects,
      fixes: await projectFixes(jira, graded, permission),
      projectName: graded.project.name,
      scope: {
        accountId: caller.accountId,
        note: [
          `Computed from the issues in ${listed(visible)} that you can see. Issues restricted from you are not counted.`,
          hiddenProjectsNote(graded.projects),
        ]
          .filter(Boolean)
          .join(' '),
      },
      generatedAt: now.toISOString(),
      read: graded.read,
      ...settingsNotice(graded.stored),
    };
    if (graded.incompleteReason !== undefined) report.incompleteReason = graded.incompleteReason;
    if (graded.notChecked.length > 0) report.notChecked = graded.notChecked;
    return report;
  },

  'report/issue': async (_payload, { caller, jira, now }) => {
    const graded = await gradeIssue(caller, jira, now);
    const fixes = await issueFixes(jira, graded);
    return {
      ...graded.explanation,
      summary: graded.issue.summary,
      projectKey: graded.projectKey,
      ...settingsNotice(graded.stored),
      ...(graded.notChecked.length > 0 ? { notChecked: graded.notChecked } : {}),
      ...(fixes ? { fixes } : {}),
    };
  },

  'issue/fix-preview': async (payload, { caller, jira, now }) => fixPreview(caller, jira, now, fixPayload(payload)),

  'issue/create-fix': async (payload, { caller, jira, now }) => createFix(caller, jira, now, fixPayload(payload)),

  'report/gadget': async (_payload, { caller, jira, now }) => gadgetReport(caller, jira, now),

  'jira/projects': async (payload, { jira }) => {
    const { query } = projectsPayload(payload);
    return { projects: await browsableProjects(jira, query ?? '') };
  },

  'jira/issue-types': async (_payload, { jira }) => {
    await requireJiraAdmin(jira);
    return { types: await siteIssueTypes(jira) };
  },

  'config/get': async (_payload, { jira }) => {
    const [stored, canEdit] = await Promise.all([loadConfig(jira.budget), isJiraAdmin(jira)]);
    // Names are for the admins who edit them; a name Jira cannot give is said, never fatal.
    return withNames(state(stored, canEdit), canEdit ? await configuredNames(jira, stored.config) : undefined);
  },

  'config/save': async (payload, { caller, jira, now }) => {
    const { config, expectedVersion } = savePayload(payload);
    await requireJiraAdmin(jira);
    const checked = validateConfig(config);
    if (!checked.ok) throw notSaved(checked.errors, checked.total);
    // Then with Jira (spec 8.8): fields of the right kind, groups that exist. Nothing is stored when refused.
    // Both settle before either failure is thrown, so no read is left running after one.
    const [peopleRead, scopeRead] = await Promise.allSettled([
      checkWithJira(jira, checked.config),
      scopeProblems(jira, checked.config),
    ]);
    if (peopleRead.status === 'rejected') throw peopleRead.reason;
    if (scopeRead.status === 'rejected') throw scopeRead.reason;
    const jiraCheck = peopleRead.value;
    const refused = [...jiraCheck.errors, ...scopeRead.value];
    if (refused.length > 0) throw notSaved(refused);
    const stored = await storeConfig(
      checked.config,
      expectedVersion,
      'save',
      await me(jira, caller.accountId),
      now.toISOString(),
      jira.budget,
    );
    return withNames(state(stored, true), await configuredNames(jira, stored.config, jiraCheck.known));
  },

  'config/reset': async (payload, { caller, jira, now }) => {
    const { expectedVersion } = resetPayload(payload);
    await requireJiraAdmin(jira);
    return state(
      await storeConfig(
        defaultConfig(),
        expectedVersion,
        'reset',
        await me(jira, caller.accountId),
        now.toISOString(),
        jira.budget,
      ),
      true,
    );
  },

  'config/history': async (_payload, { jira }) => {
    await requireJiraAdmin(jira);
    return { changes: await loadHistory(jira.budget) };
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

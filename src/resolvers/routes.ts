/**
 * Every invoke key the screens may call, in one table: how its payload is checked, who may call
 * it, and the service that answers. The table is typed over the contract, so a key without a route
 * or a route without a key does not compile; what was once kept by hand beside it (which keys take
 * an empty payload, which are the admins') is read from it.
 */
import type { InvokeContract, InvokeKey } from '../contract/invoke';
import type { Caller } from '../app/caller';
import { createFix, fixPreview } from '../app/fix';
import { gadgetReport } from '../app/gadget';
import { issueReport, projectReport } from '../app/reports';
import { readSettings, resetSettings, saveSettings, settingsHistory } from '../app/settings';
import { requireJiraAdmin } from '../jira/access';
import { dateFields, suggestLabels } from '../jira/catalogue';
import type { JiraClient } from '../jira/client';
import { siteIssueTypes } from '../jira/create-issue';
import { userFields } from '../jira/fields';
import { findGroups, findUsers } from '../jira/people';
import { browsableProjects } from '../jira/projects';
import {
  emptyPayload,
  fixPayload,
  groupsPayload,
  labelsPayload,
  projectsPayload,
  reportPayload,
  resetPayload,
  savePayload,
  usersPayload,
} from './payloads';

/** What every service gets: the confirmed caller, a Jira client on the invocation's budget, the clock. */
export interface HandlerContext {
  caller: Caller;
  jira: JiraClient;
  now: Date;
}

/**
 * Who may call. `user`: anyone signed in to Jira; what they see is what Jira lets them read, as
 * themselves. `jira-admin`: the admin page's own calls, confirmed with Jira as the caller (least
 * privilege: the form's pickers are the admins' too).
 */
export type Access = 'user' | 'jira-admin';

export interface Route<K extends InvokeKey> {
  access: Access;
  /** The payload checked, then answered; a payload that is not what the key takes is INVALID_INPUT before anything runs. */
  handle(payload: unknown, ctx: HandlerContext): Promise<InvokeContract[K]['result']>;
  /** Whether the key takes `{}` and nothing else. */
  takesNoPayload: boolean;
}

interface RouteSpec<P, R> {
  payload: (raw: unknown) => P;
  access: Access;
  serve: (payload: P, ctx: HandlerContext) => Promise<R>;
}

/** A route from its parts: the payload parser's type is what the service takes. */
function route<K extends InvokeKey, P>(spec: RouteSpec<P, InvokeContract[K]['result']>): Route<K> {
  return {
    access: spec.access,
    takesNoPayload: spec.payload === emptyPayload,
    async handle(raw, ctx) {
      const payload = spec.payload(raw);
      if (spec.access === 'jira-admin') await requireJiraAdmin(ctx.jira);
      return spec.serve(payload, ctx);
    },
  };
}

export const ROUTES: { readonly [K in InvokeKey]: Route<K> } = {
  'report/project': route({
    payload: reportPayload,
    access: 'user',
    serve: (payload, { caller, jira, now }) => projectReport(caller, jira, now, payload),
  }),
  'report/issue': route({
    payload: emptyPayload,
    access: 'user',
    serve: (_payload, { caller, jira, now }) => issueReport(caller, jira, now),
  }),
  'issue/fix-preview': route({
    payload: fixPayload,
    access: 'user',
    serve: (request, { caller, jira, now }) => fixPreview(caller, jira, now, request),
  }),
  'issue/create-fix': route({
    payload: fixPayload,
    access: 'user',
    serve: (request, { caller, jira, now }) => createFix(caller, jira, now, request),
  }),
  'report/gadget': route({
    payload: emptyPayload,
    access: 'user',
    serve: (_payload, { caller, jira, now }) => gadgetReport(caller, jira, now),
  }),
  // The scope and gadget pickers: projects the caller may browse, as the caller.
  'jira/projects': route({
    payload: projectsPayload,
    access: 'user',
    serve: async ({ query }, { jira }) => ({ projects: await browsableProjects(jira, query ?? '') }),
  }),
  // Anyone reads the settings (the screens grade by them); `canEdit` tells the admins.
  'config/get': route({ payload: emptyPayload, access: 'user', serve: (_payload, { jira }) => readSettings(jira) }),
  'config/save': route({
    payload: savePayload,
    access: 'jira-admin',
    serve: (request, { caller, jira, now }) => saveSettings(caller, jira, now, request),
  }),
  'config/reset': route({
    payload: resetPayload,
    access: 'jira-admin',
    serve: (request, { caller, jira, now }) => resetSettings(caller, jira, now, request),
  }),
  'config/history': route({
    payload: emptyPayload,
    access: 'jira-admin',
    serve: (_payload, { jira }) => settingsHistory(jira),
  }),
  'jira/issue-types': route({
    payload: emptyPayload,
    access: 'jira-admin',
    serve: async (_payload, { jira }) => ({ types: await siteIssueTypes(jira) }),
  }),
  'jira/labels': route({
    payload: labelsPayload,
    access: 'jira-admin',
    serve: async ({ query }, { jira }) => ({ labels: await suggestLabels(jira, query ?? '') }),
  }),
  'jira/date-fields': route({
    payload: emptyPayload,
    access: 'jira-admin',
    serve: async (_payload, { jira }) => ({ fields: await dateFields(jira) }),
  }),
  'jira/groups': route({
    payload: groupsPayload,
    access: 'jira-admin',
    serve: async ({ query }, { jira }) => ({ groups: await findGroups(jira, query ?? '') }),
  }),
  'jira/users': route({
    payload: usersPayload,
    access: 'jira-admin',
    serve: async ({ query }, { jira }) => ({ users: await findUsers(jira, query ?? '') }),
  }),
  'jira/user-fields': route({
    payload: emptyPayload,
    access: 'jira-admin',
    serve: async (_payload, { jira }) => ({ fields: await userFields(jira) }),
  }),
};

/** The keys the routes answer, in the table's order. */
export const ROUTED_KEYS = Object.keys(ROUTES) as InvokeKey[];

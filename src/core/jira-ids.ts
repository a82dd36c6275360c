/**
 * The shape of each Jira id the app accepts from outside (a config, a payload, a storage key, a
 * command line), in one table, so every layer refuses the same things. The patterns follow what
 * Jira Cloud issues: project keys are upper-case letters, digits and underscores starting with a
 * letter; account ids look like `5b10ac8d82e05b22cc7d4ef5` or `557058:f58131cb-...`; group ids are
 * UUIDs; field ids are `customfield_10042` or a system field such as `duedate`.
 */
export const JIRA_ID = {
  projectKey: /^[A-Z][A-Z0-9_]{0,254}$/,
  issueKey: /^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,17}$/,
  accountId: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/,
  groupId: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/,
  customFieldId: /^customfield_\d{1,12}$/,
  fieldId: /^(customfield_\d{1,12}|[a-z][a-zA-Z]{0,63})$/,
} as const satisfies Record<string, RegExp>;

export type JiraIdKind = keyof typeof JIRA_ID;

/** Whether `value` is a well-formed Jira id of this kind. */
export const isJiraId = (kind: JiraIdKind, value: unknown): value is string =>
  typeof value === 'string' && JIRA_ID[kind].test(value);

/** The project key of an issue key ("ISMS-12" is in ISMS). */
export const projectOfKey = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

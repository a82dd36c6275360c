/**
 * Builds Jira REST v3 issue JSON the way /rest/api/3/search/jql returns it (status objects with
 * their category, user objects, Jira's datetime format), for demo sites and tests.
 */

export interface JiraUserJson {
  accountId: string;
  displayName: string;
  active: boolean;
  /** `app` for an app account such as Automation for Jira; default `atlassian`. */
  accountType?: 'atlassian' | 'app';
}

/** A file attached to the issue. */
export interface AttachmentSpec {
  filename: string;
  mimeType: string;
  size: number;
  /** Day as YYYY-MM-DD. */
  created: string;
  author: JiraUserJson;
}

/** A comment; `text` becomes a one-paragraph Atlassian Document Format body. */
export interface CommentSpec {
  author: JiraUserJson;
  /** Day as YYYY-MM-DD. */
  created: string;
  text: string;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface JiraIssueSpec {
  key: string;
  id?: string;
  summary: string;
  labels?: string[];
  status?: StatusCategoryKey;
  statusName?: string;
  /** Days as YYYY-MM-DD; written as Jira datetimes at a fixed hour in a +01:00 zone. */
  created: string;
  updated?: string;
  resolved?: string;
  statusCategoryChanged?: string;
  duedate?: string;
  assignee?: JiraUserJson | null;
  reporter?: JiraUserJson | null;
  /** An Atlassian Document Format document, or null; see `adf()`. Absent: no description field. */
  description?: Record<string, unknown> | null;
  attachments?: AttachmentSpec[];
  comments?: CommentSpec[];
  security?: { id: string; name: string };
  custom?: Record<string, unknown>;
  projectName?: string;
  projectId?: string;
  site?: string;
}

const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

/** The status id and name a changelog item names, for an issue built with this status. */
export function statusRef(category: StatusCategoryKey, name?: string): { id: string; name: string } {
  const known = STATUS_CATEGORIES[category];
  return { id: String(known.id), name: name ?? known.name };
}

export function jiraDateTime(day: string, hour = 10, minute = 15): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:30.000+0100`;
}

/** An Atlassian Document Format document of one paragraph per text; no texts: a document with nothing in it. */
export function adf(...paragraphs: string[]): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content:
      paragraphs.length === 0
        ? [{ type: 'paragraph', content: [] }]
        : paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export function jiraUserJson(user: JiraUserJson, site = 'https://example.atlassian.net') {
  return {
    self: `${site}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    displayName: user.displayName,
    active: user.active,
    timeZone: 'Europe/London',
    accountType: user.accountType ?? 'atlassian',
    avatarUrls: {
      '48x48': `${site}/avatar/${user.accountId}/48`,
      '24x24': `${site}/avatar/${user.accountId}/24`,
      '16x16': `${site}/avatar/${user.accountId}/16`,
      '32x32': `${site}/avatar/${user.accountId}/32`,
    },
  };
}

let nextId = 10000;

export interface JiraIssueJson {
  expand: string;
  id: string;
  self: string;
  key: string;
  fields: Record<string, unknown>;
}

export function jiraIssue(spec: JiraIssueSpec): JiraIssueJson {
  const site = spec.site ?? 'https://example.atlassian.net';
  const category = spec.status ?? 'done';
  const statusCategory = STATUS_CATEGORIES[category];
  const projectKey = spec.key.replace(/-\d+$/, '');
  const id = spec.id ?? String(nextId++);
  const statusName = spec.statusName ?? statusCategory.name;
  const fields: Record<string, unknown> = {
    summary: spec.summary,
    labels: spec.labels ?? [],
    status: {
      self: `${site}/rest/api/3/status/${statusCategory.id}`,
      description: '',
      iconUrl: `${site}/images/icons/statuses/generic.png`,
      name: statusName,
      id: String(statusCategory.id),
      statusCategory: {
        self: `${site}/rest/api/3/statuscategory/${statusCategory.id}`,
        id: statusCategory.id,
        key: category,
        colorName: statusCategory.colorName,
        name: statusCategory.name,
      },
    },
    created: jiraDateTime(spec.created, 9),
    updated: jiraDateTime(spec.updated ?? spec.resolved ?? spec.created, 16),
    resolutiondate: spec.resolved ? jiraDateTime(spec.resolved, 11) : null,
    statuscategorychangedate: jiraDateTime(spec.statusCategoryChanged ?? spec.resolved ?? spec.created, 11),
    duedate: spec.duedate ?? null,
    assignee: spec.assignee ? jiraUserJson(spec.assignee, site) : null,
    ...(spec.reporter !== undefined ? { reporter: spec.reporter ? jiraUserJson(spec.reporter, site) : null } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.attachments
      ? {
          attachment: spec.attachments.map((a, i) => {
            const attachmentId = `${id}${String(i + 1).padStart(2, '0')}`;
            return {
              self: `${site}/rest/api/3/attachment/${attachmentId}`,
              id: attachmentId,
              filename: a.filename,
              author: jiraUserJson(a.author, site),
              created: jiraDateTime(a.created, 11, 5),
              size: a.size,
              mimeType: a.mimeType,
              content: `${site}/rest/api/3/attachment/content/${attachmentId}`,
            };
          }),
        }
      : {}),
    ...(spec.comments
      ? {
          comment: {
            comments: spec.comments.map((c, i) => {
              const commentId = `${id}${String(i + 1).padStart(2, '0')}`;
              return {
                self: `${site}/rest/api/3/issue/${id}/comment/${commentId}`,
                id: commentId,
                author: jiraUserJson(c.author, site),
                body: adf(c.text),
                updateAuthor: jiraUserJson(c.author, site),
                created: jiraDateTime(c.created, 14),
                updated: jiraDateTime(c.created, 14),
                jsdPublic: true,
              };
            }),
            self: `${site}/rest/api/3/issue/${id}/comment`,
            maxResults: spec.comments.length,
            total: spec.comments.length,
            startAt: 0,
          },
        }
      : {}),
    project: {
      self: `${site}/rest/api/3/project/${spec.projectId ?? '10000'}`,
      id: spec.projectId ?? '10000',
      key: projectKey,
      name: spec.projectName ?? projectKey,
      projectTypeKey: 'software',
      simplified: false,
    },
    ...spec.custom,
  };
  if (spec.security)
    fields.security = {
      self: `${site}/rest/api/3/securitylevel/${spec.security.id}`,
      id: spec.security.id,
      description: '',
      name: spec.security.name,
    };
  return {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id,
    self: `${site}/rest/api/3/issue/${id}`,
    key: spec.key,
    fields,
  };
}

import { DEMO_USERS } from '../demo/demo-site';
import { isRecord } from '../../src/core/guards';
import {
  adfDescription,
  exportHistories,
  exportRemoteLinks,
  fieldSchema,
  fieldTypeOf,
  type ExportFieldType,
  type ExportUser,
} from './export-records';

/**
 * A simulator site around a team's own Jira export, so they can try the app on real data: the
 * projects and security levels are those the issues name; the security lead and the Jira admin
 * see everything, the manager sees every project but no restricted issue, the outsider nothing.
 * Assignees and the authors of changelog entries become (inactive where Jira said so) users; an export
 * made with expand=changelog, and with each issue's `remotelinks`, keeps its history and remote links, and
 * user-picker fields are declared as such (spec 8.7).
 */
export function siteFromExport(issues: unknown[]) {
  const projects = new Map<string, { id: string; key: string; name: string }>();
  const levels = new Map<string, { id: string; name: string }>();
  const users = new Map<string, ExportUser>();
  const addUser = (user: ExportUser) => {
    if (!users.has(user.accountId)) users.set(user.accountId, user);
  };
  // An export carries custom field values but not their definitions: declare each one, typed from
  // its values, so the simulator serves it and the admin page can offer the date and user fields.
  const customFields = new Map<string, ExportFieldType>();
  const unsetFields = new Set<string>();
  for (const u of Object.values(DEMO_USERS)) users.set(u.accountId, { ...u });

  const kept = issues.filter(
    (issue): issue is Record<string, unknown> & { fields: Record<string, unknown> } =>
      isRecord(issue) && isRecord(issue.fields) && typeof issue.key === 'string',
  );
  kept.forEach((issue, index) => {
    const fields = issue.fields;
    const key = String(issue.key);
    const project = isRecord(fields.project) ? fields.project : {};
    const projectKey = typeof project.key === 'string' ? project.key : key.replace(/-\d+$/, '');
    if (!projects.has(projectKey)) {
      projects.set(projectKey, {
        id: typeof project.id === 'string' ? project.id : String(20000 + projects.size),
        key: projectKey,
        name: typeof project.name === 'string' ? project.name : projectKey,
      });
    }
    fields.project = projects.get(projectKey);
    if (typeof issue.id !== 'string') issue.id = String(30000 + index);
    if (!Array.isArray(fields.labels)) fields.labels = [];
    if (typeof fields.summary !== 'string') fields.summary = '';
    if (typeof fields.created !== 'string')
      fields.created = typeof fields.updated === 'string' ? fields.updated : '2000-01-01T00:00:00.000+0000';
    if (typeof fields.updated !== 'string') fields.updated = fields.created;
    if (isRecord(fields.security) && typeof fields.security.id === 'string') {
      levels.set(fields.security.id, {
        id: fields.security.id,
        name: typeof fields.security.name === 'string' ? fields.security.name : 'Restricted',
      });
    }
    for (const [id, value] of Object.entries(fields)) {
      if (!/^customfield_\d+$/.test(id)) continue;
      const unset = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
      // A field no issue has a value for is still declared, or the simulator would refuse the issue.
      if (unset) {
        if (!customFields.has(id)) unsetFields.add(id);
        continue;
      }
      unsetFields.delete(id);
      const type = fieldTypeOf(value);
      const known = customFields.get(id);
      customFields.set(id, known === undefined || known === type ? type : 'any');
    }
    if ('description' in fields) fields.description = adfDescription(fields.description);
    const assignee = fields.assignee;
    if (isRecord(assignee) && typeof assignee.accountId === 'string' && !users.has(assignee.accountId)) {
      users.set(assignee.accountId, {
        accountId: assignee.accountId,
        displayName: typeof assignee.displayName === 'string' ? assignee.displayName : assignee.accountId,
        active: assignee.active !== false,
        jiraAdmin: false,
      });
    }
    const histories = exportHistories(issue, addUser);
    if (histories) issue.histories = histories;
    const remoteLinks = exportRemoteLinks(issue);
    if (remoteLinks) issue.remoteLinks = remoteLinks;
  });

  const everyoneButOutsider = [
    DEMO_USERS.admin.accountId,
    DEMO_USERS.securityLead.accountId,
    DEMO_USERS.manager.accountId,
  ];
  return {
    users: [...users.values()],
    projects: [...projects.values()].map((p) => ({
      ...p,
      browsers: everyoneButOutsider,
      projectAdmins: [DEMO_USERS.securityLead.accountId],
    })),
    securityLevels: [...levels.values()].map((l) => ({
      ...l,
      members: [DEMO_USERS.admin.accountId, DEMO_USERS.securityLead.accountId],
    })),
    fields: [...customFields, ...[...unsetFields].map((id): [string, ExportFieldType] => [id, 'any'])].map(
      ([id, type]) => ({
        id,
        name: id,
        custom: true as const,
        schema: fieldSchema(type, Number(id.replace('customfield_', ''))),
      }),
    ),
    issues: kept,
  };
}

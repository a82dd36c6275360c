import { DEMO_USERS } from '../demo/demo-site';
import type { Persona } from './pages';

/** The people the host's switcher offers: the same four on demo data and on a user's export. */
export const PERSONAS: Persona[] = [
  { id: 'security-lead', accountId: DEMO_USERS.securityLead.accountId, label: 'Sam Rivera, security lead' },
  { id: 'manager', accountId: DEMO_USERS.manager.accountId, label: 'Morgan Lee, manager (no Board-only issues)' },
  { id: 'admin', accountId: DEMO_USERS.admin.accountId, label: 'Alex Morgan, Jira admin' },
  { id: 'outsider', accountId: DEMO_USERS.outsider.accountId, label: 'Olu Adeyemi, outsider (no ISMS access)' },
];

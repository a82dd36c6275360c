/**
 * The demo company's settings, as its Jira admin saved them: the Board group is top management,
 * and the "Approved by" and "Attendees" fields say who signed and who took part. `npm start`
 * writes them once, into a store that holds no settings yet, so the demo shows spec 8's checks
 * passing and failing at first start, and the ISMS page's evidence includes the Board's own project;
 * settings saved since are never overwritten.
 */
import { defaultConfig } from '../../src/core/config';
import type { CoverageConfig } from '../../src/core/types';
import { Budget } from '../../src/jira/budget';
import { loadConfig, storeConfig } from '../../src/storage/config-store';
import {
  DEMO_ATTENDEES_FIELD,
  DEMO_APPROVER_FIELD,
  DEMO_BOARD_GROUP_ID,
  DEMO_BOARD_PROJECT,
  DEMO_USERS,
} from './demo-site';

export function demoSettings(): CoverageConfig {
  return {
    ...defaultConfig(),
    topManagement: { groups: [DEMO_BOARD_GROUP_ID], accountIds: [] },
    approverField: DEMO_APPROVER_FIELD,
    attendeesField: DEMO_ATTENDEES_FIELD,
    // The Board keeps its minutes and approvals in its own, restricted project (spec 11).
    scopes: { ISMS: ['ISMS', DEMO_BOARD_PROJECT.key] },
  };
}

/** Saves the demo settings when the store has none; true when it did. Needs the Forge runtime installed. */
export async function seedDemoSettings(now: Date): Promise<boolean> {
  // A seed at start-up, outside any invocation: Forge's 25 s are not its limit, but an answer is due all the same.
  const budget = new Budget();
  const stored = await loadConfig(budget);
  if (stored.version > 0) return false;
  const { accountId, displayName } = DEMO_USERS.admin;
  await storeConfig(demoSettings(), 0, 'save', { accountId, displayName }, now.toISOString(), budget);
  return true;
}

import { REQUIREMENT_IDS } from './requirements';

/**
 * Every check the engine makes, by id (spec sections 7 and 8.6): the issue panel lists them and
 * the report's problems come from them. The rules' own checks, the panel's "switched off", then one
 * per requirement (spec 8.3), whose id is the requirement's.
 */
export const CHECK_IDS = [
  'enabled',
  'done',
  'effective-date',
  'window',
  'assignee',
  'assignee-active',
  'approval',
  'overdue',
  ...REQUIREMENT_IDS,
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

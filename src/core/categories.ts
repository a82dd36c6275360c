import type { CategoryId, ItemId, RuleKind } from './types';

export interface CategoryDefinition {
  id: CategoryId;
  name: string;
  /** What an issue of this category records, in a manager's words. */
  records: string;
  defaultLabel: string;
  items: ItemId[];
  rule: RuleKind;
}

/** The ten evidence categories of spec section 2, in the order the product shows them. */
export const CATEGORIES: readonly CategoryDefinition[] = [
  {
    id: 'workshop-outcome',
    name: 'Executive workshop outcomes',
    records: 'the outcome of an executive or Board security workshop',
    defaultLabel: 'iso27001-workshop-outcome',
    items: ['a', 'd'],
    rule: 'dated',
  },
  {
    id: 'role-assignment',
    name: 'Security role assignments',
    records: 'a security role given to a named person (the assignee holds the role)',
    defaultLabel: 'iso27001-role-assignment',
    items: ['f', 'h'],
    rule: 'role',
  },
  {
    id: 'corrective-action',
    name: 'Board-approved corrective actions',
    records: 'a corrective action approved by the Board',
    defaultLabel: 'iso27001-corrective-action',
    items: ['g'],
    rule: 'corrective',
  },
  {
    id: 'security-policy',
    name: 'Security policy approval',
    records: "the CEO's approval or signature of the security policy",
    defaultLabel: 'iso27001-policy-approval',
    items: ['a'],
    rule: 'dated',
  },
  {
    id: 'resources',
    name: 'ISMS budget and staffing',
    records: 'approval of the ISMS budget and staffing',
    defaultLabel: 'iso27001-budget-approval',
    items: ['c'],
    rule: 'dated',
  },
  {
    id: 'strategy-alignment',
    name: 'Strategy alignment',
    records: 'a security objective linked to a business objective',
    defaultLabel: 'iso27001-strategy-alignment',
    items: ['a', 'b'],
    rule: 'dated',
  },
  {
    id: 'leadership-communication',
    name: 'Leadership communication',
    records: 'a message from the CEO to staff about security',
    defaultLabel: 'iso27001-leadership-communication',
    items: ['d'],
    rule: 'dated',
  },
  {
    id: 'management-targets',
    name: 'Department security targets',
    records: "security targets in a department's goals",
    defaultLabel: 'iso27001-department-targets',
    items: ['h'],
    rule: 'dated',
  },
  {
    id: 'executive-training',
    name: 'Executive training and drills',
    records: 'executives completing security training or an incident drill',
    defaultLabel: 'iso27001-executive-training',
    items: ['d', 'f'],
    rule: 'dated',
  },
  {
    id: 'management-review',
    name: 'Management reviews',
    records: 'a management review of ISMS performance (minutes, KPIs, decisions)',
    defaultLabel: 'iso27001-management-review',
    items: ['e'],
    rule: 'dated',
  },
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoryDefinition(id: CategoryId): CategoryDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown category ${id}`);
  return def;
}

/** What each item (a)..(h) of Clause 5.1 asks of top management. */
export const ITEM_TEXT: Record<ItemId, string> = {
  a: 'ensures the security policy and objectives exist and fit the strategic direction',
  b: "integrates ISMS requirements into the organisation's processes",
  c: 'makes the needed resources available',
  d: 'communicates why security and conformity to the ISMS matter',
  e: 'ensures the ISMS achieves its intended outcomes',
  f: 'directs and supports people to contribute to the ISMS',
  g: 'promotes continual improvement',
  h: 'supports other managers to lead security in their own areas',
};

/** Categories whose evidence shows management taking part (the involvement rule, spec section 5). */
export const INVOLVEMENT_CATEGORIES: readonly CategoryId[] = [
  'workshop-outcome',
  'management-review',
  'corrective-action',
  'leadership-communication',
  'executive-training',
];

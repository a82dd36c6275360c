import type { RequirementModes } from './requirements';
import { CATEGORY_IDS, type CategoryId, type ItemId, type RuleKind, type Severity } from './types';

/** The severity of the finding each status of a category gives (spec sections 5 and 8.5). */
export interface CategorySeverities {
  missing: Severity;
  stale: Severity;
  partial: Severity;
}

/**
 * Everything a category means, in one place: the report, the findings, the requirement checks and
 * the settings all read it. Every category has every field; where a value does not apply to a
 * category it is null, so a category added without thinking about it does not compile.
 */
export interface CategoryDefinition {
  id: CategoryId;
  name: string;
  /** What an issue of this category records, in a manager's words. */
  records: string;
  defaultLabel: string;
  items: ItemId[];
  rule: RuleKind;
  severity: CategorySeverities;
  /**
   * What a missing or stale category's fix asks to record; null for roles and corrective actions,
   * whose fixes their rule words (assign the role, have the Board approve an action).
   */
  whatToRecord: string | null;
  /**
   * The fix of a partial dated category, when it needs more than top management taking part or
   * signing off; null: that sentence (and roles and corrective actions, whose rule words it).
   */
  partialFix: string | null;
  /**
   * Why top management's own approval is needed, said when someone else approved; null for the
   * categories that do not ask for it (requirement `approved-by-top-management`).
   */
  whyTopApproves: string | null;
  /** The document an auditor asks to see (requirement `document-attached`); null when none is asked. */
  document: string | null;
  /** Its requirements with their default modes (spec 8.3): it has these and no others. */
  requirements: Readonly<RequirementModes>;
  /** Its evidence shows management taking part (the involvement rule, spec sections 5 and 8.5). */
  involvement: boolean;
  /** It has the recommended review interval (spec 4): met but older than that is an observation. */
  reviewInterval: boolean;
}

// Keyed by id, and each entry's id is its key: neither can be left out or mistyped.
type Definitions = { readonly [K in CategoryId]: CategoryDefinition & { id: K } };

// Spec 5: missing or stale is a minor nonconformity unless the category says otherwise.
const MINOR: CategorySeverities = { missing: 'minor', stale: 'minor', partial: 'minor' };
// Spec 8.5: role and corrective partials stay observations (a role is never stale).
const RULE_PARTIAL: CategorySeverities = { missing: 'minor', stale: 'minor', partial: 'observation' };

/** The ten evidence categories of spec section 2, with what spec sections 4, 5 and 8 add to each. */
export const CATEGORY_DEFINITIONS: Definitions = {
  'workshop-outcome': {
    id: 'workshop-outcome',
    name: 'Executive workshop outcomes',
    records: 'the outcome of an executive or Board security workshop',
    defaultLabel: 'iso27001-workshop-outcome',
    items: ['a', 'd'],
    rule: 'dated',
    severity: MINOR,
    whatToRecord: 'the outcome of an executive security workshop',
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: { 'top-management-took-part': 'required', 'decisions-recorded': 'advisory' },
    involvement: true,
    reviewInterval: false,
  },
  'role-assignment': {
    id: 'role-assignment',
    name: 'Security role assignments',
    records: 'a security role given to a named person (the assignee holds the role)',
    defaultLabel: 'iso27001-role-assignment',
    items: ['f', 'h'],
    rule: 'role',
    severity: RULE_PARTIAL,
    whatToRecord: null,
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: { 'duties-described': 'advisory' },
    involvement: false,
    reviewInterval: false,
  },
  'corrective-action': {
    id: 'corrective-action',
    name: 'Board-approved corrective actions',
    records: 'a corrective action approved by the Board',
    defaultLabel: 'iso27001-corrective-action',
    items: ['g'],
    rule: 'corrective',
    severity: RULE_PARTIAL,
    whatToRecord: null,
    partialFix: null,
    whyTopApproves: 'a corrective action is Board-approved only when top management approved it',
    document: null,
    requirements: { 'approved-by-top-management': 'required', 'approval-covers-current-version': 'off' },
    involvement: true,
    reviewInterval: false,
  },
  'security-policy': {
    id: 'security-policy',
    name: 'Security policy approval',
    records: "the CEO's approval or signature of the security policy",
    defaultLabel: 'iso27001-policy-approval',
    items: ['a'],
    rule: 'dated',
    // A verbal warning: no current CEO signature.
    severity: { missing: 'warning', stale: 'warning', partial: 'warning' },
    whatToRecord: "the CEO's signature of the current security policy",
    partialFix:
      'Have the CEO (or another member of top management) sign off the current policy and attach the signed document.',
    whyTopApproves: 'the security policy must be approved by the highest level of management',
    document: 'the signed policy',
    requirements: {
      'approved-by-top-management': 'required',
      'document-attached': 'required',
      'approval-covers-current-version': 'advisory',
    },
    involvement: false,
    reviewInterval: false,
  },
  resources: {
    id: 'resources',
    name: 'ISMS budget and staffing',
    records: 'approval of the ISMS budget and staffing',
    defaultLabel: 'iso27001-budget-approval',
    items: ['c'],
    rule: 'dated',
    // No approved budget is a major nonconformity, however it falls short.
    severity: { missing: 'major', stale: 'major', partial: 'major' },
    whatToRecord: 'the approval of the ISMS budget and staffing',
    partialFix: 'Have top management approve the ISMS budget and staffing in Jira (sign-off or the approver field).',
    whyTopApproves: 'the ISMS budget and staffing must be approved by top management',
    document: null,
    requirements: { 'approved-by-top-management': 'required', 'approval-covers-current-version': 'advisory' },
    involvement: false,
    reviewInterval: false,
  },
  'strategy-alignment': {
    id: 'strategy-alignment',
    name: 'Strategy alignment',
    records: 'a security objective linked to a business objective',
    defaultLabel: 'iso27001-strategy-alignment',
    items: ['a', 'b'],
    rule: 'dated',
    severity: MINOR,
    whatToRecord: 'a security objective linked to a business objective',
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: {},
    involvement: false,
    reviewInterval: false,
  },
  'leadership-communication': {
    id: 'leadership-communication',
    name: 'Leadership communication',
    records: 'a message from the CEO to staff about security',
    defaultLabel: 'iso27001-leadership-communication',
    items: ['d'],
    rule: 'dated',
    severity: MINOR,
    whatToRecord: 'a message from the CEO to staff about security',
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: { 'top-management-took-part': 'required' },
    involvement: true,
    reviewInterval: false,
  },
  'management-targets': {
    id: 'management-targets',
    name: 'Department security targets',
    records: "security targets in a department's goals",
    defaultLabel: 'iso27001-department-targets',
    items: ['h'],
    rule: 'dated',
    severity: MINOR,
    whatToRecord: "security targets in a department's goals",
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: {},
    involvement: false,
    reviewInterval: false,
  },
  'executive-training': {
    id: 'executive-training',
    name: 'Executive training and drills',
    records: 'executives completing security training or an incident drill',
    defaultLabel: 'iso27001-executive-training',
    items: ['d', 'f'],
    rule: 'dated',
    severity: MINOR,
    whatToRecord: 'executives completing security training or an incident drill',
    partialFix: null,
    whyTopApproves: null,
    document: null,
    requirements: { 'top-management-took-part': 'required' },
    involvement: true,
    reviewInterval: false,
  },
  'management-review': {
    id: 'management-review',
    name: 'Management reviews',
    records: 'a management review of ISMS performance (minutes, KPIs, decisions)',
    defaultLabel: 'iso27001-management-review',
    items: ['e'],
    rule: 'dated',
    // No review at all is a major nonconformity; a stale one a minor.
    severity: { missing: 'major', stale: 'minor', partial: 'minor' },
    whatToRecord: 'a management review with its minutes, KPIs and decisions',
    partialFix: 'Hold the management review with top management, attach or link the minutes, and record the decisions.',
    whyTopApproves: null,
    document: 'the minutes',
    requirements: {
      'top-management-took-part': 'required',
      'document-attached': 'required',
      'decisions-recorded': 'advisory',
    },
    involvement: true,
    reviewInterval: true,
  },
};

/** The categories in the order the product shows them (spec section 2's). */
export const CATEGORIES: readonly CategoryDefinition[] = CATEGORY_IDS.map((id) => CATEGORY_DEFINITIONS[id]);

export function categoryDefinition(id: CategoryId): CategoryDefinition {
  // The edges may pass an id nobody checked: say so, rather than hand back nothing.
  if (!Object.hasOwn(CATEGORY_DEFINITIONS, id)) throw new Error(`Unknown category ${id}`);
  return CATEGORY_DEFINITIONS[id];
}

/**
 * Whether top management's approval of the category's evidence is the approval label, given by
 * whoever added it (spec 8.2's approval grantor), rather than a sign-off: the corrective rule's
 * evidence is that approval itself.
 */
export const approvedByLabel = (id: CategoryId): boolean => CATEGORY_DEFINITIONS[id].rule === 'corrective';

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

import type { CheckId } from './check-ids';
import type { RequirementModes } from './requirements';
import type { JiraUser, SubstanceFacts } from './substance-types';

/**
 * The engine's vocabulary. Field names of CoverageReport and IssueExplanation are the contract
 * of spec sections 6 and 7: fields may be added, never renamed.
 */

export const CATEGORY_IDS = [
  'workshop-outcome',
  'role-assignment',
  'corrective-action',
  'security-policy',
  'resources',
  'strategy-alignment',
  'leadership-communication',
  'management-targets',
  'executive-training',
  'management-review',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const ITEM_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export type RuleKind = 'dated' | 'role' | 'corrective';

/** A calendar day in UTC, `YYYY-MM-DD`. */
export type Day = string;

export interface Assignee {
  accountId: string;
  displayName: string;
  active: boolean;
}

/** What the engine needs to know of one Jira issue (see jira/transform.ts), with the facts of spec 8.2. */
export interface EvidenceIssue extends SubstanceFacts {
  /** Jira's issue id, when known: the changelog bulk fetch answers by id. */
  id?: string;
  key: string;
  summary: string;
  labels: string[];
  done: boolean;
  statusName?: string;
  created?: Day;
  updated?: Day;
  resolutionDate?: Day;
  statusCategoryChangeDate?: Day;
  dueDate?: Day;
  assignee: Assignee | null;
  /** Date custom fields, by field id (only those read for the effective date). */
  customDates: Record<string, Day>;
  /**
   * Whether a Jira security level restricts who sees the issue (its `security` field names one);
   * undefined when the read did not say, which "Create issue" treats as restricted (spec 10).
   */
  secured?: boolean;
}

export interface CategoryConfig {
  labels: string[];
  enabled: boolean;
  /** Why an admin disabled the category; required when `enabled` is false. */
  disabledReason?: string;
  windowDays: number;
  /** The mode of each of the category's requirements (spec 8.3); every one of them, once validated. */
  requirements: RequirementModes;
}

/** Who top management is (spec 8.1): Jira groups by group id, and people by account id. */
export interface TopManagementConfig {
  groups: string[];
  accountIds: string[];
}

/**
 * The settings. Each field has its entry in SETTINGS (core/settings.ts), which the compiler
 * demands: its default, its parser, its words and where the admin page shows it.
 */
export interface CoverageConfig {
  categories: Record<CategoryId, CategoryConfig>;
  approvalLabel: string;
  /** A date custom field read before Jira's own dates, e.g. an "Approved on" field. */
  effectiveDateField: string | null;
  /** Recommended interval between management reviews (quarterly). */
  reviewIntervalDays: number;
  /** A met category whose evidence lapses within this many days is flagged. */
  expiringSoonDays: number;
  topManagement: TopManagementConfig;
  /** A user-picker custom field naming who approved or signed off what the issue records. */
  approverField: string | null;
  /** A multi-user-picker custom field naming who took part. */
  attendeesField: string | null;
  /** The issue type "Create issue" makes, by name (spec 10); null: Task, else the project's first standard type. */
  fixIssueType: string | null;
  /**
   * Spec 11: for a project page (by its project key), the projects whose issues are its evidence,
   * at most 20. A page not listed grades its own project alone.
   */
  scopes: Record<string, string[]>;
}

export type CategoryStatus = 'met' | 'partial' | 'stale' | 'missing' | 'disabled';
export type Severity = 'major' | 'minor' | 'warning' | 'observation';
export type Verdict = 'ready' | 'warning' | 'minor-nc' | 'major-nc';

export interface EvidenceEntry {
  key: string;
  summary: string;
  done: boolean;
  effectiveDate?: Day;
  expiresOn?: Day;
  problems: string[];
  /** True when this issue satisfies every check of its category's rule. */
  counts: boolean;
  /** Who approved or signed off what it records, where the app could tell (spec 8.6). */
  approvers?: JiraUser[];
  /** Who took part, where the app could tell. */
  participants?: JiraUser[];
  /** The requirement checks it fails (spec 8.3), by id; advisory ones never stop it counting. */
  failedChecks?: Check[];
  /** Spec 15: it fails only checks that could not be made, so whether it counts cannot be told. */
  cannotTell?: boolean;
}

export interface CategoryResult {
  id: CategoryId;
  name: string;
  rule: RuleKind;
  items: ItemId[];
  labels: string[];
  status: CategoryStatus;
  score: number | null;
  evidence: EvidenceEntry[];
  /** When the category's newest current evidence stops counting. */
  expiresOn?: Day;
  /** Newest effective date among its done evidence, counting or not (up to as-of). */
  newestEffectiveDate?: Day;
  /** Newest effective date among its evidence that counts: what "newest evidence" means to an auditor. */
  newestCountingDate?: Day;
  /** Done evidence newer than `newestCountingDate` (or than nothing) that does not count: said beside it. */
  newerNotCounting?: { day: Day; issueKeys: string[] };
  /** Whether it shows management taking part (spec 8.5's involvement rule); enabled categories only. */
  showsInvolvement?: boolean;
  /**
   * Spec 15: the better status it would have if the checks that could not be made passed; set only
   * when it differs from `status`, which is then the lowest the category can be.
   */
  statusIfChecked?: Exclude<CategoryStatus, 'disabled'>;
  disabledReason?: string;
}

export interface ItemResult {
  id: ItemId;
  coverage: number | null;
}

/** What a finding is about, so what fixes it can be told apart from its words. */
export type FindingKind =
  'gap' | 'partial' | 'advisory' | 'review-interval' | 'expiring-soon' | 'involvement' | 'top-management-not-set';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  categoryId?: CategoryId | 'involvement';
  message: string;
  fix: string;
  issueKeys: string[];
  /** Spec 15: it holds only because checks could not be made, and its message says so. */
  unknown?: boolean;
}

export interface CoverageReport {
  projectKey: string;
  asOf: Day;
  coverage: number;
  verdict: Verdict;
  complete: boolean;
  categories: CategoryResult[];
  items: ItemResult[];
  findings: Finding[];
  /** Number of distinct issues that carry at least one evidence label. */
  evidenceIssueCount: number;
  /**
   * Spec 15: set when some issues fail only checks that could not be made (the viewer's access, an
   * export without history), so coverage and the verdict are a lower bound; null otherwise.
   */
  provisional: { unknownChecks: number; issueKeys: string[]; reason: string } | null;
}

/** One point of the coverage timeline (spec 9): the report the engine gives with as-of `day`. */
export interface TimelinePoint {
  day: Day;
  coverage: number;
  verdict: Verdict;
}

/**
 * A category's first status change in the 91 days after as-of if nothing new is recorded (spec 9):
 * a lapse (for the worse) or evidence coming into force (for the better).
 */
export interface UpcomingChange {
  day: Day;
  categoryId: CategoryId;
  /** Its status at as-of, so a reader sees the direction of the change. */
  statusBefore: Exclude<CategoryStatus, 'disabled'>;
  statusAfter: Exclude<CategoryStatus, 'disabled'>;
  /** The issues whose counting or problems change on that day. */
  issueKeys: string[];
}

/** History and forecast of a report (spec 9), from the same issues and config, nothing stored. */
export interface CoverageTimeline {
  /** Oldest first: as-of minus 364 days to as-of plus 91 days, every 7 days. */
  timeline: TimelinePoint[];
  /** Soonest first, then in category order. */
  upcoming: UpcomingChange[];
}

export interface Check {
  id: CheckId;
  pass: boolean;
  message: string;
  /** An advisory requirement's check: reported, but it never makes `counts` false. */
  advisory?: boolean;
  /** A top-management check not made because nobody is named as top management: it passes, saying so. */
  notChecked?: boolean;
  /**
   * Spec 15: a check that could not be made (neither passed nor failed). It still fails for counting,
   * since the app never passes what it could not see, but it is no fact about the evidence.
   */
  unknown?: boolean;
  /** With `unknown`, what was missing: who is in top management's groups, the issue's history, its remote links. */
  unknownBecause?: UnknownReason;
}

/** What a check could not see (spec 15), each with its own remedy. */
export type UnknownReason = 'membership' | 'history' | 'links';

export interface CategoryExplanation {
  id: CategoryId;
  name: string;
  counts: boolean;
  /** Spec 15: it fails only checks that could not be made: "Cannot tell", not "Does not count". */
  cannotTell?: boolean;
  /** It counts, and stops counting within the expiring-soon days: time to record its renewal. */
  lapsesSoon?: boolean;
  expiresOn?: Day;
  checks: Check[];
}

export interface IssueExplanation {
  issueKey: string;
  asOf: Day;
  categories: CategoryExplanation[];
  suggestedLabels: { categoryId: CategoryId; labels: string[] }[];
  nextStep: string;
}

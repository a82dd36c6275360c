/**
 * The one contract between the Custom UI screens (static/) and the resolvers (src/): every invoke
 * key with its payload and result. Both sides import it with `import type`, so a change here is
 * a compile error on whichever side falls behind.
 */
import type { FieldError } from '../core/config';
import type {
  CategoryId,
  CoverageConfig,
  CoverageReport,
  CoverageTimeline,
  Day,
  IssueExplanation,
  Severity,
  UpcomingChange,
} from '../core/types';

export const ERROR_CODES = [
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'JIRA_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface InvokeError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for INVALID_INPUT; the current state for CONFLICT. */
  details?: { fields?: FieldError[]; currentVersion?: number };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: InvokeError };

export interface Person {
  accountId: string;
  displayName?: string;
}

/**
 * Stored settings the app cannot read or migrate (damaged, or written by another version). It
 * grades with the defaults meanwhile; a save or reset replaces them.
 */
export interface StoredSettingsProblem {
  /** The version of the unusable record: a save or reset expects it, and writes the next. */
  version: number;
  /** Which setting is wrong, in words, values cut short. */
  message: string;
}

/** An issue by key with its summary, as the user may see it. */
export interface IssueRef {
  key: string;
  summary: string;
}

/** Where a "Create issue" action was offered (spec 10): the fix is built from it on the server. */
export const FIX_ORIGINS = ['finding', 'upcoming', 'panel'] as const;
export type FixOrigin = (typeof FIX_ORIGINS)[number];

/**
 * Which fixing issue to create: the server recomputes the finding, the upcoming lapse or the
 * panel's check for this category and builds the issue from that, never from the browser's text.
 */
export interface FixRequest {
  categoryId: CategoryId;
  origin: FixOrigin;
}

/** The issue "Create issue" would create, shown to the user before they confirm. */
export interface FixPlan {
  projectKey: string;
  projectName: string;
  issueType: { id: string; name: string };
  summary: string;
  label: string;
  dueDate: Day;
  /** The description's paragraphs, as plain text. */
  description: string[];
  /** The issues whose evidence the new issue renews or completes. */
  renews: string[];
}

/** What the action does: create the planned issue, or link to the open one that already exists. */
export type FixPreview = { kind: 'create'; plan: FixPlan } | { kind: 'existing'; issue: IssueRef };

export interface FixCreated {
  issue: IssueRef;
  /** False when an open issue already existed (a second tab or a double click): nothing was created. */
  created: boolean;
  /**
   * Jira created the issue but the app could not record that it did (its storage failed): the
   * issue exists, and a later "Create issue" may not know of it and offer to create another.
   */
  notRecorded?: true;
}

/** Whether the viewer may create fixing issues here, and the open issues that already are the fix. */
export interface FixAvailability {
  /** Jira lets the viewer create issues in the project (mypermissions, asked on the server). */
  canCreate: boolean;
  /** Why Jira could not be asked whether the viewer may create issues (then `canCreate` is false). */
  problem?: string;
  /** The newest open issue carrying one of the category's labels, by category. */
  open: Partial<Record<CategoryId, IssueRef>>;
}

/** A project of a page's scope (spec 11): `visible` false when the viewer cannot browse it. */
export interface ScopeProject {
  key: string;
  /** Jira's name for it; the key when the viewer cannot see the project. */
  name: string;
  visible: boolean;
}

/** A Jira project as a picker lists it. */
export interface JiraProject {
  key: string;
  name: string;
}

/**
 * Where a project report's issues came from (issue 13): `full`, every issue read from Jira;
 * `changes`, the user's own stored read with only what changed since read again; `stored`, the
 * stored read as it was, because Jira's quota was spent (see `reason`).
 */
export interface ReportRead {
  kind: 'full' | 'changes' | 'stored';
  /** ISO instant the issues are as of: when this read, or for `stored` the stored one, began. */
  at: string;
  /** ISO instant of the last read of every issue. */
  fullAt: string;
  /** For `changes`: issues read again because they changed (or came into view) since the stored read. */
  changed?: number;
  /** For `changes`: issues dropped because they left the evidence (label removed, deleted, restricted). */
  removed?: number;
  /** For `stored`: why Jira was not asked, with when to try again. */
  reason?: string;
}

/** The project report as a user sees it: only the issues they may browse count. */
export interface ProjectReport extends CoverageReport, CoverageTimeline {
  /**
   * The projects whose issues are the page's evidence (spec 11), the page's own first. Those the
   * viewer cannot browse are left out of the grading and listed with `visible: false`.
   */
  projects: ScopeProject[];
  /** "Create issue" on findings and upcoming lapses (spec 10). */
  fixes: FixAvailability;
  projectName: string;
  /** Says whose view of Jira the report was computed from. */
  scope: { accountId: string; note: string };
  /** Why `complete` is false: what could not be read. */
  incompleteReason?: string;
  /** What an auditor's check could not be made on (spec 8): the checks concerned say so too. */
  notChecked?: string[];
  /** ISO instant the report was computed. */
  generatedAt: string;
  /** When and how its issues were read from Jira. */
  read: ReportRead;
  /** Set when the report is graded with the defaults because the stored settings cannot be used. */
  settingsNotice?: string;
}

export interface IssueReport extends IssueExplanation {
  summary: string;
  projectKey: string;
  /** What an auditor's check could not be made on, e.g. a permission the viewer lacks. */
  notChecked?: string[];
  /** As ProjectReport.settingsNotice. */
  settingsNotice?: string;
  /**
   * Set when one of the issue's categories needs a new issue (its evidence lapses within the
   * expiring-soon days or has lapsed): then the panel offers "Create issue" for it (spec 10).
   */
  fixes?: FixAvailability & { renewable: CategoryId[] };
}

/** The dashboard gadget's view (spec 11): one project's coverage at a glance. */
export type GadgetReport =
  | { state: 'not-configured' }
  /** The configured project does not exist, or the viewer may not browse it. */
  | { state: 'not-visible'; projectKey: string }
  | {
      state: 'ready';
      projectKey: string;
      projectName: string;
      coverage: number;
      verdict: CoverageReport['verdict'];
      complete: boolean;
      items: CoverageReport['items'];
      /** The soonest upcoming change for the worse in the next 91 days, with the category's name. */
      nextLapse?: UpcomingChange & { categoryName: string };
      asOf: Day;
      /** ISO instant the gadget's answer was computed. */
      generatedAt: string;
      /** Set when Jira could not be asked (its quota spent): the user's last read, from `at`, is shown. */
      stored?: { at: string; reason: string };
      /** Spec 15: why coverage and verdict are a lower bound for this viewer, when they are. */
      provisional?: string;
      /** The worst finding, the one line on why the verdict is what it is; none when ready with no finding. */
      worstFinding?: { severity: Severity; message: string; unknown?: boolean };
    };

export interface ConfigState {
  config: CoverageConfig;
  /** 0 while the defaults have never been saved; each save or reset adds one. */
  version: number;
  updatedBy?: Person;
  updatedAt?: string;
  /** Whether the caller may save: Jira administrators only, checked on the server. */
  canEdit: boolean;
  /** Set while the stored settings cannot be used; `config` is then the defaults. */
  storedProblem?: StoredSettingsProblem;
  /**
   * For admins, when the config names any group, person or field: their names in Jira, so the
   * admin page can show them (spec 8.8).
   */
  names?: ConfiguredNames;
}

/**
 * What Jira calls the groups, people and fields the config names, by id: the name, or null when
 * Jira no longer has it. An id left out could not be looked up; `problem` says why.
 */
export interface ConfiguredNames {
  groups: Record<string, string | null>;
  people: Record<string, string | null>;
  fields: Record<string, string | null>;
  /** The projects of the page scopes (spec 11), by key; null when Jira has no such project now. */
  projects?: Record<string, string | null>;
  problem?: string;
}

export interface ConfigChange {
  version: number;
  action: 'save' | 'reset';
  by: Person;
  at: string;
  /** Dotted paths of the settings that changed, with their old and new values (text cut short, long lists counted). */
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface DateField {
  id: string;
  name: string;
  type: 'date' | 'datetime';
}

/** A Jira group, for the top-management group picker. */
export interface JiraGroup {
  groupId: string;
  name: string;
}

/** A person Jira's user picker found (never an app account). */
export interface JiraPerson {
  accountId: string;
  displayName: string;
}

/** A user-picker custom field: `multi` for a multi-user picker. */
export interface UserField {
  id: string;
  name: string;
  multi: boolean;
}

export interface InvokeContract {
  /** `fullRead`: the user's Reload, which reads every issue from Jira instead of what changed. */
  'report/project': { payload: { fullRead?: boolean }; result: ProjectReport };
  'report/issue': { payload: Record<string, never>; result: IssueReport };
  'config/get': { payload: Record<string, never>; result: ConfigState };
  'config/save': { payload: { config: CoverageConfig; expectedVersion: number }; result: ConfigState };
  'config/reset': { payload: { expectedVersion: number }; result: ConfigState };
  'config/history': { payload: Record<string, never>; result: { changes: ConfigChange[] } };
  'jira/labels': { payload: { query?: string }; result: { labels: string[] } };
  /** Jira's date fields, for the admin page's effective-date picker. */
  'jira/date-fields': { payload: Record<string, never>; result: { fields: DateField[] } };
  /** Jira's groups whose name contains the query, for the top-management group picker. */
  'jira/groups': { payload: { query?: string }; result: { groups: JiraGroup[] } };
  /** People Jira's user picker finds for the query (no app accounts); none for an empty query. */
  'jira/users': { payload: { query?: string }; result: { users: JiraPerson[] } };
  /** Jira's user-picker custom fields, for the approver and attendees fields. */
  'jira/user-fields': { payload: Record<string, never>; result: { fields: UserField[] } };
  /** What "Create issue" would create for a finding, an upcoming lapse or the panel's check (spec 10). */
  'issue/fix-preview': { payload: FixRequest; result: FixPreview };
  /** Creates it as the user, or returns the open issue that already is the fix. */
  'issue/create-fix': { payload: FixRequest; result: FixCreated };
  /**
   * The names of the site's standard issue types (not sub-tasks), for the admin's choice of the
   * type "Create issue" makes (spec 10). A project without the chosen type does not fall back to
   * another: "Create issue" there is refused (INVALID_INPUT on `issuetype`) until an admin chooses
   * a type it has. Only with no type chosen is it Task, else the project's first standard type.
   */
  'jira/issue-types': { payload: Record<string, never>; result: { types: string[] } };
  /** Projects the caller may browse whose key or name contains the query, for the scope and gadget pickers. */
  'jira/projects': { payload: { query?: string }; result: { projects: JiraProject[] } };
  /**
   * The gadget's view of the project in its configuration (`extension.gadgetConfiguration.projectKey`
   * in the Forge context): the key comes from the browser and is confirmed as the user.
   */
  'report/gadget': { payload: Record<string, never>; result: GadgetReport };
}

export type InvokeKey = keyof InvokeContract;
export type PayloadOf<K extends InvokeKey> = InvokeContract[K]['payload'];
export type ResultOf<K extends InvokeKey> = Result<InvokeContract[K]['result']>;

/**
 * Every key, once: an object literal over InvokeKey, so a key added to the contract and left out
 * here (or one here the contract lacks) does not compile.
 */
const EVERY_KEY: Record<InvokeKey, true> = {
  'report/project': true,
  'report/issue': true,
  'config/get': true,
  'config/save': true,
  'config/reset': true,
  'config/history': true,
  'jira/labels': true,
  'jira/date-fields': true,
  'jira/groups': true,
  'jira/users': true,
  'jira/user-fields': true,
  'issue/fix-preview': true,
  'issue/create-fix': true,
  'jira/issue-types': true,
  'jira/projects': true,
  'report/gadget': true,
};

export const INVOKE_KEYS: readonly InvokeKey[] = Object.keys(EVERY_KEY) as InvokeKey[];

import { executivesReport, type Executive, type ExecutivesInput } from '../../src/core/executives';
import type { ChangeEntry, JiraUser } from '../../src/core/substance-types';
import type { CategoryConfig, CategoryId, CoverageConfig, EvidenceIssue } from '../../src/core/types';
import { aConfig, anIssue, label } from '../support/builders';

const AS_OF = '2026-11-28';
const DONE_ID = '10001';

const person = (accountId: string, displayName: string): JiraUser => ({ accountId, displayName, isApp: false });
const EV = person('acc-ev', 'Eleanor Voss');
const DO = person('acc-do', 'Daniel Okafor');
const MH = person('acc-mh', 'Morgan Hale');
const CISO = person('acc-ciso', 'Priya Natarajan');
const AUTOMATION: JiraUser = { accountId: 'acc-bot', displayName: 'Automation for Jira', isApp: true };
const exec = ({ accountId, displayName }: JiraUser): Executive => ({ accountId, displayName });
const assignee = (u: JiraUser) => ({ accountId: u.accountId, displayName: u.displayName, active: true });

const toDone = (author: JiraUser, at = '2026-06-01T10:00:00.000Z'): ChangeEntry => ({
  author,
  at,
  items: [{ field: 'status', fieldId: 'status', from: '3', to: DONE_ID, fromText: 'In Progress', toText: 'Done' }],
});
const approvalAdded = (author: JiraUser, at = '2026-06-01T10:00:00.000Z'): ChangeEntry => ({
  author,
  at,
  items: [
    {
      field: 'labels',
      fieldId: 'labels',
      fromText: 'iso27001-corrective-action',
      toText: 'iso27001-corrective-action board-approved',
    },
  ],
});

/** A done issue of the category, resolved on `resolved`, with nobody recorded unless the test says. */
const of = (id: CategoryId, resolved: string, more: Partial<EvidenceIssue> = {}): EvidenceIssue =>
  anIssue({ labels: [label(id)], resolved, statusId: DONE_ID, changelog: [], ...more });
const attended = (id: CategoryId, resolved: string, who: JiraUser[], more: Partial<EvidenceIssue> = {}) =>
  of(id, resolved, { attendeeFieldUsers: who, ...more });
const action = (
  dated: string,
  grantor: JiraUser,
  more: Partial<EvidenceIssue> & { resolved?: string } = {},
): EvidenceIssue =>
  anIssue({
    labels: [label('corrective-action'), 'board-approved'],
    resolved: dated,
    changelog: [approvalAdded(grantor)],
    ...more,
  });

/** Top management named in person (the edges resolved them), with some categories changed. */
function config(
  changes: Partial<Record<CategoryId, Partial<CategoryConfig>>> = {},
  executives: JiraUser[] = [EV, DO],
): CoverageConfig {
  return aConfig(changes, { topManagement: { groups: [], accountIds: executives.map((e) => e.accountId) } });
}
const run = (
  issues: EvidenceIssue[],
  executives: JiraUser[] = [EV, DO],
  cfg: CoverageConfig = config({}, executives),
  input: Partial<ExecutivesInput> = {},
) => executivesReport(issues, cfg, AS_OF, { executives: executives.map(exec), ...input });
const figuresOf = (issues: EvidenceIssue[], who: JiraUser, executives: JiraUser[] = [EV, DO], cfg?: CoverageConfig) =>
  run(issues, executives, cfg).executives.find((e) => e.accountId === who.accountId);

describe('executives: reviews held and attended (spec 13.2)', () => {
  test.each<[string, Partial<EvidenceIssue> & { resolved?: string }, number]>([
    ['a review done on as-of is held', { resolved: AS_OF }, 1],
    ['365 days old is held', { resolved: '2025-11-28' }, 1],
    ['366 days old is not held: an old review', { resolved: '2025-11-27' }, 0],
    ['an open review is not held', { resolved: undefined, done: false }, 0],
    ['dated after as-of is not held', { resolved: '2026-11-29' }, 0],
    ['created after as-of did not exist yet', { resolved: AS_OF, created: '2026-11-29' }, 0],
  ])('%s', (_name, more, held) => {
    const review = anIssue({ labels: [label('management-review')], attendeeFieldUsers: [EV], ...more });
    expect(figuresOf([review], EV)?.reviews).toStrictEqual({ attended: held, held });
    expect(figuresOf([review], DO)?.reviews).toStrictEqual({ attended: 0, held });
  });

  test("the category's own window: 100 days old is not held in a 92-day window", () => {
    const review = attended('management-review', '2026-08-20', [EV]);
    const cfg = config({ 'management-review': { windowDays: 92 } });
    expect(figuresOf([review], EV, [EV, DO], cfg)?.reviews).toStrictEqual({ attended: 0, held: 0 });
  });

  test.each<[string, Partial<EvidenceIssue>, boolean, boolean]>([
    [
      'the attendees field names who took part, not the assignee',
      { attendeeFieldUsers: [EV], assignee: assignee(DO) },
      true,
      false,
    ],
    [
      'an empty attendees field: the assignee and the approver',
      { attendeeFieldUsers: [], assignee: assignee(DO), changelog: [toDone(EV)] },
      true,
      true,
    ],
    [
      'an attendees field of app accounts only: the assignee and the approver',
      { attendeeFieldUsers: [AUTOMATION], assignee: assignee(EV) },
      true,
      false,
    ],
    [
      'no attendees field: the assignee, and no approver without history',
      { assignee: assignee(DO), changelog: undefined },
      false,
      true,
    ],
    ['nobody recorded: nobody attended', {}, false, false],
  ])('participants (spec 8.2): %s', (_name, more, evAttended, doAttended) => {
    const review = of('management-review', '2026-10-01', more);
    expect(figuresOf([review], EV)?.reviews?.attended).toBe(evAttended ? 1 : 0);
    expect(figuresOf([review], DO)?.reviews?.attended).toBe(doAttended ? 1 : 0);
  });
});

describe('executives: training (spec 13.2)', () => {
  const training = (resolved: string, more: Partial<EvidenceIssue> = {}) =>
    attended('executive-training', resolved, [EV], more);

  test.each<
    [
      string,
      (Partial<EvidenceIssue> & { resolved: string })[],
      { day: string; current: boolean; onTime: boolean | null } | null,
    ]
  >([
    [
      'current and done before its due date: on time',
      [{ resolved: '2026-05-01', dueDate: '2026-05-31' }],
      { day: '2026-05-01', current: true, onTime: true },
    ],
    [
      'done on its due date is on time',
      [{ resolved: '2026-05-31', dueDate: '2026-05-31' }],
      { day: '2026-05-31', current: true, onTime: true },
    ],
    [
      'done after its due date is late',
      [{ resolved: '2026-06-01', dueDate: '2026-05-31' }],
      { day: '2026-06-01', current: true, onTime: false },
    ],
    [
      'no due date: on time is not known',
      [{ resolved: '2026-06-01' }],
      { day: '2026-06-01', current: true, onTime: null },
    ],
    [
      'any age: two years old, not current',
      [{ resolved: '2024-11-01' }],
      { day: '2024-11-01', current: false, onTime: null },
    ],
    ['365 days old is still current', [{ resolved: '2025-11-28' }], { day: '2025-11-28', current: true, onTime: null }],
    [
      'the newest wins over an older one',
      [{ resolved: '2024-11-01' }, { resolved: '2026-02-01' }],
      { day: '2026-02-01', current: true, onTime: null },
    ],
    ['an open training is not training yet', [{ resolved: '2026-02-01', done: false }], null],
    [
      'dated after as-of is not training yet: the older one stands',
      [{ resolved: '2024-11-01' }, { resolved: '2026-12-01' }],
      { day: '2024-11-01', current: false, onTime: null },
    ],
    ['none at all', [], null],
  ])('%s', (_name, issues, expected) => {
    const made = issues.map(({ resolved, ...more }) => training(resolved, more));
    const figure = figuresOf(made, EV)?.training;
    if (expected === null) expect(figure).toBeNull();
    else expect(figure).toStrictEqual({ key: made.find((i) => i.resolutionDate === expected.day)?.key, ...expected });
  });

  test('a training the executive did not take part in is not theirs', () => {
    expect(figuresOf([training('2026-05-01')], DO)?.training).toBeNull();
  });

  test('current uses the training window: 200 days old in a 180-day window', () => {
    const cfg = config({ 'executive-training': { windowDays: 180 } });
    expect(figuresOf([training('2026-05-12')], EV, [EV, DO], cfg)?.training?.current).toBe(false);
  });
});

describe('executives: approvals, workshops, communications (spec 13.2)', () => {
  test('a current security policy and budget signed off by the executive, in key order, each once', () => {
    const policy = of('security-policy', '2026-06-01', { changelog: [toDone(EV)] });
    const budget = of('resources', '2026-07-01', { approverFieldUsers: [EV] });
    const both = anIssue({
      labels: [label('security-policy'), label('resources')],
      resolved: '2026-07-01',
      approverFieldUsers: [EV],
    });
    expect(figuresOf([both, budget, policy], EV)?.approvals).toStrictEqual([policy.key, budget.key, both.key]);
    expect(figuresOf([both, budget, policy], DO)?.approvals).toStrictEqual([]);
  });

  test.each<[string, EvidenceIssue, boolean]>([
    ['an old policy is no current approval', of('security-policy', '2025-11-27', { changelog: [toDone(EV)] }), false],
    [
      'a policy an app moved to Done is nobody’s approval',
      of('security-policy', '2026-06-01', { changelog: [toDone(AUTOMATION)] }),
      false,
    ],
    [
      'the app moved it after the executive: the executive signed',
      of('security-policy', '2026-06-01', {
        changelog: [toDone(EV, '2026-06-01T09:00:00.000Z'), toDone(AUTOMATION, '2026-06-02T09:00:00.000Z')],
      }),
      true,
    ],
    ['a corrective action approved by the executive inside the window', action('2026-03-01', EV), true],
    ['approved by the executive, dated outside the window', action('2025-10-01', EV), false],
    [
      'an open action is dated by its creation: inside',
      action('2026-03-01', EV, { done: false, resolved: undefined, created: '2026-03-01' }),
      true,
    ],
    [
      'an open action created outside the window',
      action('2025-03-01', EV, { done: false, resolved: undefined, created: '2025-03-01' }),
      false,
    ],
    [
      'approved and overdue: still the executive’s approval',
      action('2026-03-01', EV, { done: false, resolved: undefined, created: '2026-03-01', dueDate: '2026-04-01' }),
      true,
    ],
    ['the label added by someone else', action('2026-03-01', CISO), false],
    ['the label added by an app account', action('2026-03-01', AUTOMATION), false],
    [
      'without the approval label, whoever resolved it',
      anIssue({ labels: [label('corrective-action')], resolved: '2026-03-01', approverFieldUsers: [EV] }),
      false,
    ],
    [
      'the label there from creation: the reporter granted it',
      action('2026-03-01', EV, { changelog: [], reporter: EV }),
      true,
    ],
  ])('%s', (_name, issue, approved) => {
    expect(figuresOf([issue], EV)?.approvals).toStrictEqual(approved ? [issue.key] : []);
  });

  test('approved means spec 8.4: an action failing a required requirement is no approval', () => {
    const changed: ChangeEntry = {
      author: CISO,
      at: '2026-07-01T10:00:00.000Z',
      items: [{ field: 'Attachment', fieldId: 'attachment', from: null, to: '20001', toText: 'plan-v2.pdf' }],
    };
    const issue = action('2026-08-01', EV, { changelog: [approvalAdded(EV), changed] });
    const requirements = { ...config().categories['corrective-action'].requirements };
    const strict = config({
      'corrective-action': { requirements: { ...requirements, 'approval-covers-current-version': 'required' } },
    });
    expect(figuresOf([issue], EV)?.approvals).toStrictEqual([issue.key]);
    expect(figuresOf([issue], EV, [EV, DO], strict)?.approvals).toStrictEqual([]);
  });

  test('current workshops and communications where the executive took part', () => {
    const workshop = attended('workshop-outcome', '2026-09-01', [EV, DO]);
    const oldWorkshop = attended('workshop-outcome', '2025-01-01', [EV]);
    const message = of('leadership-communication', '2026-10-01', { assignee: assignee(EV) });
    const ev = figuresOf([workshop, oldWorkshop, message], EV);
    const dO = figuresOf([workshop, oldWorkshop, message], DO);
    expect([ev?.workshops, ev?.communications]).toStrictEqual([[workshop.key], [message.key]]);
    expect([dO?.workshops, dO?.communications]).toStrictEqual([[workshop.key], []]);
  });
});

describe('executives: a disabled category gives null (spec 13.2, 13.3)', () => {
  const disabled = { enabled: false, disabledReason: 'not used' };
  const issues = () => [
    attended('management-review', '2026-10-01', [EV]),
    attended('executive-training', '2026-10-01', [EV]),
    attended('workshop-outcome', '2026-10-01', [EV]),
    attended('leadership-communication', '2026-10-01', [EV]),
    of('security-policy', '2026-10-01', { approverFieldUsers: [EV] }),
  ];

  test.each<[string, CategoryId[], Partial<Record<string, unknown>>]>([
    ['management review', ['management-review'], { reviews: null }],
    ['executive training', ['executive-training'], { training: null }],
    ['workshops', ['workshop-outcome'], { workshops: null }],
    ['communications', ['leadership-communication'], { communications: null }],
    ['all three approval categories', ['security-policy', 'resources', 'corrective-action'], { approvals: null }],
    ['one approval category: the others still count', ['resources'], { approvals: [expect.any(String)] }],
    [
      'the security policy and budget: corrective actions still count',
      ['security-policy', 'resources'],
      { approvals: [] },
    ],
  ])('%s', (_name, ids, fields) => {
    const cfg = config(Object.fromEntries(ids.map((id) => [id, disabled])));
    const r = run(issues(), [EV], cfg);
    expect(r.executives[0]).toMatchObject(fields);
  });

  test('disabled reviews and training: both KPIs null, no observations', () => {
    const cfg = config({ 'management-review': disabled, 'executive-training': disabled });
    const r = run([], [EV, DO], cfg);
    expect(r.kpis).toStrictEqual({ reviewAttendance: null, executivesTrained: null });
    expect(r.findings).toStrictEqual([]);
  });
});

describe('executives: KPIs (spec 13.3)', () => {
  const reviews = (attendance: JiraUser[][]) =>
    attendance.map((who) => attended('management-review', '2026-10-01', who));

  test.each<[string, JiraUser[], JiraUser[][], number | null]>([
    [
      'everyone at every review',
      [EV, DO],
      [
        [EV, DO],
        [EV, DO],
      ],
      100,
    ],
    ['2 of 3 rounds half up to 66.7', [EV], [[EV], [EV], []], 66.7],
    ['1 of 3 is 33.3', [EV], [[EV], [], []], 33.3],
    ['a tie rounds up: 1 of 16 is 6.3', [EV, DO], [[EV], [], [], [], [], [], [], []], 6.3],
    ['9 of 12 is 75', [EV, DO, MH], [[EV, DO, MH], [EV, DO, MH], [DO, MH], [MH]], 75],
    ['no review held: null', [EV, DO], [], null],
  ])('review attendance: %s', (_name, executives, attendance, expected) => {
    expect(run(reviews(attendance), executives).kpis.reviewAttendance).toBe(expected);
  });

  test('executives trained: current training, of all', () => {
    const issues = [
      attended('executive-training', '2026-10-01', [EV]),
      attended('executive-training', '2024-10-01', [DO]),
    ];
    expect(run(issues, [EV, DO, MH]).kpis.executivesTrained).toStrictEqual({ current: 1, of: 3 });
  });

  test('top management named but no executive found: {0, 0}, no attendance, and the edges’ note', () => {
    const note = 'The members of the group board could not be read: you lack permission to browse groups.';
    const r = run([attended('management-review', '2026-10-01', [EV])], [], config(), { note });
    expect(r).toStrictEqual({
      executives: [],
      kpis: { reviewAttendance: null, executivesTrained: { current: 0, of: 0 } },
      findings: [],
      executivesNote: note,
    });
  });

  test('top management not named: no executives, no observations, whatever the edges sent', () => {
    const cfg = aConfig();
    const r = run([attended('management-review', '2026-10-01', [EV])], [EV], cfg, { note: 'ignored' });
    expect(r).toStrictEqual({
      executives: [],
      kpis: { reviewAttendance: null, executivesTrained: { current: 0, of: 0 } },
      findings: [],
    });
  });
});

describe('executives: several of them (spec 13.1)', () => {
  test('overlapping issues: each executive gets the issue they took part in', () => {
    const review = attended('management-review', '2026-10-01', [EV, DO]);
    const second = attended('management-review', '2026-07-01', [DO]);
    const r = run([review, second], [EV, DO, MH]);
    expect(r.executives.map((e) => [e.displayName, e.reviews])).toStrictEqual([
      ['Daniel Okafor', { attended: 2, held: 2 }],
      ['Eleanor Voss', { attended: 1, held: 2 }],
      ['Morgan Hale', { attended: 0, held: 2 }],
    ]);
  });

  test('the same executive twice is listed once', () => {
    expect(run([], [EV, DO, EV]).executives.map((e) => e.accountId)).toStrictEqual([DO.accountId, EV.accountId]);
  });

  test('more than 50: the first 50 by name, a note, KPIs and observations over all of them', () => {
    const many = Array.from({ length: 53 }, (_, i) => person(`acc-${i}`, `Executive ${String(i).padStart(2, '0')}`));
    const everyone = [...many, person('acc-emile', 'Émile Zola'), person('acc-adam', 'adam Smith')];
    const r = run(
      [attended('executive-training', '2026-10-01', [everyone[54] as JiraUser])],
      everyone,
      config({}, everyone),
      {
        note: 'The members of one group could not be read.',
      },
    );
    expect(r.executives).toHaveLength(50);
    expect(r.executives.slice(0, 3).map((e) => e.displayName)).toStrictEqual([
      'adam Smith',
      'Émile Zola',
      'Executive 00',
    ]);
    expect(r.executives[49]?.displayName).toBe('Executive 47');
    expect(r.executivesNote).toBe(
      'The members of one group could not be read. 5 more executives are not listed: the report lists the first 50 by name.',
    );
    expect(r.kpis.executivesTrained).toStrictEqual({ current: 1, of: 55 });
    expect(r.findings[0]?.message).toMatch(/^54 of 55 executives have no current security training: /);
  });

  test('one more than 50: a singular note', () => {
    const many = Array.from({ length: 51 }, (_, i) => person(`acc-${i}`, `Executive ${String(i).padStart(2, '0')}`));
    expect(run([], many, config({}, many)).executivesNote).toBe(
      '1 more executive is not listed: the report lists the first 50 by name.',
    );
  });

  test('an app account among the executives never acts: app attendees and app moves are nobody', () => {
    const bot = { ...AUTOMATION };
    const review = of('management-review', '2026-10-01', { attendeeFieldUsers: [AUTOMATION, EV] });
    const policy = of('security-policy', '2026-10-01', { changelog: [toDone(AUTOMATION)] });
    const r = run([review, policy], [EV, bot]);
    expect(r.executives.find((e) => e.accountId === bot.accountId)).toMatchObject({
      reviews: { attended: 0, held: 1 },
      approvals: [],
    });
  });
});

describe('executives: observations (spec 13.4)', () => {
  test('executives without current training, named, with the keys of their newest training', () => {
    const old = attended('executive-training', '2024-05-01', [EV]);
    const current = attended('executive-training', '2026-05-01', [MH, CISO]);
    const executives = [EV, DO, MH, person('acc-a', 'Amara Diallo'), person('acc-b', 'Bo Lindqvist')];
    const r = run([old, current, attended('executive-training', '2026-05-02', executives.slice(3))], executives);
    expect(r.findings).toStrictEqual([
      {
        kind: 'advisory',
        severity: 'observation',
        categoryId: 'executive-training',
        message: '2 of 5 executives have no current security training: Daniel Okafor and Eleanor Voss.',
        fix: "Record each executive's completed security training.",
        issueKeys: [old.key],
      },
    ]);
  });

  test.each<[string, JiraUser[], string | null]>([
    ['one executive of one', [EV], '1 of 1 executive has no current security training: Eleanor Voss.'],
    ['one of two', [EV, MH], '1 of 2 executives has no current security training: Eleanor Voss.'],
    ['everyone trained: no observation', [MH], null],
  ])('training sentence: %s', (_name, executives, message) => {
    const r = run([attended('executive-training', '2026-05-01', [MH])], executives);
    expect(r.findings.map((f) => f.message)).toStrictEqual(message ? [message] : []);
  });

  test('attendance below 100%: one observation naming who missed reviews, most missed first', () => {
    const reviews = [
      attended('management-review', '2026-10-01', [EV, DO, MH]),
      attended('management-review', '2026-07-01', [EV, DO, MH]),
      attended('management-review', '2026-04-01', [DO, MH]),
      attended('management-review', '2026-01-05', [MH]),
    ];
    const training = attended('executive-training', '2026-05-01', [EV, DO, MH]);
    const r = run([...reviews, training], [EV, DO, MH]);
    expect(r.findings).toStrictEqual([
      {
        kind: 'advisory',
        severity: 'observation',
        categoryId: 'management-review',
        message: 'Management review attendance is 75%: Eleanor Voss attended 2 of 4 reviews, and Daniel Okafor 3 of 4.',
        fix: 'Invite every executive to the management review, or record their attendance in the attendees field.',
        issueKeys: [reviews[2]?.key, reviews[3]?.key],
      },
    ]);
  });

  test.each<[string, JiraUser[][], JiraUser[], string | null]>([
    [
      'one who missed one review',
      [[EV], []],
      [EV],
      'Management review attendance is 50%: Eleanor Voss attended 1 of 2 reviews.',
    ],
    [
      'of a single review',
      [[DO]],
      [EV, DO],
      'Management review attendance is 50%: Eleanor Voss attended 0 of 1 review.',
    ],
    [
      'three who missed, equal counts by name',
      [[MH], [EV, DO, MH]],
      [EV, DO, MH],
      'Management review attendance is 66.7%: Daniel Okafor attended 1 of 2 reviews, and Eleanor Voss 1 of 2.',
    ],
    [
      'three listed',
      [[MH], [DO]],
      [EV, DO, MH],
      'Management review attendance is 33.3%: Eleanor Voss attended 0 of 2 reviews, Daniel Okafor 1 of 2, and Morgan Hale 1 of 2.',
    ],
    ['full attendance: no observation', [[EV, DO]], [EV, DO], null],
    ['no review held: no observation', [], [EV, DO], null],
  ])('attendance sentence: %s', (_name, attendance, executives, message) => {
    const issues = attendance.map((who) => attended('management-review', '2026-10-01', who));
    const cfg = config({ 'executive-training': { enabled: false, disabledReason: 'not here' } }, executives);
    expect(run(issues, executives, cfg).findings.map((f) => f.message)).toStrictEqual(message ? [message] : []);
  });
});

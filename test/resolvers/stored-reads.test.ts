/**
 * Issue 13: a view reads only what changed since the user's last read, and still shows exactly
 * what a full read would: issues that leave the evidence leave the report, users never share a
 * read, damaged stored reads are read afresh, and a spent quota still serves the stored read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { BOARD_ONLY } from '../../dev/demo/demo-site';
import { demoSettings } from '../../dev/demo/demo-settings';
import type { GadgetReport } from '../../src/contract/invoke';
import { MAX_CHUNKS } from '../../src/storage/evidence-store';
import { SWEEP_INTERVAL_MS } from '../../src/app/evidence-read';
import { demoSite, USERS } from '../support/app-harness';
import { plant } from './support/stored-settings';
import { evidenceKeys, graded, READ_PREFIX, startClockedApp, type ClockedApp } from './support/clocked-app';

const SEARCH = '/rest/api/3/search/jql';
const HOUR_MINUTES = SWEEP_INTERVAL_MS / 60_000;
let app: ClockedApp;

beforeEach(async () => {
  app = await startClockedApp(demoSite());
});
afterEach(() => app.stop());

/** Saves the settings as an admin would, with `changes` over the current ones. */
async function saveSettings(changes: Record<string, unknown>): Promise<void> {
  const current = (await app.call(USERS.admin, 'config/get', {}, { type: 'jira:adminPage' })) as {
    data: { config: Record<string, unknown>; version: number };
  };
  const saved = (await app.call(
    USERS.admin,
    'config/save',
    { config: { ...current.data.config, ...changes }, expectedVersion: current.data.version },
    { type: 'jira:adminPage' },
  )) as { ok: boolean; error?: unknown };
  if (!saved.ok) throw new Error(`config/save failed: ${JSON.stringify(saved.error)}`);
}

const readKeys = () => app.kvs.keys('kvs').filter((k) => k.startsWith(READ_PREFIX));
const headKey = (accountId: string, page = 'ISMS') => `${READ_PREFIX}${page}:${accountId}`;

describe('a repeat view reads only what changed', () => {
  test('the first view reads in full; the next asks Jira for changes alone, and grades the same', async () => {
    const first = await app.view(USERS.lead);
    expect(first.read).toMatchObject({ kind: 'full', at: new Date(app.nowMs()).toISOString() });
    app.advance(5);
    app.forge.jira.stats.reset();
    const second = await app.view(USERS.lead);
    expect(second.read).toMatchObject({ kind: 'changes', changed: 0, removed: 0, fullAt: first.read.at });
    expect(graded(second)).toEqual(graded(first));
    // The project, one search for what changed; the permission is the stored one.
    expect(app.forge.jira.stats.total).toBeLessThanOrEqual(3);
    expect(app.forge.jira.stats.count(SEARCH)).toBe(1);
  });

  test('an edited issue is read again and graded on its new data', async () => {
    await app.view(USERS.lead);
    app.advance(30);
    app.edit('ISMS-1', { summary: 'Leadership workshop, minutes re-issued' });
    const after = await app.view(USERS.lead);
    expect(after.read).toMatchObject({ kind: 'changes', changed: 1 });
    const summaries = after.categories.flatMap((c) => c.evidence.map((e) => e.summary));
    expect(summaries).toContain('Leadership workshop, minutes re-issued');
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.lead)));
  });

  test('a new evidence issue appears at the next view', async () => {
    await app.view(USERS.lead);
    app.advance(2);
    const template = app.forge.jira.site().issues.find((i) => i.key === 'ISMS-1');
    if (!template) throw new Error('the demo has ISMS-1');
    const { histories: _histories, ...copy } = template;
    app.forge.jira.addIssue({
      ...copy,
      id: '99001',
      key: 'ISMS-901',
      fields: { ...template.fields, summary: 'Second workshop', created: app.jiraNow(), updated: app.jiraNow() },
    });
    const after = await app.view(USERS.lead);
    expect(evidenceKeys(after)).toContain('ISMS-901');
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.lead)));
  });

  test('a last read stamped ahead of now (the app clock was fast) is not trusted for a window: a full read', async () => {
    app.skewApp(60);
    await app.view(USERS.lead);
    app.skewApp(0);
    app.advance(5);
    app.edit('ISMS-1', { summary: 'Workshop minutes corrected after a fast clock' });
    app.advance(25);
    const after = await app.view(USERS.lead);
    expect(after.read.kind).toBe('full');
    const summaries = after.categories.flatMap((c) => c.evidence.map((e) => e.summary));
    expect(summaries).toContain('Workshop minutes corrected after a fast clock');
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.lead)));
  });

  test('Reload reads every issue again', async () => {
    await app.view(USERS.lead);
    app.advance(5);
    app.forge.jira.stats.reset();
    const reloaded = await app.view(USERS.lead, { fullRead: true });
    expect(reloaded.read).toMatchObject({ kind: 'full', at: new Date(app.nowMs()).toISOString() });
    expect(app.forge.jira.stats.count('/rest/api/3/mypermissions')).toBe(1);
  });

  test('changed settings start afresh', async () => {
    await app.view(USERS.lead);
    await saveSettings({ expiringSoonDays: 45 });
    app.advance(1);
    expect((await app.view(USERS.lead)).read.kind).toBe('full');
  });

  test('an issue moved between the projects of the page is the same issue under its new key, at once', async () => {
    await saveSettings({ scopes: { ISMS: ['ISMS', 'BOARD'] } });
    const before = await app.view(USERS.lead);
    expect(evidenceKeys(before)).toContain('ISMS-1');
    app.advance(4);
    const issue = app.forge.jira.site().issues.find((i) => i.key === 'ISMS-1');
    const board = app.forge.jira.site().issues.find((i) => i.key.startsWith('BOARD-'));
    if (!issue || !board) throw new Error('the demo has ISMS-1 and a BOARD project');
    app.forge.jira.removeIssue('ISMS-1');
    app.forge.jira.addIssue({
      ...issue,
      key: 'BOARD-901',
      fields: { ...issue.fields, project: board.fields.project, updated: app.jiraNow() },
    });
    // No hour passes: the moved issue is known by its id.
    const after = await app.view(USERS.lead);
    expect(after.read).toMatchObject({ kind: 'changes', changed: 1 });
    expect(evidenceKeys(after)).toContain('BOARD-901');
    expect(evidenceKeys(after)).not.toContain('ISMS-1');
    expect(after.evidenceIssueCount).toBe(before.evidenceIssueCount);
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.lead)));
  });

  test('on a later day, the stored issues are graded as a full read would grade them that day', async () => {
    // The demo company's settings ask for documents and signatures, so the reads of spec 8 happen.
    await saveSettings(demoSettings() as unknown as Record<string, unknown>);
    await app.view(USERS.lead);
    // Under 30 days apart, so the read stays in use; 400 days on, much has lapsed and more is due.
    for (const days of [1, ...Array.from({ length: 16 }, () => 25)]) {
      app.advance(days * 24 * 60);
      const later = await app.view(USERS.lead);
      expect(later.read.kind).toBe('changes');
      expect({ days, report: graded(later) }).toEqual({ days, report: graded(await app.referenceView(USERS.lead)) });
    }
  });

  test('a read in use keeps its chunks alive: they are written again a week on, and the old ones go', async () => {
    await app.view(USERS.lead);
    const chunks = () => readKeys().filter((k) => k !== headKey(USERS.lead));
    const first = chunks();
    expect(first.length).toBeGreaterThan(0);
    app.advance(60);
    await app.view(USERS.lead);
    expect(chunks()).toEqual(first);
    app.advance(8 * 24 * 60);
    expect((await app.view(USERS.lead)).read.kind).toBe('changes');
    const second = chunks();
    expect(second).not.toEqual(first);
    expect(second.filter((k) => first.includes(k))).toEqual([]);
    // 33 days after the first chunks were written, the read is still in use.
    app.advance(25 * 24 * 60);
    expect((await app.view(USERS.lead)).read.kind).toBe('changes');
  });
});

describe('issues that leave the evidence leave the report', () => {
  async function leaves(change: () => void, key: string) {
    await app.view(USERS.lead);
    app.advance(3);
    change();
    // Reload shows it at once; a view does within the hour, with the listing of keys.
    expect(evidenceKeys(await app.view(USERS.lead, { fullRead: true }))).not.toContain(key);
    return key;
  }

  async function leavesWithinTheHour(change: () => void, key: string) {
    const before = await app.view(USERS.lead);
    expect(evidenceKeys(before)).toContain(key);
    app.advance(3);
    change();
    app.advance(HOUR_MINUTES);
    app.forge.jira.stats.reset();
    const after = await app.view(USERS.lead);
    expect(after.read).toMatchObject({ kind: 'changes' });
    expect(evidenceKeys(after)).not.toContain(key);
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.lead)));
    return after;
  }

  test('its label removed', async () => {
    const after = await leavesWithinTheHour(() => app.edit('ISMS-1', { labels: ['retro'] }), 'ISMS-1');
    expect(after.read.removed).toBe(1);
    await leaves(() => app.edit('ISMS-3', { labels: [] }), 'ISMS-3');
  });

  test('deleted', async () => {
    const after = await leavesWithinTheHour(() => app.forge.jira.removeIssue('ISMS-1'), 'ISMS-1');
    expect(after.read.removed).toBe(1);
    await leaves(() => app.forge.jira.removeIssue('ISMS-3'), 'ISMS-3');
  });

  test('now restricted from the user, with nothing else changed', async () => {
    const restrict = (key: string) => () => {
      const issue = app.forge.jira.site().issues.find((i) => i.key === key);
      // A security level set without `updated` moving: only the listing can tell.
      app.forge.jira.updateIssue(key, { security: BOARD_ONLY, updated: issue?.fields.updated ?? '' });
    };
    await app.view(USERS.manager);
    app.advance(3);
    restrict('ISMS-1')();
    app.advance(HOUR_MINUTES);
    const after = await app.view(USERS.manager);
    expect(evidenceKeys(after)).not.toContain('ISMS-1');
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.manager)));
  });

  test('moved to a project outside the page', async () => {
    await leavesWithinTheHour(() => {
      const issue = app.forge.jira.site().issues.find((i) => i.key === 'ISMS-1');
      if (!issue) throw new Error('the demo has ISMS-1');
      app.forge.jira.removeIssue('ISMS-1');
      const itops = app.forge.jira.site().issues.find((i) => i.key.startsWith('ITOPS-'));
      if (!itops) throw new Error('the demo has an ITOPS project');
      app.forge.jira.addIssue({
        ...issue,
        key: 'ITOPS-901',
        fields: { ...issue.fields, project: itops.fields.project, updated: app.jiraNow() },
      });
    }, 'ISMS-1');
  });

  test('an issue that comes into view without changing is read by key at the next listing', async () => {
    // ISMS-10 is the Board's: the manager cannot see it until the restriction goes.
    const before = await app.view(USERS.manager);
    expect(evidenceKeys(before)).not.toContain('ISMS-10');
    const issue = app.forge.jira.site().issues.find((i) => i.key === 'ISMS-10');
    app.forge.jira.updateIssue('ISMS-10', { security: null, updated: issue?.fields.updated ?? '' });
    app.advance(HOUR_MINUTES + 1);
    const after = await app.view(USERS.manager);
    expect(evidenceKeys(after)).toContain('ISMS-10');
    expect(graded(after)).toEqual(graded(await app.referenceView(USERS.manager)));
  });
});

describe('each user has their own read', () => {
  test('two users with different permissions on the same project never see each other’s issues', async () => {
    const lead = await app.view(USERS.lead);
    const manager = await app.view(USERS.manager);
    expect(evidenceKeys(lead)).toContain('ISMS-10');
    expect(evidenceKeys(manager)).not.toContain('ISMS-10');
    expect(readKeys().filter((k) => !/:\d+$/.test(k) && !/:[a-z0-9]+:\d+$/.test(k))).toEqual(
      [headKey(USERS.lead), headKey(USERS.manager)].sort(),
    );
    app.advance(5);
    // Their second views come from their own stored reads.
    const managerAgain = await app.view(USERS.manager);
    const leadAgain = await app.view(USERS.lead);
    expect(managerAgain.read.kind).toBe('changes');
    expect(evidenceKeys(managerAgain)).not.toContain('ISMS-10');
    expect(evidenceKeys(leadAgain)).toContain('ISMS-10');
    expect(graded(managerAgain)).toEqual(graded(manager));
    expect(graded(leadAgain)).toEqual(graded(lead));
  });

  test('no account id can address another user’s entries: one made of an id and a chunk’s suffix (issue 19)', async () => {
    const first = await app.view(USERS.lead);
    // Account ids hold ':' ("557058:f58131cb-..."): an id of the lead's id, the chunks' generation and an index
    // is, in a key joined with ':', the name of the lead's first chunk.
    const head = app.kvs.get('kvs', headKey(USERS.lead))?.value as { chunks: { generation: string } };
    const crafted = `${USERS.lead}:${head.chunks.generation}:0`;
    const site = app.forge.jira.site();
    app.forge.jira.replaceSite({
      ...site,
      users: [...site.users, { accountId: crafted, displayName: 'Crafted', active: true }],
      projects: site.projects.map((p) =>
        p.key === 'ISMS' && p.browsers !== '*' ? { ...p, browsers: [...p.browsers, crafted] } : p,
      ),
    });
    const before = readKeys().filter((k) => k.startsWith(headKey(USERS.lead)));
    await app.view(crafted);
    app.advance(1);
    // The lead's entries are as they were, and their next view still comes from them.
    for (const key of before) expect(app.kvs.get('kvs', key)).toBeDefined();
    const again = await app.view(USERS.lead);
    expect(again.read.kind).toBe('changes');
    expect(graded(again)).toEqual(graded(first));
    // And the crafted user got their own read, under their own keys.
    app.advance(1);
    expect((await app.view(crafted)).read.kind).toBe('changes');
  });

  test('a user who may no longer browse the project gets NOT_FOUND, and their stored read is deleted', async () => {
    await app.view(USERS.manager);
    expect(app.kvs.get('kvs', headKey(USERS.manager))).toBeDefined();
    const project = app.forge.jira.site().projects.find((p) => p.key === 'ISMS');
    if (!project) throw new Error('the demo has ISMS');
    app.forge.jira.updateProject('ISMS', { browsers: [USERS.lead, USERS.admin] });
    const result = (await app.call(USERS.manager, 'report/project')) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(app.kvs.get('kvs', headKey(USERS.manager))).toBeUndefined();
  });
});

describe('a damaged or oversized stored read is discarded and read again', () => {
  async function afterPlanting(mutate: (key: string, value: unknown) => unknown) {
    const first = await app.view(USERS.lead);
    for (const key of readKeys()) {
      const entry = app.kvs.get('kvs', key);
      const replaced = mutate(key, entry?.value);
      if (replaced !== undefined) plant(app.kvs, key, replaced as never);
    }
    app.advance(1);
    const again = await app.view(USERS.lead);
    expect(again.read.kind).toBe('full');
    expect(graded(again)).toEqual(graded(first));
    // Stored again, whole.
    app.advance(1);
    expect((await app.view(USERS.lead)).read.kind).toBe('changes');
  }

  test('a head that is not a stored read', async () => {
    await afterPlanting((key) => (key === headKey(USERS.lead) ? 'garbage' : undefined));
  });

  test('a chunk with an issue of the wrong shape', async () => {
    await afterPlanting((key, value) => {
      if (key === headKey(USERS.lead) || typeof value !== 'string') return undefined;
      // The chunk as the store writes it (deflated JSON in base64), with one issue's labels not a list.
      const issues = JSON.parse(inflateRawSync(Buffer.from(value, 'base64')).toString('utf8')) as object[];
      const damaged = issues.map((issue, i) => (i === 0 ? { ...issue, labels: 'not a list' } : issue));
      return deflateRawSync(JSON.stringify(damaged)).toString('base64');
    });
  });

  test.each([
    ['not base64 deflate', () => 'garbage'],
    ['cut short', (value: string) => value.slice(0, Math.floor(value.length / 2))],
    ['not a string', () => ['a', 'list']],
    ['deflated JSON that is not a list', () => deflateRawSync('{"issues":[]}').toString('base64')],
  ])('a chunk %s', async (_what, replace: (value: string) => unknown) => {
    await afterPlanting((key, value) =>
      key !== headKey(USERS.lead) && typeof value === 'string' ? replace(value) : undefined,
    );
  });

  test('a chunk that is missing', async () => {
    const first = await app.view(USERS.lead);
    for (const key of readKeys().filter((k) => k !== headKey(USERS.lead)))
      app.kvs.write([{ namespace: 'kvs', key, entry: undefined }]);
    app.advance(1);
    const again = await app.view(USERS.lead);
    expect(again.read.kind).toBe('full');
    expect(graded(again)).toEqual(graded(first));
  });

  test('a head claiming more chunks than are ever stored', async () => {
    await afterPlanting((key, value) =>
      key === headKey(USERS.lead)
        ? {
            ...(value as Record<string, unknown>),
            chunks: { ...((value as Record<string, unknown>).chunks as object), count: MAX_CHUNKS + 1 },
          }
        : undefined,
    );
  });

  test('an entry unused for 30 days has expired', async () => {
    await app.view(USERS.lead);
    app.advance(31 * 24 * 60);
    expect((await app.view(USERS.lead)).read.kind).toBe('full');
  });
});

describe('storage that fails never fails the report', () => {
  /** The store, with every read or write of a stored read failing as a KVS outage would. */
  function failing(kind: 'get' | 'write'): void {
    const real = app.kvs.target;
    const broken = (key: string) => key.startsWith(READ_PREFIX);
    app.kvs.target = {
      get: (namespace, key) => {
        if (kind === 'get' && broken(key)) throw new Error('KVS is unavailable');
        return real.get(namespace, key);
      },
      keys: (namespace) => real.keys(namespace),
      write: (writes) => {
        if (kind === 'write' && writes.some((w) => broken(w.key))) throw new Error('KVS is unavailable');
        real.write(writes);
      },
    };
  }

  test('a store that cannot be written: each view is a whole, correct full read', async () => {
    failing('write');
    const first = await app.view(USERS.lead);
    app.advance(1);
    const second = await app.view(USERS.lead);
    expect([first.read.kind, second.read.kind]).toEqual(['full', 'full']);
    expect(graded(second)).toEqual(graded(first));
    expect(readKeys()).toEqual([]);
  });

  test('a store that cannot be read: a full read', async () => {
    const first = await app.view(USERS.lead);
    failing('get');
    app.advance(1);
    const second = await app.view(USERS.lead);
    expect(second.read.kind).toBe('full');
    expect(graded(second)).toEqual(graded(first));
  });
});

describe('when Jira’s quota is spent', () => {
  test('a user with a stored read gets it, marked with its age and when to try again', async () => {
    const first = await app.view(USERS.lead);
    app.advance(25);
    app.forge.jira.faults.rateLimit(1000, 600);
    const stored = await app.view(USERS.lead);
    expect(stored.read).toMatchObject({ kind: 'stored', at: first.read.at });
    expect(stored.read.reason).toMatch(/rate limiting.*Try again in 10 minutes/);
    expect(graded(stored)).toEqual({ ...graded(first), fixes: stored.fixes });
  });

  test('the dashboard gadget shares the read, and says so', async () => {
    const first = await app.view(USERS.lead);
    app.advance(25);
    app.forge.jira.faults.rateLimit(1000, 600);
    const result = (await app.call(
      USERS.lead,
      'report/gadget',
      {},
      {
        type: 'jira:dashboardGadget',
        gadgetConfiguration: { projectKey: 'ISMS' },
      },
    )) as { ok: boolean; data: GadgetReport };
    expect(result.data).toMatchObject({
      state: 'ready',
      coverage: first.coverage,
      stored: { at: first.read.at, reason: expect.stringMatching(/Try again in 10 minutes/) as unknown },
    });
  });

  test('a scope project found hidden in this very view is dropped from the stored read, and named as not visible', async () => {
    await saveSettings({ scopes: { ISMS: ['ISMS', 'BOARD'] } });
    const first = await app.view(USERS.lead);
    expect(evidenceKeys(first).filter((k) => k.startsWith('BOARD-')).length).toBeGreaterThan(0);
    app.advance(5);
    // The lead loses BOARD part way through the next view: after the page's project is confirmed,
    // before the scope is. Then the search is refused.
    const board = app.forge.jira.site().projects.find((p) => p.key === 'BOARD');
    if (!board || board.browsers === '*') throw new Error('the demo has a restricted BOARD');
    const { faults } = app.forge.jira;
    faults.changeProject(
      'BOARD',
      { browsers: board.browsers.filter((a) => a !== USERS.lead) },
      { pathPrefix: '/rest/api/3/project/search' },
    );
    faults.rateLimit(1000, 600, { pathPrefix: SEARCH });
    const stored = await app.view(USERS.lead);
    expect(stored.read).toMatchObject({ kind: 'stored', at: first.read.at });
    expect(evidenceKeys(stored).filter((k) => k.startsWith('BOARD-'))).toEqual([]);
    expect(stored.projects).toEqual([
      { key: 'ISMS', name: 'Information Security Management', visible: true },
      { key: 'BOARD', name: 'BOARD', visible: false },
    ]);
    expect(stored.scope.note).toContain('BOARD');
    expect(evidenceKeys(stored)).toEqual(evidenceKeys(first).filter((k) => !k.startsWith('BOARD-')));
  });

  test('a scope project the stored read did not see, now visible: the stored read cannot stand for it', async () => {
    await saveSettings({ scopes: { ISMS: ['ISMS', 'BOARD'] } });
    // The manager cannot browse BOARD: their stored read has none of its issues.
    await app.view(USERS.manager);
    app.advance(5);
    const board = app.forge.jira.site().projects.find((p) => p.key === 'BOARD');
    if (!board || board.browsers === '*') throw new Error('the demo has a restricted BOARD');
    app.forge.jira.updateProject('BOARD', { browsers: [...board.browsers, USERS.manager] });
    app.forge.jira.faults.rateLimit(1000, 600, { pathPrefix: SEARCH });
    const result = (await app.call(USERS.manager, 'report/project')) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  test('unconfirmed (the project itself refused), a stored read is served only while under 24 hours old', async () => {
    const first = await app.view(USERS.lead);
    app.advance(24 * 60 - 1);
    app.forge.jira.faults.rateLimit(1000, 600);
    expect((await app.view(USERS.lead)).read).toMatchObject({ kind: 'stored', at: first.read.at });
    app.advance(1);
    const result = (await app.call(USERS.lead, 'report/project')) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(result.error?.message).toMatch(/Try again in 10 minutes/);
  });

  test('unconfirmed, a stored read stamped in the future (a clock that was fast) is not trusted', async () => {
    app.skewApp(60);
    await app.view(USERS.lead);
    app.skewApp(0);
    app.advance(5);
    app.forge.jira.faults.rateLimit(1000, 600);
    const result = (await app.call(USERS.lead, 'report/project')) as { ok: boolean; error?: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  test('a user without one gets RATE_LIMITED saying when to try again', async () => {
    await app.view(USERS.lead);
    app.forge.jira.faults.rateLimit(1000, 600);
    const result = (await app.call(USERS.manager, 'report/project')) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(result.error?.message).toMatch(/Try again in 10 minutes/);
  });
});

describe('the report/project payload', () => {
  test.each([[{ fullRead: 'yes' }], [{ fullRead: true, other: 1 }], [[]]])('%j is refused', async (payload) => {
    const result = (await app.call(USERS.lead, 'report/project', payload)) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

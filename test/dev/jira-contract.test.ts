/**
 * Contract tests: every simulator response must validate against the response schema of the matching
 * operation in Atlassian's OpenAPI document (shared/reference/jira-platform-rest-v3.openapi.json).
 * Error bodies are checked against ErrorCollection. Without the document the suite is skipped, loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { startJiraSimulator, type JiraSimulator } from '../../dev/simulator';
import { isPlainObject } from '../../dev/simulator/json';
import { IMPLEMENTED_OPERATIONS } from '../../dev/simulator/router';
import { siteIssue, siteProject } from '../../dev/simulator/site-builders';
import { fixtureSite, USERS } from './support/fixture-site';
import { at, call, qs, type SimCall } from './support/sim-client';
import { APPROVER, ATTENDEES, BOARD, PEOPLE, STAFF, substanceSite } from './support/substance-site';

/** Next to the repository, as in CI; JIRA_OPENAPI_SPEC overrides it (used to check the skip path). */
const SPEC_PATH =
  process.env['JIRA_OPENAPI_SPEC'] ??
  resolve(__dirname, '../../../shared/reference/jira-platform-rest-v3.openapi.json');
const SPEC_AVAILABLE = existsSync(SPEC_PATH);
if (!SPEC_AVAILABLE) {
  // Visible in the run output; CI always has the document, so a skip there means a broken checkout.
  console.warn(`Jira contract tests SKIPPED: OpenAPI document not found at ${SPEC_PATH}`);
}
const describeContract = SPEC_AVAILABLE ? describe : describe.skip;
const SUITE_TITLE = SPEC_AVAILABLE
  ? 'Jira simulator responses match the Atlassian OpenAPI document'
  : `Jira contract tests SKIPPED: OpenAPI document missing at ${SPEC_PATH}`;

const SPEC_ID = 'jira-platform-rest-v3';

/** JSON pointer fragment for a location in the spec, escaped for use inside a $ref URI. */
function pointer(...segments: string[]): string {
  return `${SPEC_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

/**
 * The one deviation from the document the contract allows: on real sites the bulk changelog fetch sends each
 * entry's `created` as epoch milliseconds (a number) where the document says a date-time string (see
 * ../shared/reference/real-jira/README.md). Each `created` must be such a number; it is then checked as the
 * date-time it stands for, and everything else exactly as the document says. Returns the body so rewritten.
 */
function epochCreatedAsDateTime(body: unknown): unknown {
  const copy: unknown = structuredClone(body);
  const logs = at(copy, 'issueChangeLogs');
  if (!Array.isArray(logs)) return copy;
  for (const log of logs) {
    const histories: unknown = isPlainObject(log) ? log['changeHistories'] : undefined;
    if (!Array.isArray(histories)) continue;
    for (const history of histories) {
      if (!isPlainObject(history)) continue;
      const created = history['created'];
      expect({ created, epochMs: Number.isSafeInteger(created) }).toStrictEqual({ created, epochMs: true });
      history['created'] = new Date(Number(created)).toISOString();
    }
  }
  return copy;
}

describeContract(SUITE_TITLE, () => {
  let sim: JiraSimulator;
  let ajv: Ajv;
  let spec: unknown;

  beforeAll(async () => {
    const parsed: unknown = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
    if (!isPlainObject(parsed)) throw new Error(`${SPEC_PATH} is not a JSON object`);
    spec = parsed;
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(ajv);
    ajv.addSchema(parsed, SPEC_ID);
    const site = fixtureSite();
    const bulk = siteProject('BULK', '10005', { browsers: '*' });
    sim = await startJiraSimulator({
      ...site,
      projects: [...site.projects, bulk],
      issues: [
        ...site.issues,
        ...Array.from({ length: 12 }, (_, i) => siteIssue({ key: `BULK-${i + 1}`, project: bulk })),
      ],
    });
  });

  afterAll(async () => {
    await sim.stop();
  });

  const validators = new Map<string, ValidateFunction>();
  function validatorFor(ref: string): ValidateFunction {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  }

  /** The 2xx/4xx response schema of an operation; error statuses without one fall back to ErrorCollection. */
  function responseSchemaRef(method: string, path: string, status: number): string {
    const response = at(spec, 'paths', path, method.toLowerCase(), 'responses', String(status));
    const content: unknown = isPlainObject(response) ? response['content'] : undefined;
    const json: unknown = isPlainObject(content) ? content['application/json'] : undefined;
    // Some error responses carry only an example, no schema: those fall back to ErrorCollection too.
    const hasSchema = isPlainObject(json) && json['schema'] !== undefined;
    if (hasSchema)
      return pointer(
        'paths',
        path,
        method.toLowerCase(),
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      );
    if (status >= 400) return pointer('components', 'schemas', 'ErrorCollection');
    throw new Error(`the spec has no ${status} response schema for ${method} ${path}`);
  }

  function expectValid(ref: string, body: unknown, label: string): void {
    const validate = validatorFor(ref);
    const valid = validate(body);
    const problems = valid
      ? []
      : (validate.errors ?? []).map(
          (e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
        );
    expect({ label, problems }).toStrictEqual({ label, problems: [] });
  }

  function expectContract(method: string, template: string, res: SimCall, expectedStatus: number): void {
    expect(res.status).toBe(expectedStatus);
    expectValid(responseSchemaRef(method, template, res.status), res.body, `${method} ${template} ${res.status}`);
  }

  it('the validators are not vacuous: off-schema bodies are rejected', () => {
    const search = validatorFor(responseSchemaRef('GET', '/rest/api/3/search/jql', 200));
    expect(search({ issues: [{ id: '1' }], isLast: true })).toBe(true);
    expect(search({ issues: [], isLast: true, total: 0 })).toBe(false);
    expect(search({ issues: [{ id: 1 }], isLast: 'yes' })).toBe(false);
    const errors = validatorFor(pointer('components', 'schemas', 'ErrorCollection'));
    expect(errors({ errorMessages: ['x'], errors: {} })).toBe(true);
    expect(errors({ message: 'x' })).toBe(false);
  });

  it('implements only operations that exist in the document', () => {
    for (const { method, template } of IMPLEMENTED_OPERATIONS) {
      expect({
        method,
        template,
        exists: at(spec, 'paths', template, method.toLowerCase()) !== undefined,
      }).toStrictEqual({ method, template, exists: true });
    }
  });

  describe('search/jql', () => {
    const template = '/rest/api/3/search/jql';

    it('GET, ids only, several pages', async () => {
      const first = await call(sim.url, USERS.alice, template + qs({ jql: 'project = BULK', maxResults: 5 }));
      expectContract('GET', template, first, 200);
      const second = await call(
        sim.url,
        USERS.alice,
        template + qs({ jql: 'project = BULK', maxResults: 5, nextPageToken: String(at(first.body, 'nextPageToken')) }),
      );
      expectContract('GET', template, second, 200);
    });

    it('GET with fields, including *all', async () => {
      expectContract(
        'GET',
        template,
        await call(
          sim.url,
          USERS.alice,
          template + qs({ jql: 'project = ISMS', fields: 'summary,labels,status,assignee,duedate,customfield_10042' }),
        ),
        200,
      );
      expectContract(
        'GET',
        template,
        await call(sim.url, USERS.alice, template + qs({ jql: 'project = OPS', fields: '*all' })),
        200,
      );
    });

    it('POST', async () => {
      expectContract(
        'POST',
        template,
        await call(sim.url, USERS.alice, template, {
          json: { jql: 'project = ISMS', fields: ['summary', 'created'], maxResults: 2 },
        }),
        200,
      );
    });

    it('400 for unbounded, unsupported and unknown-project JQL', async () => {
      for (const jql of ['labels = x', 'project = ISMS OR labels = x', 'project = NOPE']) {
        expectContract('GET', template, await call(sim.url, USERS.alice, template + qs({ jql })), 400);
        expectContract('POST', template, await call(sim.url, USERS.alice, template, { json: { jql } }), 400);
      }
    });

    it('401 for an unknown user', async () => {
      expectContract('GET', template, await call(sim.url, 'acc-nobody', template + qs({ jql: 'project = ISMS' })), 401);
    });
  });

  it('search/approximate-count 200 and 400', async () => {
    const template = '/rest/api/3/search/approximate-count';
    expectContract(
      'POST',
      template,
      await call(sim.url, USERS.alice, template, { json: { jql: 'project = ISMS' } }),
      200,
    );
    expectContract('POST', template, await call(sim.url, USERS.alice, template, { json: { jql: 'labels = x' } }), 400);
  });

  describe('issue/{issueIdOrKey}', () => {
    const template = '/rest/api/3/issue/{issueIdOrKey}';

    it('200 with all fields, and the common fields match their own schemas', async () => {
      for (const key of ['ISMS-1', 'ISMS-3', 'ISMS-10', 'OPS-1']) {
        const res = await call(sim.url, USERS.alice, `/rest/api/3/issue/${key}`);
        expectContract('GET', template, res, 200);
        const fields = at(res.body, 'fields');
        const checks: Array<[string, string]> = [
          ['status', 'StatusDetails'],
          ['assignee', 'UserDetails'],
          ['project', 'ProjectDetails'],
          ['security', 'SecurityLevel'],
        ];
        for (const [field, schema] of checks) {
          const value = at(fields, field);
          if (value !== undefined && value !== null)
            expectValid(pointer('components', 'schemas', schema), value, `${key} fields.${field}`);
        }
      }
    });

    it('404 error shape', async () => {
      expectContract('GET', template, await call(sim.url, USERS.bob, '/rest/api/3/issue/ISMS-3'), 404);
    });
  });

  it('project/{projectIdOrKey} 200 and 404', async () => {
    const template = '/rest/api/3/project/{projectIdOrKey}';
    expectContract('GET', template, await call(sim.url, USERS.alice, '/rest/api/3/project/ISMS'), 200);
    expectContract('GET', template, await call(sim.url, USERS.alice, '/rest/api/3/project/INT'), 200);
    expectContract('GET', template, await call(sim.url, USERS.outsider, '/rest/api/3/project/ISMS'), 404);
  });

  it('project/search 200 (all, a page with a next page, a query, by name, the app, none), 400 and 401', async () => {
    const template = '/rest/api/3/project/search';
    const all = await call(sim.url, USERS.alice, template);
    expectContract('GET', template, all, 200);
    expect(at(all.body, 'total')).toBe(4);
    const paged = await call(sim.url, USERS.alice, template + qs({ maxResults: 1, startAt: 1, orderBy: '-name' }));
    expect(at(paged.body, 'nextPage')).toEqual(expect.any(String));
    expectContract('GET', template, paged, 200);
    for (const [who, params] of [
      [USERS.alice, { query: 'secur' }],
      [USERS.padmin, { orderBy: 'name' }],
      ['app', {}],
      [USERS.outsider, { query: 'ISMS' }],
    ] as const)
      expectContract('GET', template, await call(sim.url, who, template + qs(params)), 200);
    // Not vacuous: a project with a property the document does not list, or a numeric id, is refused.
    const validate = validatorFor(responseSchemaRef('GET', template, 200));
    const values = at(all.body, 'values');
    const [body, first]: unknown[] = [all.body, Array.isArray(values) ? values[0] : undefined];
    if (!isPlainObject(body) || !isPlainObject(first)) throw new Error('project/search sent no project');
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, values: [{ ...first, colour: 'red' }] })).toBe(false);
    expect(validate({ ...body, values: [{ ...first, id: 10000 }] })).toBe(false);
    const refused: Array<Record<string, string | number>> = [
      { maxResults: 0 },
      { startAt: -1 },
      { orderBy: 'owner' },
      { id: '10000' },
    ];
    for (const params of refused)
      expectContract('GET', template, await call(sim.url, USERS.alice, template + qs(params)), 400);
    expectContract(
      'GET',
      template,
      await call(sim.url, USERS.alice, template + qs({ keys: ['ISMS', 'INT', 'NOPE'] })),
      200,
    );
    const tooMany = { keys: Array.from({ length: 51 }, (_, i) => `P${i}`) };
    expectContract('GET', template, await call(sim.url, USERS.alice, template + qs(tooMany)), 400);
    expectContract('GET', template, await call(sim.url, 'acc-nobody', template), 401);
  });

  it('mypermissions 200 (global and project), 400 and 404', async () => {
    const template = '/rest/api/3/mypermissions';
    expectContract(
      'GET',
      template,
      await call(sim.url, USERS.admin, template + qs({ permissions: 'ADMINISTER' })),
      200,
    );
    expectContract(
      'GET',
      template,
      await call(
        sim.url,
        USERS.padmin,
        template + qs({ projectKey: 'ISMS', permissions: 'ADMINISTER_PROJECTS,BROWSE_PROJECTS' }),
      ),
      200,
    );
    expectContract('GET', template, await call(sim.url, USERS.alice, template), 400);
    expectContract(
      'GET',
      template,
      await call(sim.url, USERS.outsider, template + qs({ projectKey: 'ISMS', permissions: 'BROWSE_PROJECTS' })),
      404,
    );
  });

  it('label 200', async () => {
    const template = '/rest/api/3/label';
    expectContract('GET', template, await call(sim.url, USERS.alice, template), 200);
    expectContract(
      'GET',
      template,
      await call(sim.url, USERS.alice, template + qs({ startAt: 1, maxResults: 2 })),
      200,
    );
  });

  it('field 200', async () => {
    expectContract('GET', '/rest/api/3/field', await call(sim.url, USERS.alice, '/rest/api/3/field'), 200);
  });

  it('myself 200 for a user and for the app', async () => {
    expectContract('GET', '/rest/api/3/myself', await call(sim.url, USERS.alice, '/rest/api/3/myself'), 200);
    expectContract('GET', '/rest/api/3/myself', await call(sim.url, 'app', '/rest/api/3/myself'), 200);
  });

  describe('the reads of spec section 8', () => {
    let substance: JiraSimulator;
    beforeAll(async () => {
      substance = await startJiraSimulator(substanceSite(), { maxChangelogEntries: 4 });
    });
    afterAll(async () => {
      await substance.stop();
    });
    const as = (who: string, path: string, init: { json?: unknown } = {}) => call(substance.url, who, path, init);

    it('changelog/bulkfetch 200, paged, with created in epoch ms the only deviation; 400s', async () => {
      const template = '/rest/api/3/changelog/bulkfetch';
      const request = { issueIdsOrKeys: ['ISMS-1', 'ISMS-2', 'ISMS-20'], fieldIds: ['status', 'labels'] };
      const first = await as(USERS.alice, template, { json: request });
      expect(first.status).toBe(200);
      expect(typeof at(first.body, 'nextPageToken')).toBe('string');
      const ref = responseSchemaRef('POST', template, 200);
      expectValid(ref, epochCreatedAsDateTime(first.body), 'bulkfetch page 1');
      const second = await as(USERS.alice, template, {
        json: { ...request, nextPageToken: at(first.body, 'nextPageToken') },
      });
      expectValid(ref, epochCreatedAsDateTime(second.body), 'bulkfetch page 2');
      // Unfiltered, with a null-authored entry and a Workflow item.
      const all = await as(USERS.alice, template, { json: { issueIdsOrKeys: ['ISMS-1'], maxResults: 10000 } });
      expectValid(ref, epochCreatedAsDateTime(all.body), 'bulkfetch unfiltered');
      // Without the allowance the answer would not validate: the deviation is real, and only that one.
      expect(validatorFor(ref)(all.body)).toBe(false);
      for (const json of [{ issueIdsOrKeys: [] }, { issueIdsOrKeys: ['ISMS-1'], maxResults: 0 }, { fieldIds: [] }])
        expectContract('POST', template, await as(USERS.alice, template, { json }), 400);
    });

    it('search/jql and issue GET with expand=changelog 200', async () => {
      const search = '/rest/api/3/search/jql';
      const jql = 'project = ISMS ORDER BY key ASC';
      expectContract(
        'GET',
        search,
        await as(USERS.alice, search + qs({ jql, fields: 'summary,status', expand: 'changelog' })),
        200,
      );
      expectContract(
        'POST',
        search,
        await as(USERS.alice, search, { json: { jql, fields: ['*all'], expand: 'changelog' } }),
        200,
      );
      expectContract(
        'GET',
        '/rest/api/3/issue/{issueIdOrKey}',
        await as(USERS.alice, '/rest/api/3/issue/ISMS-1' + qs({ expand: 'changelog' })),
        200,
      );
    });

    it('the issue fields spec 8 reads match their own schemas', async () => {
      const res = await as(USERS.alice, '/rest/api/3/issue/ISMS-2');
      expectContract('GET', '/rest/api/3/issue/{issueIdOrKey}', res, 200);
      const fields = at(res.body, 'fields');
      const schema = (name: string) => pointer('components', 'schemas', name);
      const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
      for (const [i, attachment] of list(at(fields, 'attachment')).entries())
        expectValid(schema('Attachment'), attachment, `attachment[${i}]`);
      expectValid(schema('PageOfComments'), at(fields, 'comment'), 'comment');
      expectValid(schema('UserDetails'), at(fields, 'reporter'), 'reporter');
      expectValid(schema('UserDetails'), at(fields, APPROVER.id), 'approver field');
      for (const [i, user] of list(at(fields, ATTENDEES.id)).entries())
        expectValid(schema('UserDetails'), user, `attendees[${i}]`);
      // The document's IssueLink requires both sides; an issue's own field names only the other issue.
      for (const [i, link] of list(at(fields, 'issuelinks')).entries()) {
        expectValid(schema('IssueLinkType'), at(link, 'type'), `issuelinks[${i}].type`);
        const side = isPlainObject(link) ? (link['inwardIssue'] ?? link['outwardIssue']) : undefined;
        expectValid(schema('LinkedIssue'), side, `issuelinks[${i}] linked issue`);
      }
      expect(at(fields, 'description', 'type')).toBe('doc');
    });

    it('issue/{issueIdOrKey}/remotelink 200 (a list, and one by globalId), 403 and 404', async () => {
      const template = '/rest/api/3/issue/{issueIdOrKey}/remotelink';
      const ref = responseSchemaRef('GET', template, 200);
      // The document's 200 schema is one RemoteIssueLink, yet its own example, like every real answer, is a list.
      const list = await as(USERS.alice, '/rest/api/3/issue/ISMS-1/remotelink');
      expect(list.status).toBe(200);
      expect(Array.isArray(list.body) && list.body.length).toBe(2);
      for (const [i, link] of (Array.isArray(list.body) ? list.body : []).entries())
        expectValid(ref, link, `remotelink[${i}]`);
      expectContract(
        'GET',
        template,
        await as(USERS.alice, '/rest/api/3/issue/ISMS-1/remotelink' + qs({ globalId: 'appId=5e7e9d1c&pageId=1001' })),
        200,
      );
      expectContract('GET', template, await as(USERS.bob, '/rest/api/3/issue/ISMS-3/remotelink'), 404);
      substance.setIssueLinking(false);
      try {
        expectContract('GET', template, await as(USERS.alice, '/rest/api/3/issue/ISMS-1/remotelink'), 403);
      } finally {
        substance.setIssueLinking(true);
      }
    });

    it('user/groups 200, 400, 403 and 404', async () => {
      const template = '/rest/api/3/user/groups';
      expectContract('GET', template, await as(USERS.alice, template + qs({ accountId: PEOPLE.ceo })), 200);
      expectContract('GET', template, await as(USERS.alice, template), 400);
      expectContract('GET', template, await as(USERS.bob, template + qs({ accountId: PEOPLE.ceo })), 403);
      expectContract('GET', template, await as(USERS.alice, template + qs({ accountId: 'acc-gone' })), 404);
    });

    it('user 200 (a person, an app account, groups expanded), 403 and 404', async () => {
      const template = '/rest/api/3/user';
      for (const accountId of [PEOPLE.ceo, PEOPLE.bot])
        expectContract('GET', template, await as(USERS.alice, template + qs({ accountId, expand: 'groups' })), 200);
      expectContract('GET', template, await as(USERS.bob, template + qs({ accountId: PEOPLE.ceo })), 403);
      expectContract('GET', template, await as(USERS.alice, template + qs({ accountId: 'acc-gone' })), 404);
    });

    it('groups/picker 200 (matches, exact only, none) and 400', async () => {
      const template = '/rest/api/3/groups/picker';
      expectContract('GET', template, await as(USERS.alice, template + qs({ query: 'board', maxResults: 1 })), 200);
      expectContract('GET', template, await as(USERS.bob, template + qs({ query: 'board' })), 200);
      expectContract('GET', template, await as(USERS.alice, template + qs({ query: 'zzz' })), 200);
      expectContract('GET', template, await as(USERS.alice, template + qs({ maxResults: 0 })), 400);
    });

    it('group/bulk 200 (by id, and a page with a next page), 400 and 403', async () => {
      const template = '/rest/api/3/group/bulk';
      expectContract('GET', template, await as(USERS.alice, template + qs({ groupId: [BOARD.groupId, 'gone'] })), 200);
      const paged = await as(USERS.alice, template + qs({ maxResults: 1 }));
      expect(at(paged.body, 'nextPage')).toEqual(expect.any(String));
      expectContract('GET', template, paged, 200);
      expectContract('GET', template, await as(USERS.alice, template + qs({ startAt: -1 })), 400);
      expectContract('GET', template, await as(USERS.bob, template), 403);
    });

    it('group/member 200 (a page with a next page, inactive users included), 400, 403 and 404', async () => {
      const template = '/rest/api/3/group/member';
      const paged = await as(USERS.alice, template + qs({ groupId: STAFF.groupId, maxResults: 1 }));
      expect(at(paged.body, 'nextPage')).toEqual(expect.any(String));
      expectContract('GET', template, paged, 200);
      expectContract(
        'GET',
        template,
        await as(USERS.alice, template + qs({ groupname: 'board', includeInactiveUsers: 'true' })),
        200,
      );
      expectContract('GET', template, await as(USERS.alice, template), 400);
      expectContract('GET', template, await as(USERS.bob, template + qs({ groupId: BOARD.groupId })), 403);
      expectContract('GET', template, await as(USERS.alice, template + qs({ groupId: 'gone' })), 404);
    });

    it('user/picker 200 (with avatars, and exact names only) and 400', async () => {
      const template = '/rest/api/3/user/picker';
      expectContract('GET', template, await as(USERS.alice, template + qs({ query: 'a', showAvatar: 'true' })), 200);
      expectContract('GET', template, await as(USERS.bob, template + qs({ query: 'Dana Chief' })), 200);
      expectContract('GET', template, await as(USERS.alice, template), 400);
    });

    it('mypermissions USER_PICKER and myself with groups 200', async () => {
      expectContract(
        'GET',
        '/rest/api/3/mypermissions',
        await as(USERS.bob, '/rest/api/3/mypermissions' + qs({ permissions: 'USER_PICKER,BROWSE_PROJECTS' })),
        200,
      );
      expectContract(
        'GET',
        '/rest/api/3/myself',
        await as(USERS.alice, '/rest/api/3/myself' + qs({ expand: 'groups' })),
        200,
      );
    });

    it('injected faults on the new routes use the error shape', async () => {
      substance.faults.rateLimit(1, 1, { pathPrefix: '/rest/api/3/changelog/bulkfetch' });
      const res = await as(USERS.alice, '/rest/api/3/changelog/bulkfetch', { json: { issueIdsOrKeys: ['ISMS-1'] } });
      expect(res.status).toBe(429);
      expectValid(pointer('components', 'schemas', 'ErrorCollection'), res.body, 'bulkfetch 429');
    });
  });

  describe('creating issues (spec section 10)', () => {
    let creating: JiraSimulator;
    beforeAll(async () => {
      const site = fixtureSite();
      // Bob browses ISMS but may not create there.
      const projects = site.projects.map((p) => (p.key === 'ISMS' ? { ...p, creators: [USERS.alice] } : p));
      creating = await startJiraSimulator({ ...site, projects });
    });
    afterAll(async () => {
      await creating.stop();
    });
    const as = (who: string, path: string, init: { json?: unknown } = {}) => call(creating.url, who, path, init);
    const create = '/rest/api/3/issue';
    const task = (fields: Record<string, unknown> = {}) => ({
      fields: {
        project: { key: 'ISMS' },
        issuetype: { name: 'Task' },
        summary: 'Renew: security policy approval',
        labels: ['clause-5.1'],
        duedate: '2026-12-17',
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
        },
        ...fields,
      },
    });

    it('mypermissions CREATE_ISSUES 200 in project, issue and global context', async () => {
      const template = '/rest/api/3/mypermissions';
      for (const [who, context] of [
        [USERS.alice, { projectKey: 'ISMS' }],
        [USERS.bob, { projectKey: 'ISMS' }],
        [USERS.bob, { issueKey: 'ISMS-1' }],
        [USERS.outsider, {}],
      ] as const)
        expectContract(
          'GET',
          template,
          await as(who, template + qs({ ...context, permissions: 'CREATE_ISSUES,BROWSE_PROJECTS' })),
          200,
        );
    });

    it('createmeta issuetypes 200 (all, a page, none creatable), 400 and 404', async () => {
      const template = '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes';
      const path = '/rest/api/3/issue/createmeta/ISMS/issuetypes';
      const all = await as(USERS.alice, path);
      expectContract('GET', template, all, 200);
      expect(at(all.body, 'total')).toBe(5);
      const ref = pointer('components', 'schemas', 'IssueTypeIssueCreateMetadata');
      const types = at(all.body, 'issueTypes');
      for (const [i, type] of (Array.isArray(types) ? types : []).entries()) expectValid(ref, type, `issueTypes[${i}]`);
      expectContract('GET', template, await as(USERS.alice, path + qs({ startAt: 2, maxResults: 2 })), 200);
      expectContract('GET', template, await as(USERS.bob, path), 200);
      expectContract('GET', template, await as(USERS.alice, path + qs({ maxResults: 500 })), 400);
      expectContract('GET', template, await as(USERS.outsider, path), 404);
    });

    it('issuetype 200 for a user and a Jira admin', async () => {
      for (const who of [USERS.bob, USERS.admin])
        expectContract('GET', '/rest/api/3/issuetype', await as(who, '/rest/api/3/issuetype'), 200);
    });

    it('issue POST 201 (CreatedIssue), and the new issue reads as the document says', async () => {
      const created = await as(USERS.alice, create, { json: task() });
      expectContract('POST', create, created, 201);
      const read = await as(USERS.alice, `/rest/api/3/issue/${String(at(created.body, 'key'))}`);
      expectContract('GET', '/rest/api/3/issue/{issueIdOrKey}', read, 200);
      const fields = at(read.body, 'fields');
      expectValid(pointer('components', 'schemas', 'IssueTypeDetails'), at(fields, 'issuetype'), 'issuetype');
      expectValid(pointer('components', 'schemas', 'StatusDetails'), at(fields, 'status'), 'status');
      expectValid(pointer('components', 'schemas', 'UserDetails'), at(fields, 'reporter'), 'reporter');
      const app = await as('app', create, { json: task() });
      expectContract('POST', create, app, 201);
    });

    it('issue POST 400 (fields, permission, hidden project, a sub-task without parent, not JSON) and 401', async () => {
      for (const [who, body] of [
        [USERS.alice, task({ summary: '', labels: ['a b'], duedate: 'x', description: 'text', customfield_1: 1 })],
        [USERS.alice, task({ issuetype: { name: 'Subtask' } })],
        [USERS.bob, task()],
        [USERS.outsider, task()],
        [USERS.alice, { fields: [] }],
      ] as const)
        expectContract('POST', create, await as(who, create, { json: body }), 400);
      expectContract('POST', create, await as('acc-nobody', create, { json: task() }), 401);
    });
  });

  it('unknown endpoints answer 404 with the error shape', async () => {
    const res = await call(sim.url, USERS.alice, '/rest/api/3/filter/search');
    expect(res.status).toBe(404);
    expectValid(pointer('components', 'schemas', 'ErrorCollection'), res.body, 'unknown endpoint');
  });

  it('injected faults use the error shape too', async () => {
    sim.faults.rateLimit(1, 1);
    sim.faults.serverError(1);
    for (const expected of [429, 500]) {
      const res = await call(sim.url, USERS.alice, '/rest/api/3/myself');
      expect(res.status).toBe(expected);
      expectValid(pointer('components', 'schemas', 'ErrorCollection'), res.body, `fault ${expected}`);
    }
  });
});

/**
 * The Jira Cloud simulator: an HTTP server on 127.0.0.1 (ephemeral port by default) that answers the REST v3
 * endpoints in router.ts as the user named by the x-sim-* headers (see identity.ts).
 *
 * Request pipeline: read body -> identify caller -> injected faults (deletion, latency, 429, 5xx) -> route (404/405)
 * -> hourly points quota (429 once spent) -> route (404/405) -> authenticate (401) -> content type and JSON (415/400)
 * -> handler. Every request is counted in `stats`; every answer but an injected fault or a quota 429 costs points
 * (quota.ts), counted in `quota` and spent from its pool.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { FaultController, type PageFault, type ProjectChange } from './faults';
import {
  INVALID_PAYLOAD,
  jiraError,
  type RouteContext,
  type SimRequest,
  type SimResponse,
  type SimulatorLimits,
  type SiteWriter,
} from './http-types';
import { ACCOUNT_ID_HEADER, APP_HEADER } from './identity';
import { parseJson, type JsonObject } from './json';
import type { Caller } from './permissions';
import { QuotaMeter, QuotaPool, quotaExceededHeaders, quotaHeaders, requestCost } from './quota';
import { matchRoute } from './router';
import { validateSite } from './site';
import {
  nextAttachmentId,
  withAttachmentAdded,
  withAttachmentRemoved,
  withDescriptionChanged,
  type AttachmentAddition,
} from './site-history';
import { SiteIndex } from './site-index';
import type { SiteData, SiteIssue, SiteIssueFields, SiteProject, SiteUser } from './site-types';
import { RequestStats } from './stats';

export interface JiraSimulatorOptions {
  /** Interface to listen on. Default 127.0.0.1 (never exposed beyond the machine by default). */
  host?: string;
  /** Default 0: an ephemeral port, so parallel test files never collide. */
  port?: number;
  /** Base of `self` links. Default: the simulator's own URL. */
  siteUrl?: string;
  /** /search/jql page cap when only id/key are requested. Default 5000. */
  maxResultsIdsOnly?: number;
  /** /search/jql page cap when other fields are requested. Default 100. */
  maxResultsWithFields?: number;
  /** Most recent changelog entries sent with expand=changelog. Default 100. */
  changelogExpandMax?: number;
  /** Page cap of the bulk changelog fetch, in entries. Default 1000. */
  maxChangelogEntries?: number;
  /** How many recent requests `stats.requests` keeps. Default 200. */
  requestLogSize?: number;
  /** Display name of the Forge app user (GET /myself as the app). */
  appDisplayName?: string;
  /** Largest accepted request body in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The clock (epoch ms): the `created` and `updated` of issues created with POST /issue, and relative JQL dates (`updated >= "-15m"`). Default Date.now. */
  now?: () => number;
  /**
   * The app's hourly points quota (quota.ts). Pass one pool to several simulators for a quota shared by every
   * site the app is installed on. Default: an unlimited pool of this simulator's own (points are counted, no
   * rate-limit headers, never a 429).
   */
  quota?: QuotaPool;
}

export interface JiraSimulator {
  /** e.g. http://127.0.0.1:53121 (no trailing slash). */
  readonly url: string;
  readonly faults: FaultController;
  readonly stats: RequestStats;
  /** Points this simulator's answers cost, per path, and the pool they were spent from (`quota.pool`). */
  readonly quota: QuotaMeter;
  /** Page caps; may be changed between requests. */
  readonly limits: SimulatorLimits;
  stop(): Promise<void>;
  /** The current site data (validated copy). */
  site(): SiteData;
  /** Replaces all site data; validated first, the old data stays on error. */
  replaceSite(site: unknown): void;
  addIssue(issue: SiteIssue): void;
  /** Shallow-merges `fields` into the issue's fields. */
  updateIssue(idOrKey: string, fields: Partial<SiteIssueFields>): void;
  /** `updateIssue` for many issues in one site update (one validation): e.g. a benchmark's "10 issues changed". */
  updateIssues(changes: ReadonlyArray<{ idOrKey: string; fields: Partial<SiteIssueFields> }>): void;
  removeIssue(idOrKey: string): void;
  updateUser(accountId: string, patch: Partial<Omit<SiteUser, 'accountId'>>): void;
  updateProject(idOrKey: string, patch: Partial<Omit<SiteProject, 'id' | 'key'>>): void;
  /** Jira's "Issue linking" switch: off, remote link reads answer 403. */
  setIssueLinking(enabled: boolean): void;
  /**
   * A site user attaches a file to the issue (`at`: a Jira date-time, default the simulator's clock): it joins
   * `fields.attachment` and the changelog gains Jira's `Attachment` item. Returns the attachment id.
   */
  addAttachment(idOrKey: string, addition: SimAttachmentAddition): string;
  /** A site user deletes an attachment: it leaves `fields.attachment`, with Jira's removal item in the changelog. */
  removeAttachment(idOrKey: string, attachmentId: string, by: string, at?: string): void;
  /** A site user edits the description (an ADF document, or null): with Jira's `description` changelog item. */
  changeDescription(idOrKey: string, description: JsonObject | null, by: string, at?: string): void;
}

/** What `addAttachment` takes: `by` is the account id of a site user. */
export type SimAttachmentAddition = Omit<AttachmentAddition, 'by' | 'at' | 'siteUrl'> & { by: string; at?: string };

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
/** nginx's status for a request the client gave up on before it was answered; only ever seen in `stats`. */
export const CLIENT_CLOSED_REQUEST = 499;

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  res
    .writeHead(response.status, {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

function queryRecord(query: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of query) (out[name] ??= []).push(value);
  return out;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function findIssueIndex(site: SiteData, idOrKey: string): number {
  const index = site.issues.findIndex((i) => i.id === idOrKey || i.key.toUpperCase() === idOrKey.toUpperCase());
  if (index < 0) throw new Error(`Jira simulator: no issue '${idOrKey}'`);
  return index;
}

export async function startJiraSimulator(
  initialSite: unknown,
  options: JiraSimulatorOptions = {},
): Promise<JiraSimulator> {
  let site = new SiteIndex(validateSite(initialSite, 'startJiraSimulator'));
  const faults = new FaultController();
  const stats = new RequestStats(options.requestLogSize ?? 200);
  const quota = new QuotaMeter(options.quota ?? new QuotaPool());
  const limits: SimulatorLimits = {
    maxResultsIdsOnly: options.maxResultsIdsOnly ?? 5000,
    maxResultsWithFields: options.maxResultsWithFields ?? 100,
    changelogExpandMax: options.changelogExpandMax ?? 100,
    maxChangelogEntries: options.maxChangelogEntries ?? 1000,
  };
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const stopping = new AbortController();
  let url = '';
  // The highest key number issued per project id, and the highest issue id: Jira never issues one twice, even
  // after the issue holding it was deleted. Reset with the site (replaceSite).
  let issuedKeys = new Map<string, number>();
  let issuedId = 0;

  const writer: SiteWriter = {
    nextIssueRef(project) {
      // Loops, not Math.max(...spread): a large benchmark site would overflow the argument list.
      let number = issuedKeys.get(project.id) ?? 0;
      let id = Math.max(issuedId, 10000);
      for (const indexed of site.issues) {
        if (indexed.project.id === project.id) number = Math.max(number, indexed.keyNumber);
        id = Math.max(id, Number(indexed.issue.id));
      }
      issuedKeys.set(project.id, number + 1);
      issuedId = id + 1;
      return { id: String(issuedId), key: `${project.key}-${number + 1}` };
    },
    addIssue(issue) {
      mutate((data) => ({ ...data, issues: [...data.issues, issue] }));
    },
  };

  const context = (pageFault: PageFault | undefined): RouteContext => ({
    site,
    siteUrl: options.siteUrl ?? url,
    limits,
    appDisplayName: options.appDisplayName ?? 'Forge app (local)',
    ...(pageFault ? { pageFault } : {}),
    now: options.now ?? Date.now,
    writer,
  });

  /** An injected deletion of an issue that is already gone is a no-op, not a simulator error. */
  const deleteIssue = (idOrKey: string): void => {
    if (!site.findIssue(idOrKey)) return;
    mutate((data) => {
      const index = findIssueIndex(data, idOrKey);
      return { ...data, issues: data.issues.filter((_, i) => i !== index) };
    });
  };

  /** An injected change of a project the site does not have is a no-op, like an injected deletion. */
  const changeProject = ({ idOrKey, patch }: ProjectChange): void => {
    if (!site.data.projects.some((p) => p.id === idOrKey || p.key === idOrKey)) return;
    mutate((data) => ({
      ...data,
      projects: data.projects.map((p) =>
        p.id === idOrKey || p.key === idOrKey ? { ...p, ...patch, id: p.id, key: p.key } : p,
      ),
    }));
  };

  /** `hungUp` aborts when the client closes the connection, so an injected latency never outlives its caller. */
  async function handle(
    req: IncomingMessage,
    hungUp: AbortSignal,
  ): Promise<{
    response: SimResponse;
    log: { path: string; query: URLSearchParams; accountId: string | null; asApp: boolean };
    /** `METHOD template` of the matched route; null for an answer that costs nothing (a fault, a quota 429). */
    charge: { route: string | undefined } | null;
  }> {
    const parsedUrl = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = parsedUrl.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const asApp = headerValue(req, APP_HEADER) === 'true';
    const accountId = asApp ? null : (headerValue(req, ACCOUNT_ID_HEADER) ?? null);
    const log = { path, query: parsedUrl.searchParams, accountId, asApp };
    let charge: { route: string | undefined } | null = { route: undefined };
    const respond = (response: SimResponse) => ({ response, log, charge });
    const free = (response: SimResponse) => {
      charge = null;
      return respond(response);
    };

    let bodyText: string;
    try {
      bodyText = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return respond(jiraError(413, ['Request body too large.']));
      throw error;
    }

    const fault = faults.take(path, method);
    for (const idOrKey of fault.deletions) deleteIssue(idOrKey);
    for (const change of fault.projectChanges) changeProject(change);
    if (fault.latencyMs > 0) {
      try {
        await delay(fault.latencyMs, undefined, { signal: AbortSignal.any([stopping.signal, hungUp]) });
      } catch (error) {
        if (!hungUp.aborted || stopping.signal.aborted) throw error;
        // The caller gave up (its own deadline passed): the work ends here, logged as "client closed request".
        return free({ status: CLIENT_CLOSED_REQUEST });
      }
    }
    if (fault.failure) {
      return free({ ...jiraError(fault.failure.status, [fault.failure.message]), headers: fault.failure.headers });
    }
    if (!quota.pool.admits()) {
      quota.pool.deny();
      return free({
        ...jiraError(429, ['Rate limit exceeded: the app has spent its hourly points quota.']),
        headers: quotaExceededHeaders(quota.pool),
      });
    }

    const match = matchRoute(method, path);
    if (match.kind === 'not-found')
      return respond(jiraError(404, [`The local Jira simulator does not implement ${method} ${path}.`]));
    if (match.kind === 'method-not-allowed') {
      return respond({
        ...jiraError(405, [`Method ${method} is not allowed for ${path}.`]),
        headers: { allow: match.allowed.join(', ') },
      });
    }

    let caller: Caller | undefined;
    if (asApp) caller = { kind: 'app' };
    else if (accountId !== null) {
      const user = site.users.get(accountId);
      if (user?.active) caller = { kind: 'user', user };
    }
    if (!caller)
      return respond(jiraError(401, ['You are not authenticated. Authentication required to perform this operation.']));

    let body: unknown;
    if (match.method === 'POST') {
      const contentType = headerValue(req, 'content-type') ?? '';
      if (!/^application\/json\b/i.test(contentType)) {
        return respond(
          jiraError(415, [`Unsupported media type '${contentType}': send Content-Type: application/json.`]),
        );
      }
      const parsed = parseJson(bodyText);
      if (!parsed.ok) return respond(jiraError(400, [INVALID_PAYLOAD]));
      body = parsed.value;
    }

    charge = { route: `${match.method} ${match.template}` };
    const simRequest: SimRequest = { method, path, query: parsedUrl.searchParams, body, caller, params: match.params };
    return respond(match.handler(context(fault.page), simRequest));
  }

  const server = createServer((req, res) => {
    const hungUp = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) hungUp.abort();
    });
    handle(req, hungUp.signal)
      .then(({ response: answer, log, charge }) => {
        let response = answer;
        if (charge) {
          quota.record(log.path, requestCost(charge.route, response.status, response.body).total);
          if (quota.pool.limited)
            response = { ...response, headers: { ...quotaHeaders(quota.pool), ...response.headers } };
        }
        stats.record({
          method: (req.method ?? 'GET').toUpperCase(),
          path: log.path,
          query: queryRecord(log.query),
          accountId: log.accountId,
          asApp: log.asApp,
          status: response.status,
        });
        if (hungUp.signal.aborted) res.destroy();
        else send(res, response);
      })
      .catch((error: unknown) => {
        if (stopping.signal.aborted || hungUp.signal.aborted) {
          res.destroy();
          return;
        }
        // Only the message: errors here come from simulator code, never carry request bodies.
        process.stderr.write(
          `Jira simulator internal error: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        if (!res.headersSent) send(res, jiraError(500, ['Internal server error']));
        else res.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('Jira simulator: server is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;

  const mutate = (change: (data: SiteData) => SiteData): void => {
    site = new SiteIndex(validateSite(change(structuredClone(site.data)), 'Jira simulator site update'));
  };
  const changeIssue = (idOrKey: string, change: (issue: SiteIssue) => SiteIssue): void => {
    mutate((data) => {
      const index = findIssueIndex(data, idOrKey);
      return { ...data, issues: data.issues.map((issue, i) => (i === index ? change(issue) : issue)) };
    });
  };
  const author = (accountId: string): SiteUser => {
    const user = site.users.get(accountId);
    if (!user) throw new Error(`Jira simulator: no user '${accountId}'`);
    return user;
  };
  /** The simulator's clock as a Jira date-time (UTC, `+0000`). */
  const jiraNow = (): string => new Date((options.now ?? Date.now)()).toISOString().replace('Z', '+0000');

  return {
    url,
    faults,
    stats,
    quota,
    limits,
    async stop() {
      stopping.abort();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    site: () => structuredClone(site.data),
    replaceSite(next: unknown) {
      site = new SiteIndex(validateSite(next, 'Jira simulator replaceSite'));
      issuedKeys = new Map();
      issuedId = 0;
    },
    addIssue(issue) {
      mutate((data) => ({ ...data, issues: [...data.issues, issue] }));
    },
    updateIssue(idOrKey, fields) {
      mutate((data) => {
        const index = findIssueIndex(data, idOrKey);
        const issues = [...data.issues];
        const current = issues[index];
        if (current) issues[index] = { ...current, fields: { ...current.fields, ...fields } };
        return { ...data, issues };
      });
    },
    updateIssues(changes) {
      mutate((data) => {
        const issues = [...data.issues];
        for (const { idOrKey, fields } of changes) {
          const index = findIssueIndex({ ...data, issues }, idOrKey);
          const current = issues[index];
          if (current) issues[index] = { ...current, fields: { ...current.fields, ...fields } };
        }
        return { ...data, issues };
      });
    },
    removeIssue(idOrKey) {
      mutate((data) => {
        const index = findIssueIndex(data, idOrKey);
        return { ...data, issues: data.issues.filter((_, i) => i !== index) };
      });
    },
    updateUser(accountId, patch) {
      mutate((data) => {
        if (!data.users.some((u) => u.accountId === accountId))
          throw new Error(`Jira simulator: no user '${accountId}'`);
        return {
          ...data,
          users: data.users.map((u) => (u.accountId === accountId ? { ...u, ...patch, accountId } : u)),
        };
      });
    },
    setIssueLinking(enabled) {
      mutate((data) => ({ ...data, issueLinking: enabled }));
    },
    addAttachment(idOrKey, { by, at, ...addition }) {
      let id = '';
      changeIssue(idOrKey, (issue) => {
        id = addition.id ?? nextAttachmentId(issue);
        const siteUrl = options.siteUrl ?? url;
        return withAttachmentAdded(issue, { ...addition, id, at: at ?? jiraNow(), by: author(by), siteUrl });
      });
      return id;
    },
    removeAttachment(idOrKey, attachmentId, by, at) {
      changeIssue(idOrKey, (issue) =>
        withAttachmentRemoved(issue, { id: attachmentId, at: at ?? jiraNow(), by: author(by) }),
      );
    },
    changeDescription(idOrKey, description, by, at) {
      changeIssue(idOrKey, (issue) =>
        withDescriptionChanged(issue, { description, at: at ?? jiraNow(), by: author(by) }),
      );
    },
    updateProject(idOrKey, patch) {
      mutate((data) => {
        if (!data.projects.some((p) => p.id === idOrKey || p.key === idOrKey))
          throw new Error(`Jira simulator: no project '${idOrKey}'`);
        return {
          ...data,
          projects: data.projects.map((p) =>
            p.id === idOrKey || p.key === idOrKey ? { ...p, ...patch, id: p.id, key: p.key } : p,
          ),
        };
      });
    },
  };
}

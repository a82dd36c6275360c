/**
 * What a route handler sees and returns. Handlers are plain functions of (context, request) so they can be
 * read and tested without sockets; server.ts owns the HTTP details.
 */
import type { PageFault } from './faults';
import type { Caller } from './permissions';
import type { SiteIndex } from './site-index';
import type { SiteIssue, SiteProject } from './site-types';

export interface SimulatorLimits {
  /** Page cap for /search/jql when only id/key are requested (Jira: 5000). */
  maxResultsIdsOnly: number;
  /** Page cap for /search/jql when other fields are requested (Jira: about 100). */
  maxResultsWithFields: number;
  /** How many of an issue's most recent changelog entries expand=changelog sends (Jira Cloud: 100). */
  changelogExpandMax: number;
  /** Page cap, in changelog entries, of POST /changelog/bulkfetch (the document allows asking for 10000). */
  maxChangelogEntries: number;
}

export interface RouteContext {
  site: SiteIndex;
  /** Base URL used in `self` links. */
  siteUrl: string;
  limits: SimulatorLimits;
  appDisplayName: string;
  /** An injected fault for the page this request answers (faults.ts); search routes apply it. */
  pageFault?: PageFault;
  /** The simulator's clock (epoch ms): `created` and `updated` of the issues it creates, and relative JQL dates. */
  now: () => number;
  writer: SiteWriter;
}

/** Changes a route may make to the site; the next request (the very next, too) sees them. */
export interface SiteWriter {
  /** The id and key the next issue created in `project` gets: like Jira, never one used before, deleted or not. */
  nextIssueRef(project: SiteProject): { id: string; key: string };
  /** Adds the issue to the site (validated like any site data) and so to every search and read. */
  addIssue(issue: SiteIssue): void;
}

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (POST only); undefined when there was none. */
  body: unknown;
  caller: Caller;
  params: Record<string, string>;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Jira's ErrorCollection shape: `{ errorMessages, errors }`. */
export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): SimResponse {
  return { status, body: { errorMessages, errors } };
}

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

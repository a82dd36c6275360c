/**
 * Benchmark child: one `report/project` call through the real handler, or a bare paginated fetch
 * of the same issues (same JQL, fields and page size, no engine), against a simulator URL.
 * Prints one JSON line: Jira requests, wall and CPU time, and memory.
 * `substance-on` / `substance-off`: `report/project` with spec 8's requirements as the demo company
 * sets them (the Board group, the approver and attendees fields), or with every requirement off.
 * Usage: tsx dev/bench/measure-process.ts <report|bare|substance-on|substance-off> <simulator url> <as-of> [<evidence issues to check against>]
 */
import api, { route } from '@forge/api';
import { demoSettings } from '../demo/demo-settings';
import { DEMO_USERS } from '../demo/demo-site';
import { storeConfig } from '../../src/storage/config-store';
import { MemoryKvsStore, installForgeRuntime, invokeResolver, runInvocation, type ResolverHandler } from '../runtime';
import { defaultConfig } from '../../src/core/config';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import { scopeKeys } from '../../src/resolvers/scope';
import { evidenceJql } from '../../src/jira/jql';
import { SEARCH_PAGE_SIZE } from '../../src/jira/search';
import { fieldsToRead, toEvidenceIssue } from '../../src/jira/transform';
import { largeSite } from './large-site';

const LEAD = DEMO_USERS.securityLead.accountId;

async function bareFetch(): Promise<number> {
  const config = defaultConfig();
  const labels = Object.values(config.categories).flatMap((c) => c.labels);
  const issues: unknown[] = [];
  let nextPageToken: string | undefined;
  do {
    const response = await api.asUser().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        jql: evidenceJql('ISMS', labels),
        fields: fieldsToRead(null),
        maxResults: SEARCH_PAGE_SIZE,
        ...(nextPageToken ? { nextPageToken } : {}),
      }),
    });
    if (response.status !== 200) throw new Error(`bare fetch: Jira answered ${response.status}`);
    const page = (await response.json()) as { issues: unknown[]; nextPageToken?: string; isLast?: boolean };
    issues.push(...page.issues);
    nextPageToken = page.isLast ? undefined : page.nextPageToken;
  } while (nextPageToken);
  return issues.length;
}

/** The settings a substance run grades with, stored as an admin's save would store them. */
function settingsFor(mode: 'substance-on' | 'substance-off') {
  const config = demoSettings();
  if (mode === 'substance-off') {
    for (const category of Object.values(config.categories))
      for (const id of Object.keys(category.requirements) as (keyof typeof category.requirements)[])
        category.requirements[id] = 'off';
  }
  return config;
}

async function seedSettings(mode: 'substance-on' | 'substance-off', asOf: string): Promise<void> {
  await storeConfig(settingsFor(mode), 0, 'save', { accountId: DEMO_USERS.admin.accountId }, `${asOf}T09:00:00.000Z`);
}

async function main(): Promise<void> {
  const [mode, url, asOf, checkN] = process.argv.slice(2);
  const modes = ['report', 'bare', 'substance-on', 'substance-off'];
  if (!url || !asOf || !mode || !modes.includes(mode))
    throw new Error('usage: measure-process.ts <report|bare|substance-on|substance-off> <url> <as-of> [n]');
  installForgeRuntime({ jiraBaseUrl: url, kvs: new MemoryKvsStore() });
  let requests = 0;
  const forgeFetch = (globalThis as { __forge_fetch__?: (...args: unknown[]) => Promise<unknown> }).__forge_fetch__;
  if (!forgeFetch) throw new Error('the Forge runtime did not install __forge_fetch__');
  (globalThis as { __forge_fetch__?: unknown }).__forge_fetch__ = (ctx: unknown, ...rest: unknown[]) => {
    if (typeof ctx === 'object' && ctx !== null && 'remote' in ctx && ctx.remote === 'jira') requests += 1;
    return forgeFetch(ctx, ...rest);
  };
  const { buildHandler } = await import('../../src/index');
  const handler = buildHandler({ clock: () => new Date(`${asOf}T12:00:00Z`) }) as ResolverHandler;

  // The search path alone grades with spec 8's requirements off (its table predates them, and its
  // check compares with the engine on the searched issues); the substance modes measure them.
  await runInvocation(LEAD, () => seedSettings(mode === 'substance-on' ? 'substance-on' : 'substance-off', asOf));

  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let issues: number;
  let complete = true;
  let result: unknown;
  if (mode !== 'bare') {
    result = await invokeResolver(handler, {
      functionKey: 'report/project',
      accountId: LEAD,
      context: { extension: { type: 'jira:projectPage', project: { key: 'ISMS' } } },
    });
    const data =
      typeof result === 'object' && result !== null && 'data' in result
        ? (result.data as { evidenceIssueCount: number; complete: boolean })
        : undefined;
    if (!data) throw new Error(`report failed: ${JSON.stringify(result).slice(0, 300)}`);
    issues = data.evidenceIssueCount;
    complete = data.complete;
  } else {
    issues = await runInvocation(LEAD, bareFetch);
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRss = process.resourceUsage().maxRSS * 1024;

  let matchesDirect: boolean | undefined;
  if (mode === 'report' && checkN) {
    const site = largeSite(asOf, Math.max(0, Number(checkN) - 20));
    const config = settingsFor('substance-off');
    // The ISMS page's scope in the demo's settings: ISMS and the Board's project (spec 11).
    const scope = scopeKeys(config, 'ISMS');
    const issues = site.issues
      .filter((i) => scope.some((key) => i.key.startsWith(`${key}-`)))
      .map((i) => toEvidenceIssue(i, config));
    // The Board group is named; with every requirement off, nobody's groups are read.
    const top = { accountIds: [], groupsNamed: true, inNamedGroup: {} };
    const direct = {
      ...buildReport('ISMS', issues, config, asOf, { top }),
      ...buildTimeline(issues, config, asOf, top),
    };
    // The resolver adds what the engine does not know (the project's name and scope, the time, the create action).
    const {
      projectName: _name,
      scope: _scope,
      generatedAt: _at,
      fixes: _fixes,
      projects: _projects,
      ...report
    } = (result as { data: Record<string, unknown> }).data;
    matchesDirect = JSON.stringify(report) === JSON.stringify(direct);
  }
  process.stdout.write(
    `${JSON.stringify({ mode, issues, complete, requests, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb: peakRss / 2 ** 20, matchesDirect })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

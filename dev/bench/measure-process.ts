/**
 * Benchmark child: one `report/project` call through the real handler, or a bare paginated fetch
 * of the same issues (same JQL, fields and page size, no engine), against a simulator URL.
 * Prints one JSON line: Jira requests, wall and CPU time, and memory.
 * Usage: tsx dev/bench/measure-process.ts <report|bare> <simulator url> <as-of> [<evidence issues to check against>]
 */
import api, { route } from '@forge/api';
import { DEMO_USERS } from '../demo/demo-site';
import { MemoryKvsStore, installForgeRuntime, invokeResolver, runInvocation, type ResolverHandler } from '../runtime';
import { defaultConfig } from '../../src/core/config';
import { buildReport } from '../../src/core/report';
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

async function main(): Promise<void> {
  const [mode, url, asOf, checkN] = process.argv.slice(2);
  if (!url || !asOf || (mode !== 'report' && mode !== 'bare'))
    throw new Error('usage: measure-process.ts <report|bare> <url> <as-of> [n]');
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

  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let issues: number;
  let complete = true;
  let result: unknown;
  if (mode === 'report') {
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
    const site = largeSite(asOf, Math.max(0, Number(checkN) - 16));
    const direct = buildReport(
      'ISMS',
      site.issues.filter((i) => i.key.startsWith('ISMS-')).map((i) => toEvidenceIssue(i)),
      defaultConfig(),
      asOf,
    );
    // The resolver adds what the engine does not know (the project's name, the scope, the time).
    const {
      projectName: _name,
      scope: _scope,
      generatedAt: _at,
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

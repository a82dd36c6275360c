/**
 * Benchmark child: a Jira simulator holding a large ISMS project, with the given latency on
 * every request. Runs in its own process so the app's CPU and memory are measured alone.
 * With `substance`, the extra issues carry what spec 8 reads (histories, attachments).
 * Prints `{ url, control }`: `control` is a small HTTP server of the benchmark's own (not Jira's API):
 * `GET /quota` -> `{ requests, points }` so far (requests answered, points they cost under Jira's
 * points model, dev/simulator/quota.ts); `POST /touch?count=10` edits that many evidence issues
 * (summary and `updated`), as people editing issues between two views would.
 * Usage: tsx dev/bench/sim-process.ts <evidence issues> <latency ms> <as-of> [substance]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startJiraSimulator } from '../simulator';
import { largeSite } from './large-site';

const DEMO_EVIDENCE = 20;
/** The first of the extra issues large-site.ts adds. */
const FIRST_EXTRA = 1000;

async function main(): Promise<void> {
  const [n, latency, asOf, substance] = process.argv.slice(2);
  const extra = Math.max(0, Number(n) - DEMO_EVIDENCE);
  const site = largeSite(asOf ?? '2026-11-28', extra, {
    substance: substance === 'substance',
  });
  const sim = await startJiraSimulator(site);
  if (Number(latency) > 0) sim.faults.setLatency(Number(latency));

  let touches = 0;
  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control.invalid');
    const answer = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && url.pathname === '/quota')
      return answer(200, { requests: sim.stats.total, points: sim.quota.spent, byPath: sim.quota.byPath });
    if (req.method === 'POST' && url.pathname === '/touch') {
      const count = Math.min(Number(url.searchParams.get('count') ?? '10'), extra);
      touches += 1;
      // Edited now, by the simulator's clock: what the app's `updated >= "-Nm"` asks about.
      const updated = new Date().toISOString().replace('Z', '+0000');
      const byKey = new Map(sim.site().issues.map((i) => [i.key, i.fields.summary]));
      sim.updateIssues(
        Array.from({ length: count }, (_, i) => {
          const key = `ISMS-${FIRST_EXTRA + i}`;
          return { idOrKey: key, fields: { summary: `${byKey.get(key) ?? key} (edited ${touches})`, updated } };
        }),
      );
      return answer(200, { touched: count });
    }
    return answer(404, { error: 'unknown control call' });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;

  process.stdout.write(`${JSON.stringify({ url: sim.url, control: `http://127.0.0.1:${port}` })}\n`);
  // Stops with its parent: when stdin closes.
  process.stdin.resume();
  process.stdin.on('end', () => {
    control.close();
    void sim.stop().then(() => process.exit(0));
  });
}

void main();

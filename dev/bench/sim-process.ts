/**
 * Benchmark child: a Jira simulator holding a large ISMS project, with the given latency on
 * every request. Runs in its own process so the app's CPU and memory are measured alone.
 * With `substance`, the extra issues carry what spec 8 reads (histories, attachments).
 * Usage: tsx dev/bench/sim-process.ts <evidence issues> <latency ms> <as-of> [substance]
 */
import { startJiraSimulator } from '../simulator';
import { largeSite } from './large-site';

const DEMO_EVIDENCE = 20;

async function main(): Promise<void> {
  const [n, latency, asOf, substance] = process.argv.slice(2);
  const site = largeSite(asOf ?? '2026-11-28', Math.max(0, Number(n) - DEMO_EVIDENCE), {
    substance: substance === 'substance',
  });
  const sim = await startJiraSimulator(site);
  if (Number(latency) > 0) sim.faults.setLatency(Number(latency));
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  // Stops with its parent: when stdin closes.
  process.stdin.resume();
  process.stdin.on('end', () => void sim.stop().then(() => process.exit(0)));
}

void main();

/**
 * Benchmark child: the pure engine alone on N synthetic issues. Prints one JSON line with the
 * median time of 5 runs of the report, the median of 5 runs of the report with its timeline
 * (spec 9), run side by side so both see the same machine, and the memory the runs added.
 * Usage: tsx dev/bench/engine-process.ts <issues>
 */
import { CATEGORIES } from '../../src/core/categories';
import { defaultConfig } from '../../src/core/config';
import { addDaysTo } from '../../src/core/dates';
import { buildReport } from '../../src/core/report';
import { buildTimeline } from '../../src/core/timeline';
import type { EvidenceIssue } from '../../src/core/types';

const AS_OF = '2026-11-28';

function issues(n: number): EvidenceIssue[] {
  return Array.from({ length: n }, (_, i) => {
    const def = CATEGORIES[i % CATEGORIES.length];
    if (!def) throw new Error('no category definitions');
    const done = i % 5 !== 0;
    const day = addDaysTo(AS_OF, -((i * 37) % 700));
    return {
      key: `ISMS-${i + 1}`,
      summary: `${def.name} record ${i}`,
      labels: def.rule === 'corrective' && i % 3 !== 0 ? [def.defaultLabel, 'board-approved'] : [def.defaultLabel],
      done,
      created: day,
      updated: day,
      resolutionDate: done ? day : undefined,
      dueDate: done ? undefined : addDaysTo(AS_OF, (i % 60) - 20),
      assignee: i % 7 === 0 ? null : { accountId: 'a', displayName: 'A', active: true },
      customDates: {},
    };
  });
}

const n = Number(process.argv[2] ?? 10000);
const input = issues(n);
const config = defaultConfig();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
const withTimeline: number[] = [];
for (let run = 0; run < 5; run += 1) {
  let start = performance.now();
  const report = buildReport('ISMS', input, config, AS_OF);
  times.push(performance.now() - start);
  if (report.evidenceIssueCount !== n) throw new Error('engine bench: wrong evidence count');
  start = performance.now();
  buildReport('ISMS', input, config, AS_OF);
  const { timeline } = buildTimeline(input, config, AS_OF);
  withTimeline.push(performance.now() - start);
  if (timeline.length !== 66) throw new Error('engine bench: wrong number of timeline points');
}
const heapAfter = process.memoryUsage().heapUsed;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[2] ?? NaN;
process.stdout.write(
  `${JSON.stringify({ n, medianMs: median(times), timelineMs: median(withTimeline), heapMb: Math.max(0, heapAfter - heapBefore) / 2 ** 20, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20 })}\n`,
);

// Time of one poll round over real HTTP to the local simulator: fetch, parse, diff, announce. Every
// other round the page changes (a flapping component, so 200 with a new body); in between it does
// not (the conditional request gets 304 and the cached body is used).
import { performance } from 'node:perf_hooks';
import { startHarness } from './harness';
import type { Measurement } from './report';
import { median, percentile } from './stats';

export const GOALS = { medianMs: 10, p95Ms: 25 } as const;

const KINDS = [
  { kind: 'statuspage', label: 'Statuspage', documents: 'summary.json' },
  { kind: 'gandi-legacy', label: 'legacy API', documents: '4 documents' },
] as const;

export async function runPollTiming(rounds: number): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const { kind, label, documents } of KINDS) {
    const h = await startHarness({ scenario: 'flapping', sources: [kind] });
    const sim = kind === 'statuspage' ? h.statuspage : h.legacy;
    const changed: number[] = [];
    const unchanged: number[] = [];
    try {
      const warmup = Math.min(20, Math.floor(rounds / 5));
      for (let round = 0; round < rounds + warmup; round += 1) {
        h.tick();
        if (round % 2 === 0) sim.step();
        sim.requests.clear();
        const start = performance.now();
        await h.core.refreshNow();
        const ms = performance.now() - start;
        const answers = sim.requests.all();
        if (round < warmup) continue;
        // A round counts as "unchanged" only if every document came back 304.
        (answers.every((r) => r.status === 304) ? unchanged : changed).push(ms);
      }
    } finally {
      await h.close();
    }
    for (const [name, times] of [
      [`${label} poll, page changed (200, ${documents})`, changed],
      [`${label} poll, unchanged (304)`, unchanged],
    ] as const) {
      const section = 'poll round';
      const detail = `p95 ${percentile(times, 95).toFixed(2)} ms, ${times.length} rounds`;
      rows.push({ section, name: `${name} median`, value: median(times), unit: 'ms', detail, goal: { max: GOALS.medianMs, why: 'a poll round over local HTTP takes under 10 ms (median)' } });
      rows.push({ section, name: `${name} p95`, value: percentile(times, 95), unit: 'ms', goal: { max: GOALS.p95Ms, why: 'and under 25 ms for 95% of rounds' } });
    }
  }
  return rows;
}

// Months of polling in a couple of minutes: the core polls both simulated APIs once per round while
// the clock moves 60 s per round and the story cycles (an incident's life, then a flapping
// component). Heap after forced GC is sampled as it goes; what is kept must stay bounded.
import { promises as fs } from 'node:fs';
import type { FetchLike } from '../main/core/ports';
import { MAX_ANNOUNCED_KEYS } from '../main/core/state-store';
import { RESOLVED_INCIDENT_RETENTION_MS } from '../main/core/sources/carry';
import { INCIDENT_ID } from '../test/simulator/scenarios';
import type { Simulator } from '../test/simulator/server';
import { POLL_INTERVAL_MS, startHarness, type Harness } from './harness';
import type { Measurement } from './report';
import { settledHeapBytes, slope } from './stats';

/** One story cycle: an incident opens, is worked on and resolved; then a component flaps. */
const CYCLE_ROUNDS = 180;
const FLAPPING_FROM = 40;
const MB = 1024 * 1024;

export const GOALS = { heapGrowthMbPer1000: 1, heapSpreadMb: 4, stateFileKb: 1024 } as const;

/** Statuspage ids are 12 characters; keeping the length keeps Content-Length right. */
function incidentIdOf(cycle: number): string {
  return `bench${cycle.toString(36).padStart(7, '0')}`;
}

/**
 * The simulator tells the same incident (same id) every time; renaming it per cycle makes each
 * cycle a new incident, so only the 24 h retention can keep the list of incidents short.
 */
function distinctIncidents(cycle: () => number): (inner: FetchLike, sims: { statuspage: Simulator }) => FetchLike {
  return (inner, sims) => async (url, init) => {
    const response = await inner(url, init);
    if (!url.startsWith(sims.statuspage.url) || response.status !== 200) return response;
    const text = (await response.text()).replaceAll(INCIDENT_ID, incidentIdOf(cycle()));
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** A key as long as the real ones, from long before the run. */
function oldKey(index: number): string {
  const at = new Date(Date.parse('2023-06-01T00:00:00Z') + index * POLL_INTERVAL_MS).toISOString();
  return `service.changed|https://status.gandi.net|k466qqxbp2qr|degraded|operational|${at}`;
}

function advanceStory(h: Harness, round: number, onNewCycle: () => void): void {
  const offset = round % CYCLE_ROUNDS;
  const both = [h.statuspage, h.legacy];
  if (offset === 0) {
    onNewCycle();
    both.forEach((sim) => sim.setScenario('incident-life'));
  } else if (offset <= 3) {
    both.forEach((sim) => sim.step());
  } else if (offset === FLAPPING_FROM) {
    both.forEach((sim) => sim.setScenario('flapping'));
  } else if (offset > FLAPPING_FROM) {
    both.forEach((sim) => sim.step());
  }
}

export async function runLongRun(rounds: number): Promise<Measurement[]> {
  let cycle = 0;
  const h = await startHarness({
    scenario: 'all-clear',
    sources: ['statuspage', 'gandi-legacy'],
    wrapFetch: distinctIncidents(() => cycle),
    // An app that has run for months has a full list of announced keys: start there, so the heap
    // measured is the steady state and not the list filling up to its cap.
    previouslyAnnounced: Array.from({ length: MAX_ANNOUNCED_KEYS }, (_, i) => oldKey(i)),
  });
  const sampleEvery = Math.max(1, Math.floor(rounds / 40));
  const warmup = Math.min(300, Math.floor(rounds / 10));
  const samples: Array<{ x: number; y: number }> = [];
  let maxIncidents = 0;
  const started = Date.now();
  try {
    for (let round = 0; round < rounds; round += 1) {
      h.tick();
      advanceStory(h, round, () => (cycle += 1));
      await h.core.refreshNow();
      // The simulator logs every request for tests; that log is not the app's memory.
      h.statuspage.requests.clear();
      h.legacy.requests.clear();
      const incidents = h.core.getSnapshot().sources.find((s) => s.url === h.statuspage.url)?.incidents.length ?? 0;
      maxIncidents = Math.max(maxIncidents, incidents);
      if (round >= warmup && (round - warmup) % sampleEvery === 0) samples.push({ x: round, y: settledHeapBytes() });
    }
    samples.push({ x: rounds, y: settledHeapBytes() });
    const seconds = (Date.now() - started) / 1000;
    await h.core.stop(); // persists the final state
    const state: unknown = JSON.parse(await fs.readFile(h.stateFile, 'utf8'));
    const announced = typeof state === 'object' && state !== null && 'announced' in state && Array.isArray(state.announced) ? state.announced.length : Number.NaN;
    const stateKb = (await fs.stat(h.stateFile)).size / 1024;

    const first = samples[0]?.y ?? Number.NaN;
    const last = samples[samples.length - 1]?.y ?? Number.NaN;
    const perThousand = (slope(samples) * 1000) / MB;
    const heaps = samples.map((s) => s.y);
    const spread = (Math.max(...heaps) - Math.min(...heaps)) / MB;
    const hours = (rounds * POLL_INTERVAL_MS) / 3_600_000;
    // At most one incident per cycle survives the retention window, plus the one going on.
    const incidentBound = Math.ceil(RESOLVED_INCIDENT_RETENTION_MS / (CYCLE_ROUNDS * POLL_INTERVAL_MS)) + 2;
    const events = [...h.eventCounts].map(([type, n]) => `${type} ${n}`).join(', ');
    const section = 'long run';
    return [
      { section, name: `polls (2 sources, ${hours.toFixed(0)} h of 60 s polls)`, value: rounds, unit: 'rounds', detail: `${seconds.toFixed(1)} s, ${(rounds / seconds).toFixed(0)} rounds/s` },
      { section, name: 'heap after GC, start → end', value: last / MB, unit: 'MB', detail: `from ${(first / MB).toFixed(2)} MB after ${warmup} rounds; ${samples.length} samples` },
      {
        section,
        name: 'heap growth per 1000 polls (fit)',
        value: Math.max(0, perThousand),
        unit: 'MB',
        // Over a short run the JIT and caches still warming up dominate: no verdict then.
        ...(rounds - warmup >= 1000
          ? { detail: `raw slope ${perThousand.toFixed(3)} MB`, goal: { max: GOALS.heapGrowthMbPer1000, why: 'heap stays flat over days of polling' } }
          : { detail: 'run too short to judge (needs --rounds ≥ 1100)' }),
      },
      { section, name: 'heap spread (max − min)', value: spread, unit: 'MB', detail: 'announced keys are trimmed in batches: a small sawtooth', goal: { max: GOALS.heapSpreadMb, why: 'what is kept in memory stays bounded' } },
      { section, name: 'state file size', value: stateKb, unit: 'KB', goal: { max: GOALS.stateFileKb, why: 'the state file stays under 1 MB' } },
      { section, name: 'announced keys kept', value: announced, unit: 'keys', detail: events, goal: { max: MAX_ANNOUNCED_KEYS, why: 'announced keys are capped' } },
      { section, name: 'most incidents held at once (Statuspage)', value: maxIncidents, unit: 'incidents', detail: `incidents over the run: ${cycle}; resolved ones drop after 24 h`, goal: { max: incidentBound, why: 'resolved incidents are dropped after 24 h' } },
      ...(h.warnings.length > 0 ? [{ section, name: 'warnings', value: h.warnings.length, unit: '', detail: h.warnings[0] ?? '' }] : []),
    ];
  } finally {
    await h.close();
  }
}

// The soak: 2,100 poll cycles of two pages (Statuspage and Gandi's legacy API) over real HTTP, a
// virtual minute apart, through every scenario and every fault, with 3 restarts in the middle. The
// events must be exactly those of the same story told without faults or restarts (none missing,
// none repeated), plus one outage and one recovery per fault per page; no crash; and the heap
// after the run within 10 % of the heap after the first 100 cycles.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../common/model';
import { createFileStateStore } from '../../main/core/state-store';
import { createStatusCore, type StatusCore } from '../../main/core/status-core';
import { FAULTS, LIVES, type FaultName } from '../simulator/scenarios';
import { faultyPage, virtualTime, type FaultyPage, type VirtualTime } from './harness';

export const SOAK_CYCLES = 2_100;
const BLOCK = 60;
/** Cycles of a block at which each life's story takes a step (never during a fault). */
const STEPS: Record<(typeof LIVES)[number], number[]> = {
  'all-clear': [],
  'incident-life': [5, 10, 15],
  'maintenance-life': [5, 10],
  flapping: Array.from({ length: 14 }, (_, n) => 2 + 2 * n),
};
const FAULT_AT = 35;
const FAULT_CYCLES = 3;
/** Restarts happen where nothing is under way: after the fault's recovery, long after the last step. */
const RESTART_AT = [10 * BLOCK + 45, 20 * BLOCK + 45, 30 * BLOCK + 45];

interface Plan {
  life?: (typeof LIVES)[number];
  step: boolean;
  fault: FaultName | null;
}

function planOf(cycle: number): Plan {
  const block = Math.floor(cycle / BLOCK);
  const offset = cycle % BLOCK;
  const life = LIVES[block % LIVES.length] ?? 'all-clear';
  const faulty = offset >= FAULT_AT && offset < FAULT_AT + FAULT_CYCLES;
  return {
    ...(offset === 0 ? { life } : {}),
    step: STEPS[life].includes(offset),
    fault: faulty ? (FAULTS[block % FAULTS.length] ?? null) : null,
  };
}

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface RunResult {
  keys: string[];
  /** What the checks need of each event (the rest is let go, so the heap measures the app). */
  events: Array<Pick<ChangeEvent, 'type' | 'sourceUrl' | 'key'>>;
  heapAt100: number;
  heapAtEnd: number;
  ms: number;
  requests: number;
  warnings: string[];
}

async function run(options: { faults: boolean; restarts: boolean; dir: string }): Promise<RunResult> {
  const vt: VirtualTime = virtualTime();
  const pages: FaultyPage[] = [await faultyPage('all-clear', vt.now, { stallMs: 500, hugeBytes: 6 * 1024 * 1024 }), await faultyPage('all-clear', vt.now, { stallMs: 500, hugeBytes: 6 * 1024 * 1024 })];
  const stateFile = path.join(options.dir, `soak-${options.faults ? 'faults' : 'reference'}.json`);
  const events: RunResult['events'] = [];
  const warnings: string[] = [];
  const start = (): StatusCore => {
    const core = createStatusCore({
      sources: [
        { url: pages[0]?.url ?? '', kind: 'statuspage' },
        { url: pages[1]?.url ?? '', kind: 'gandi-legacy' },
      ],
      fetch: (url, init) => (url.startsWith(pages[0]?.url ?? '-') ? pages[0]!.fetch(url, init) : pages[1]!.fetch(url, init)),
      now: vt.now,
      timers: vt.timers,
      httpTimeoutMs: 250,
      store: createFileStateStore(stateFile, { onWarning: (m) => warnings.push(m) }),
      onWarning: (m) => warnings.push(m),
    });
    core.subscribe((update) => {
      for (const { type, sourceUrl, key } of update.events) events.push({ type, sourceUrl, key });
    });
    return core;
  };
  let core = start();
  await core.start();
  let heapAt100 = 0;
  let requests = 0;
  const began = performance.now();
  for (let cycle = 0; cycle < SOAK_CYCLES; cycle += 1) {
    const plan = planOf(cycle);
    for (const page of pages) {
      if (plan.life) page.story.setScenario(plan.life);
      if (plan.step) page.story.step();
      page.setFault(options.faults ? plan.fault : null);
    }
    if (options.restarts && RESTART_AT.includes(cycle)) {
      await core.stop();
      core = start();
      await core.start();
    }
    await core.refreshNow();
    vt.advance(60_000);
    // The simulators' own request logs are the test's, not the app's: counted, then let go.
    for (const page of pages) {
      requests += page.story.requests.count() + page.faulty.requests.count();
      page.story.requests.clear();
      page.faulty.requests.clear();
    }
    if (cycle === 99) heapAt100 = heapAfterGc();
  }
  const ms = performance.now() - began;
  await core.stop();
  await Promise.all(pages.map((page) => page.close()));
  const heapAtEnd = heapAfterGc();
  // Keys name the pages by address; the two runs' simulators have their own ports.
  const named = (key: string): string => pages.reduce((text, page, index) => text.split(page.url).join(`page${index}`), key);
  return { keys: events.map((event) => named(event.key)), events, heapAt100, heapAtEnd, ms, requests, warnings };
}

let dir: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'soak-'));
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await fs.rm(dir, { recursive: true, force: true });
});

const isHealth = (event: Pick<ChangeEvent, 'type'>): boolean => event.type === 'source.unreachable' || event.type === 'source.recovered';

describe('soak', () => {
  it(`${SOAK_CYCLES} poll cycles through every scenario and fault, 3 restarts: exactly the expected events, flat heap`, async () => {
    const reference = await run({ faults: false, restarts: false, dir });
    const soak = await run({ faults: true, restarts: true, dir });

    const story = soak.keys.filter((_, index) => !isHealth(soak.events[index]!));
    expect(reference.events.filter(isHealth)).toEqual([]);
    // The same events; the order within a cycle may differ (a page that recovers reports first).
    expect([...story].sort()).toEqual([...reference.keys].sort());
    expect(new Set(soak.keys).size).toBe(soak.keys.length);

    const faultSegments = Array.from({ length: SOAK_CYCLES }, (_, cycle) => cycle).filter((cycle) => cycle % BLOCK === FAULT_AT).length;
    for (const kind of ['source.unreachable', 'source.recovered'] as const) {
      const perSource = new Map<string, number>();
      for (const event of soak.events) if (event.type === kind) perSource.set(event.sourceUrl, (perSource.get(event.sourceUrl) ?? 0) + 1);
      expect([...perSource.values()]).toEqual([faultSegments, faultSegments]);
    }
    expect(unhandled).toEqual([]);
    expect(soak.warnings.filter((w) => !/left out/.test(w))).toEqual([]);
    const growth = (soak.heapAtEnd - soak.heapAt100) / soak.heapAt100;
    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `soak: ${SOAK_CYCLES} cycles x 2 pages in ${(soak.ms / 1000).toFixed(1)} s (reference ${(reference.ms / 1000).toFixed(1)} s), ` +
        `${soak.requests} requests, ${soak.events.length} events (${story.length} story, ${soak.events.length - story.length} health), ` +
        `${faultSegments} fault segments, 3 restarts; heap after 100 cycles ${mb(soak.heapAt100)} MB, after the run ${mb(soak.heapAtEnd)} MB (${(growth * 100).toFixed(1)} %)`,
    );
    expect(Math.abs(growth)).toBeLessThan(0.1);
  }, 300_000);
});

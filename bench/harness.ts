// A status core polling local simulators over real HTTP, with a clock the benchmark moves by hand
// (one poll interval per round) so hours and days of the app's life pass in seconds.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreUpdate } from '../common/model';
import type { PollerTimers } from '../main/core/poller';
import type { FetchLike, PersistedState, SourceConfig } from '../main/core/ports';
import { createFileStateStore } from '../main/core/state-store';
import { createStatusCore, type StatusCore } from '../main/core/status-core';
import { startSimulator, type ScenarioName, type Simulator } from '../test/simulator/server';

export const POLL_INTERVAL_MS = 60_000;

/** Rounds are driven by refreshNow() alone: the poller's own timers never fire. */
const idleTimers: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

export interface Harness {
  core: StatusCore;
  statuspage: Simulator;
  legacy: Simulator;
  stateFile: string;
  /** Moves the shared clock on by one poll interval. */
  tick(): void;
  now(): Date;
  warnings: string[];
  /** Events announced so far, by type. */
  eventCounts: Map<string, number>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  scenario: ScenarioName;
  /** Which of the two simulated APIs the core polls. */
  sources: Array<'statuspage' | 'gandi-legacy'>;
  /** Lets a benchmark rewrite answers on the way in (kept out of the core's code). */
  wrapFetch?: (fetch: FetchLike, sims: { statuspage: Simulator; legacy: Simulator }) => FetchLike;
  /** Keys a previous run already announced, written to the state file before the core starts. */
  previouslyAnnounced?: string[];
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  let time = Date.parse('2024-03-01T00:00:00Z');
  const now = (): Date => new Date(time);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-bench-'));
  const stateFile = path.join(dir, 'state.json');
  if (options.previouslyAnnounced) {
    const state: PersistedState = { version: 1, snapshots: [], announced: options.previouslyAnnounced };
    await fs.writeFile(stateFile, JSON.stringify(state));
  }
  // Two simulators, so both API adapters run side by side, each with its own URL.
  const statuspage = await startSimulator({ scenario: options.scenario, now });
  const legacy = await startSimulator({ scenario: options.scenario, now });
  const plainFetch: FetchLike = (url, init) => fetch(url, init);
  const sources: SourceConfig[] = options.sources.map((kind) => ({ url: kind === 'statuspage' ? statuspage.url : legacy.url, kind }));
  const warnings: string[] = [];
  const core = createStatusCore({
    sources,
    fetch: options.wrapFetch ? options.wrapFetch(plainFetch, { statuspage, legacy }) : plainFetch,
    now,
    store: createFileStateStore(stateFile, { onWarning: (m) => warnings.push(m) }),
    timers: idleTimers,
    httpTimeoutMs: 5000,
    onWarning: (m) => warnings.push(m),
  });
  const eventCounts = new Map<string, number>();
  core.subscribe((update: CoreUpdate) => {
    for (const event of update.events) eventCounts.set(event.type, (eventCounts.get(event.type) ?? 0) + 1);
  });
  await core.start();
  return {
    core,
    statuspage,
    legacy,
    stateFile,
    tick: () => {
      time += POLL_INTERVAL_MS;
    },
    now,
    warnings,
    eventCounts,
    close: async () => {
      await core.stop();
      await Promise.all([statuspage.close(), legacy.close()]);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

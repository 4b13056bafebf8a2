// The core against the simulator over real HTTP. Polling is driven by refreshNow() only: the
// poller's own timers are replaced by ones that never fire, so each round is deliberate.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, CoreUpdate } from '../../../common/model';
import type { PollerTimers } from '../../../main/core/poller';
import type { StateStore } from '../../../main/core/ports';
import { createFileStateStore } from '../../../main/core/state-store';
import { NOT_REFRESHED_YET, createStatusCore, type StatusCoreOptions } from '../../../main/core/status-core';
import { startSimulator, type ScenarioName, type Simulator } from '../../simulator/server';

const idleTimers: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

let dir: string;
let sims: Simulator[] = [];
let stateFile: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'status-core-'));
  stateFile = path.join(dir, 'state.json');
  sims = [];
});
afterEach(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

async function simulator(scenario: ScenarioName): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, scenario });
  sims.push(sim);
  return sim;
}

/** A core on the given simulators, recording every update; `store` defaults to the shared state file. */
function core(urls: string[], extra: Partial<StatusCoreOptions> = {}) {
  const updates: CoreUpdate[] = [];
  const warnings: string[] = [];
  const store: StateStore = extra.store ?? createFileStateStore(stateFile, { onWarning: (m) => warnings.push(m) });
  const service = createStatusCore({
    sources: urls.map((url) => ({ url })),
    fetch: (url, init) => fetch(url, init),
    timers: idleTimers,
    httpTimeoutMs: 3000,
    onWarning: (m) => warnings.push(m),
    ...extra,
    store,
  });
  service.subscribe((update) => updates.push(update));
  /** Runs one poll round and returns the types of the events it announced. */
  const round = async (): Promise<string[]> => {
    const before = updates.length;
    await service.refreshNow();
    return updates.slice(before).flatMap((update) => update.events.map((event) => event.type));
  };
  return { service, updates, warnings, round };
}

describe('createStatusCore', () => {
  it('announces what is ongoing at first, then each change once', async () => {
    const sim = await simulator('incident-life');
    const { service, updates, round } = core([sim.url]);
    expect(service.getSnapshot().overall).toBe('unknown');
    await service.start();
    expect(await round()).toEqual(['incident.opened']);
    const snapshot = service.getSnapshot();
    expect(snapshot.overall).toBe('major_outage');
    expect(snapshot.sources[0]).toMatchObject({ url: sim.url, stale: false, error: null });
    const opened = updates.at(-1)?.events[0];
    expect(opened).toMatchObject({ type: 'incident.opened', sourceUrl: sim.url, status: 'investigating' });

    expect(await round()).toEqual([]);
    sim.step(); // identified
    expect(await round()).toEqual(['incident.updated']);
    sim.step(); // monitoring: the component goes from major outage to degraded
    expect((await round()).sort()).toEqual(['incident.updated', 'overall.changed', 'service.changed']);
    const overall = updates.at(-1)?.events.find((event) => event.type === 'overall.changed');
    // The page's own indicator may keep the level above the component's (worst of both).
    expect(overall).toMatchObject({ from: 'major_outage', to: service.getSnapshot().overall });
    expect(service.getSnapshot().overall).not.toBe('major_outage');
    sim.step(); // resolved
    const resolvedRound = await round();
    expect(resolvedRound).toContain('incident.resolved');
    expect(resolvedRound).toContain('overall.changed');
    expect(service.getSnapshot().overall).toBe('operational');
    await service.stop();
  });

  it('after a restart with the same state: shows the last data at once, re-announces nothing', async () => {
    const sim = await simulator('incident-life');
    const first = core([sim.url]);
    await first.service.start();
    expect(await first.round()).toEqual(['incident.opened']);
    await first.service.stop();

    const second = core([sim.url]);
    await second.service.start();
    const before = second.service.getSnapshot();
    expect(before.overall).toBe('major_outage');
    expect(before.sources[0]).toMatchObject({ stale: true, error: NOT_REFRESHED_YET, problem: { reason: 'not-refreshed' } });
    expect(await second.round()).toEqual([]);
    expect(second.service.getSnapshot().sources[0]?.stale).toBe(false);
    await second.service.stop();
  });

  it('announces once what changed while it was closed', async () => {
    const sim = await simulator('incident-life');
    const first = core([sim.url]);
    await first.service.start();
    await first.round();
    await first.service.stop();

    sim.step();
    sim.step(); // monitoring, while nobody is looking

    const second = core([sim.url]);
    await second.service.start();
    expect((await second.round()).sort()).toEqual(['incident.updated', 'overall.changed', 'service.changed']);
    expect(await second.round()).toEqual([]);
    await second.service.stop();

    const third = core([sim.url]);
    await third.service.start();
    expect(await third.round()).toEqual([]);
    await third.service.stop();
  });

  it('says a source is unreachable after 2 failures in a row, once, then recovered once', async () => {
    const sim = await simulator('all-clear');
    const { service, updates, round } = core([sim.url]);
    await service.start();
    expect(await round()).toEqual([]);
    expect(service.getSnapshot().overall).toBe('operational');

    sim.setScenario('error-500');
    expect(await round()).toEqual([]);
    // One failure: the last good data stays, marked stale, and the level does not move.
    expect(service.getSnapshot().sources[0]).toMatchObject({ stale: true, overall: 'operational' });
    expect(service.getSnapshot().sources[0]?.error).toMatch(/500/);
    // The same as data, for the windows to translate.
    const problem = { reason: 'http', case: null, host: new URL(sim.url).host, status: 500, retryAfterSeconds: null, limit: null, detail: null };
    expect(service.getSnapshot().sources[0]?.problem).toEqual(problem);
    expect(await round()).toEqual(['source.unreachable']);
    expect(updates.at(-1)?.events[0]).toMatchObject({ type: 'source.unreachable', sourceUrl: sim.url, problem });
    expect(await round()).toEqual([]);
    sim.setScenario('invalid-json');
    expect(await round()).toEqual([]);

    sim.setScenario('all-clear');
    expect(await round()).toEqual(['source.recovered']);
    expect(updates.at(-1)?.events[0]).toMatchObject({ type: 'source.recovered', error: null, problem: null });
    expect(await round()).toEqual([]);
    expect(service.getSnapshot().sources[0]).toMatchObject({ stale: false, error: null, problem: null });
    await service.stop();
  });

  it('never calls a one-off failure a recovery, and never announces "resolved" because the page is down', async () => {
    const sim = await simulator('incident-life');
    const { service, round } = core([sim.url]);
    await service.start();
    await round();
    sim.setScenario('html-error');
    expect(await round()).toEqual([]);
    sim.setScenario('incident-life');
    // Back: only the story itself (restarted by the simulator) may be news, never a recovery.
    const back = await round();
    expect(back).not.toContain('source.recovered');
    expect(back).not.toContain('incident.resolved');
    await service.stop();
  });

  it('keeps serving the other subscribers when one throws', async () => {
    const sim = await simulator('incident-life');
    const { service, updates, warnings, round } = core([sim.url]);
    service.subscribe(() => {
      throw new Error('broken window');
    });
    const late: ChangeEvent[] = [];
    service.subscribe((update) => late.push(...update.events));
    await service.start();
    expect(await round()).toEqual(['incident.opened']);
    expect(late.map((event) => event.type)).toEqual(['incident.opened']);
    expect(warnings.some((w) => w.includes('broken window'))).toBe(true);
    sim.step();
    expect(await round()).toEqual(['incident.updated']);
    expect(updates).toHaveLength(2); // one update per poll result, the thrower notwithstanding
    await service.stop();
  });

  it('reminds once of a maintenance about to start', async () => {
    const sim = await simulator('maintenance-life'); // starts 2 h after the scenario starts
    const inSeventyMinutes = () => new Date(Date.now() + 70 * 60_000);
    const { service, round } = core([sim.url], { now: inSeventyMinutes, reminderMinutes: 60 });
    await service.start();
    expect((await round()).sort()).toEqual(['maintenance.reminder', 'maintenance.scheduled']);
    expect(await round()).toEqual([]);
    sim.step();
    expect(await round()).toContain('maintenance.started');
    await service.stop();
  });

  it('takes a new reminder delay in place, from the next poll on', async () => {
    const sim = await simulator('maintenance-life'); // starts 2 h after the scenario starts
    const inSeventyMinutes = () => new Date(Date.now() + 70 * 60_000);
    const { service, round } = core([sim.url], { now: inSeventyMinutes, reminderMinutes: 30 });
    await service.start();
    // 50 minutes before the start: not yet for a 30-minute reminder.
    expect(await round()).toEqual(['maintenance.scheduled']);
    service.setReminderMinutes(60);
    expect(await round()).toEqual(['maintenance.reminder']);
    await service.stop();
  });

  it('changes its sources at run time, without calling that a change of status', async () => {
    const calm = await simulator('all-clear');
    const stormy = await simulator('incident-life');
    const { service, round } = core([calm.url]);
    await service.start();
    await round();
    await service.updateSources([{ url: calm.url }, { url: `${stormy.url}/`, kind: 'gandi-legacy' }]);
    expect(service.getSnapshot().sources.map((s) => s.url)).toEqual([calm.url, stormy.url]);
    const added = await round();
    expect(added).toContain('incident.opened');
    expect(added).not.toContain('overall.changed');
    expect(service.getSnapshot().sources[1]?.kind).toBe('gandi-legacy');
    expect(service.getSnapshot().overall).toBe('major_outage');

    await service.updateSources([{ url: calm.url }]);
    expect(service.getSnapshot().sources.map((s) => s.url)).toEqual([calm.url]);
    expect(service.getSnapshot().overall).toBe('operational');
    expect(await round()).toEqual([]);
    await service.stop();
  });

  it('starts fresh, with a warning, from a corrupted state file', async () => {
    await fs.writeFile(stateFile, '{"version":1,');
    const sim = await simulator('incident-life');
    const { service, warnings, round } = core([sim.url]);
    await service.start();
    expect(warnings.some((w) => /unusable/.test(w))).toBe(true);
    expect(await round()).toEqual(['incident.opened']);
    await service.stop();
    const saved = JSON.parse(await fs.readFile(stateFile, 'utf8')) as { announced: string[] };
    expect(saved.announced.some((key) => key.startsWith('incident.opened|'))).toBe(true);
  });

  it('ignores an unusable source URL with a warning and still serves the others', async () => {
    const sim = await simulator('all-clear');
    const { service, warnings, round } = core(['ftp://example.test', sim.url]);
    expect(service.getSnapshot().sources.map((s) => s.url)).toEqual([sim.url]);
    expect(warnings.some((w) => w.includes('ftp://example.test'))).toBe(true);
    await service.start();
    await round();
    expect(service.getSnapshot().overall).toBe('operational');
    await service.stop();
  });
});

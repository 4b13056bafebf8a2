// Every format over real HTTP: the simulator tells one story in each format (under its prefix), the
// real poller reads each page as a user would add it (kind auto, detected), and the real differ
// says what would be announced. An incident's whole life, a maintenance's life, flapping and
// faults, per format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, SourceKind, SourceSnapshot } from '../../../common/model';
import { diffSource } from '../../../main/core/differ';
import { createHttpClient } from '../../../main/core/http';
import { createPoller, type Poller, type PollResult } from '../../../main/core/poller';
import { createSource } from '../../../main/core/sources';
import { INCIDENT_COMPONENT, type ScenarioName } from '../../simulator/scenarios';
import { FORMAT_PREFIXES, type FormatPrefix } from '../../simulator/formats';
import { startSimulator, type Simulator } from '../../simulator/server';

const KIND: Record<FormatPrefix, SourceKind> = {
  'incident-io': 'incident-io',
  instatus: 'instatus',
  betterstack: 'betterstack',
  cachet2: 'cachet',
  cachet3: 'cachet',
  statusio: 'statusio',
  feed: 'feed',
};

let sim: Simulator;
let poller: Poller;
const results: PollResult[] = [];
/** Per page: the last good snapshot, and what the differ said along the way. */
const last = new Map<string, SourceSnapshot>();
const events = new Map<string, ChangeEvent[]>();

const urlOf = (prefix: FormatPrefix): string => `${sim.url}/${prefix}`;

function good(prefix: FormatPrefix): SourceSnapshot {
  const result = results.filter((r) => r.url === urlOf(prefix)).at(-1);
  if (!result?.ok) throw new Error(`expected a good poll of ${prefix}, got: ${result && !result.ok ? result.error : 'none'}`);
  return result.snapshot;
}

async function poll(): Promise<void> {
  await poller.refreshNow();
}

function announced(prefix: FormatPrefix): string[] {
  return (events.get(urlOf(prefix)) ?? []).filter((e) => !e.type.startsWith('service.') && !e.type.startsWith('overall.')).map((e) => e.type);
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'all-clear', stallMs: 3_000 });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await poller?.stop();
  sim.setScenario('all-clear');
  results.length = 0;
  last.clear();
  events.clear();
  const http = createHttpClient({ fetch: globalThis.fetch, timeoutMs: 800 });
  const now = (): Date => new Date();
  poller = createPoller({
    targets: FORMAT_PREFIXES.map((prefix) => ({ target: createSource({ url: urlOf(prefix), kind: 'auto' }, { http, now }) })),
    now,
    onResult: (result) => {
      results.push(result);
      if (!result.ok) return;
      const previous = last.get(result.url) ?? null;
      events.set(result.url, [...(events.get(result.url) ?? []), ...diffSource(previous, result.snapshot, new Date())]);
      last.set(result.url, result.snapshot);
    },
  });
  await poll();
});

describe.each(FORMAT_PREFIXES)('%s against the simulator', (prefix) => {
  it('is detected and read all clear, then re-read with conditional requests', async () => {
    const snapshot = good(prefix);
    expect(snapshot).toMatchObject({ kind: KIND[prefix], overall: 'operational', stale: false, incidents: [] });
    if (prefix !== 'feed') expect(snapshot.services.length).toBeGreaterThan(15);
    sim.requests.clear();
    await poll();
    expect(good(prefix).services).toEqual(snapshot.services);
    const mine = sim.requests.all().filter((r) => r.path.startsWith(`/${prefix}/`) || r.path.startsWith(`/${prefix}?`));
    expect(mine.length).toBeGreaterThan(0);
    // Nothing changed: every document came back 304 (not detected again, nothing re-read).
    expect(mine.map((r) => r.status).every((s) => s === 304), JSON.stringify(mine.map((r) => [r.path, r.status]))).toBe(true);
  });

  it("follows an incident's whole life up to its resolution, announcing each stage once", async () => {
    sim.setScenario('incident-life');
    const stages = ['investigating', 'identified', 'monitoring'];
    for (const [index, stage] of stages.entries()) {
      if (index > 0) sim.step();
      await poll();
      const snapshot = good(prefix);
      const open = snapshot.incidents.filter((i) => i.status !== 'resolved');
      expect(open.map((i) => i.title)).toEqual(['Web hosting unreachable on FR-SD5']);
      const [incident] = open;
      // Better Stack has no stages and a feed may state none: an open incident, whatever its word.
      if (prefix === 'betterstack') expect(incident?.status).toBe('investigating');
      else expect(incident?.status).toBe(stage);
      if (prefix !== 'feed') {
        const service = snapshot.services.find((s) => incident?.services.includes(s.id));
        expect(service?.name).toBe(INCIDENT_COMPONENT.name);
      }
      expect(snapshot.overall).not.toBe('operational');
    }
    sim.step();
    await poll();
    const resolved = good(prefix);
    expect(resolved.incidents.map((i) => [i.title, i.status])).toEqual([['Web hosting unreachable on FR-SD5', 'resolved']]);
    expect(resolved.incidents[0]?.resolvedAt).not.toBeNull();
    expect(resolved.overall).toBe('operational');

    const said = announced(prefix);
    expect(said[0]).toBe('incident.opened');
    expect(said.at(-1)).toBe('incident.resolved');
    expect(said.filter((t) => t === 'incident.resolved')).toHaveLength(1);
    // One more poll: nothing new is said.
    const before = (events.get(urlOf(prefix)) ?? []).length;
    await poll();
    expect((events.get(urlOf(prefix)) ?? []).length).toBe(before);
  });

  it("follows a maintenance's life", async () => {
    sim.setScenario('maintenance-life');
    const seen: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      if (step > 0) sim.step();
      await poll();
      seen.push(good(prefix).maintenances.map((m) => m.status).join() || 'none');
    }
    expect(seen).toEqual(['scheduled', 'in_progress', 'completed']);
    expect(good(prefix).maintenances[0]?.title).toBe('Storage upgrade on IAAS FR-SD3');
  });

  it.skipIf(prefix === 'feed')('sees a flapping component flap', async () => {
    sim.setScenario('flapping');
    const levels: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      if (step > 0) sim.step();
      await poll();
      levels.push(good(prefix).services.find((s) => s.name === 'LiveDNS')?.status ?? 'missing');
    }
    expect(levels).toEqual(['degraded', 'operational', 'degraded']);
  });

  it.each<[ScenarioName, RegExp]>([
    ['error-500', /HTTP 500/],
    ['html-error-200', /web page instead of JSON|not an RSS or Atom feed|does not name a status\.io page id/],
    ['invalid-json', /not valid JSON|not an RSS or Atom feed|does not name a status\.io page id/],
    ['truncated', /cut short/],
  ])('keeps the last good picture, marked stale, through %s, then recovers', async (fault, message) => {
    const before = good(prefix);
    sim.setScenario(fault);
    await poll();
    const failed = results.filter((r) => r.url === urlOf(prefix)).at(-1);
    expect(failed?.ok).toBe(false);
    expect(failed && !failed.ok ? failed.error : '').toMatch(message);
    expect(failed?.snapshot).toMatchObject({ stale: true, kind: KIND[prefix], fetchedAt: before.fetchedAt });
    sim.setScenario('all-clear');
    await poll();
    expect(good(prefix)).toMatchObject({ stale: false, kind: KIND[prefix], overall: 'operational' });
  });
});

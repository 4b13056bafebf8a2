// The poller over real HTTP: real sources, Node's fetch, the simulator. No mocked fetch here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../main/core/http';
import { createPoller, type Poller, type PollResult } from '../../../main/core/poller';
import { createSource } from '../../../main/core/sources';
import type { SourceSnapshot } from '../../../common/model';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { ScenarioName } from '../../simulator/scenarios';

const HTTP_TIMEOUT_MS = 600;

let statuspageSim: Simulator;
let legacySim: Simulator;
let poller: Poller;
let results: PollResult[];

function latest(url: string): PollResult {
  const found = results.filter((r) => r.url === url).at(-1);
  if (!found) throw new Error(`no result for ${url}`);
  return found;
}

function good(url: string): SourceSnapshot {
  const result = latest(url);
  if (!result.ok) throw new Error(`expected a good poll of ${url}, got: ${result.error}`);
  return result.snapshot;
}

function both(scenario: ScenarioName): void {
  statuspageSim.setScenario(scenario);
  legacySim.setScenario(scenario);
}

beforeEach(async () => {
  // Two simulators so each API is its own source (the poller keys sources by URL).
  statuspageSim = await startSimulator({ scenario: 'all-clear', stallMs: 5_000 });
  legacySim = await startSimulator({ scenario: 'all-clear', stallMs: 5_000 });
  const http = createHttpClient({ fetch: globalThis.fetch, timeoutMs: HTTP_TIMEOUT_MS });
  const now = (): Date => new Date();
  results = [];
  poller = createPoller({
    targets: [
      { target: createSource({ url: statuspageSim.url, kind: 'auto' }, { http, now }) },
      { target: createSource({ url: legacySim.url, kind: 'gandi-legacy' }, { http, now }) },
    ],
    now,
    onResult: (result) => results.push(result),
  });
});

afterEach(async () => {
  await poller.stop();
  await Promise.all([statuspageSim.close(), legacySim.close()]);
});

describe('poller over HTTP against the simulator', () => {
  it('reads both APIs, then polls again with conditional requests that meet real 304s', async () => {
    await poller.refreshNow();
    const statuspage = good(statuspageSim.url);
    expect(statuspage).toMatchObject({ kind: 'statuspage', overall: 'operational', stale: false, incidents: [] });
    expect(statuspage.services.length).toBeGreaterThan(15);
    const legacy = good(legacySim.url);
    expect(legacy).toMatchObject({ kind: 'gandi-legacy', overall: 'operational' });
    expect(legacy.services.map((s) => s.name)).toContain('PAAS');

    await poller.refreshNow();
    const summaries = statuspageSim.requests.forPath('/api/v2/summary.json');
    expect(summaries.at(-1)).toMatchObject({ status: 304, ifNoneMatch: summaries.at(-2)?.etag });
    // The upcoming maintenances' URL names only the day, so it meets 304s too.
    const legacyPaths = ['/api/status', '/api/services', '/api/events?current=true', '/api/events?category=Maintenance'];
    for (const path of legacyPaths) {
      const answers = legacySim.requests.all().filter((r) => r.path === path || r.path.startsWith(`${path}&`));
      expect(answers.map((r) => r.status), path).toEqual([200, 304]);
    }
    // A 304 reuses the last document: same picture, freshly dated.
    expect(good(statuspageSim.url).services).toEqual(statuspage.services);
    expect(good(legacySim.url).services).toEqual(legacy.services);
  });

  it('follows an incident through its life in both APIs, up to a confirmed resolution', async () => {
    await poller.refreshNow();
    both('incident-life');
    const phases = [
      ['investigating', 'major_outage'],
      ['identified', 'major_outage'],
      ['monitoring', 'degraded'],
    ] as const;
    for (const [index, [status, level]] of phases.entries()) {
      if (index > 0) {
        statuspageSim.step();
        legacySim.step();
      }
      await poller.refreshNow();
      const snapshot = good(statuspageSim.url);
      const [incident] = snapshot.incidents;
      expect(incident).toMatchObject({ status, title: 'Web hosting unreachable on FR-SD5' });
      expect(incident?.updates).toHaveLength(index + 1);
      expect(snapshot.services.find((s) => s.name === 'PAAS FR-SD5')?.status).toBe(level);
      const legacy = good(legacySim.url);
      expect(legacy.incidents.map((i) => i.title)).toEqual(['Web hosting unreachable on FR-SD5']);
      expect(legacy.services.find((s) => s.name === 'PAAS')?.status).toBe(level);
    }

    statuspageSim.step();
    legacySim.step();
    statuspageSim.requests.clear();
    await poller.refreshNow();
    const resolved = good(statuspageSim.url);
    expect(resolved.overall).toBe('operational');
    expect(resolved.incidents[0]?.status).toBe('resolved');
    expect(resolved.incidents[0]?.updates.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'identified', 'investigating']);
    expect(resolved.incidents[0]?.resolvedAt).not.toBeNull();
    // It left the summary, so its end was confirmed from incidents.json.
    expect(statuspageSim.requests.forPath('/api/v2/incidents.json')).not.toHaveLength(0);
    const legacy = good(legacySim.url);
    expect(legacy.overall).toBe('operational');
    expect(legacy.incidents.map((i) => [i.title, i.status])).toEqual([['Web hosting unreachable on FR-SD5', 'resolved']]);
    expect(legacySim.requests.forPath('/api/events/8').map((r) => r.status)).toContain(200);
  });

  it('follows a maintenance from scheduled to completed', async () => {
    both('maintenance-life');
    const seen: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      if (step > 0) {
        statuspageSim.step();
        legacySim.step();
      }
      await poller.refreshNow();
      const snapshot = good(statuspageSim.url);
      const legacy = good(legacySim.url);
      const statuses = (s: SourceSnapshot): string => s.maintenances.map((m) => m.status).join();
      seen.push(`${statuses(snapshot)}/${snapshot.overall} ${statuses(legacy)}/${legacy.overall}`);
    }
    // The legacy API sees it ahead too, through its upcoming list.
    expect(seen).toEqual([
      'scheduled/operational scheduled/operational',
      'in_progress/maintenance in_progress/maintenance',
      'completed/operational completed/operational',
    ]);
    expect(good(statuspageSim.url).maintenances[0]?.title).toBe('Storage upgrade on IAAS FR-SD3');
  });

  it('keeps the last good snapshot, marked stale, while the server fails, then recovers', async () => {
    await poller.refreshNow();
    const before = good(statuspageSim.url);
    both('error-500');
    await poller.refreshNow();
    const failed = latest(statuspageSim.url);
    expect(failed).toMatchObject({ ok: false, consecutiveFailures: 1 });
    expect(failed.ok ? '' : failed.error).toMatch(/500/);
    expect(failed.snapshot).toMatchObject({ stale: true, overall: 'operational', fetchedAt: before.fetchedAt });
    expect(failed.snapshot.services).toEqual(before.services);
    expect(latest(legacySim.url)).toMatchObject({ ok: false, snapshot: { stale: true, kind: 'gandi-legacy' } });

    both('all-clear');
    await poller.refreshNow();
    expect(latest(statuspageSim.url)).toMatchObject({ ok: true, snapshot: { stale: false, error: null } });
    expect(poller.consecutiveFailures(statuspageSim.url)).toBe(0);
  });

  it('honours Retry-After: no request reaches a rate-limited server before it allows', async () => {
    await poller.refreshNow();
    statuspageSim.setScenario('rate-limited');
    statuspageSim.requests.clear();
    await poller.refreshNow();
    const limited = latest(statuspageSim.url);
    expect(limited.ok ? '' : limited.error).toMatch(/429.*retry after 2 s/);
    expect(statuspageSim.requests.count()).toBe(1);

    await poller.refreshNow();
    expect(statuspageSim.requests.count()).toBe(1);
    expect(poller.consecutiveFailures(statuspageSim.url)).toBe(1);
    // The other source is not held back by it.
    expect(legacySim.requests.forPath('/api/status')).toHaveLength(3);
  });

  it('turns each fault into a stale result that never claims all clear', async () => {
    // An explicit kind, so the error is the fault's own and not the API detection's.
    const http = createHttpClient({ fetch: globalThis.fetch, timeoutMs: HTTP_TIMEOUT_MS });
    const now = (): Date => new Date();
    const explicit = createPoller({
      targets: [{ target: createSource({ url: statuspageSim.url, kind: 'statuspage' }, { http, now }) }],
      now,
      onResult: (result) => results.push(result),
    });
    const faults: Array<[ScenarioName, RegExp]> = [
      ['invalid-json', /not valid JSON/],
      ['html-error', /HTTP 502/],
      ['html-error-200', /web page instead of JSON/],
      ['truncated', /cut short/],
      ['huge', /more than 5120 KB/],
      ['error-500', /HTTP 500/],
      // Last: its Retry-After holds the source back from the next round.
      ['unavailable', /HTTP 503 \(retry after 3 s\)/],
    ];
    for (const [scenario, message] of faults) {
      statuspageSim.setScenario(scenario);
      results = [];
      await explicit.refreshNow();
      const result = latest(statuspageSim.url);
      expect(result.ok, scenario).toBe(false);
      expect(result.ok ? '' : result.error, scenario).toMatch(message);
      // Nothing good was ever fetched: the placeholder says unknown, not operational.
      expect(result.snapshot, scenario).toMatchObject({ overall: 'unknown', fetchedAt: null, stale: true });
    }
    await explicit.stop();
  });

  it('a stalled server times out without delaying the other source', async () => {
    legacySim.setScenario('stall');
    const started = Date.now();
    await poller.refreshNow();
    expect(Date.now() - started).toBeLessThan(HTTP_TIMEOUT_MS + 1_500);
    expect(results.map((r) => [r.url, r.ok])).toEqual([
      [statuspageSim.url, true],
      [legacySim.url, false],
    ]);
    const stalled = latest(legacySim.url);
    expect(stalled.ok ? '' : stalled.error).toMatch(/no answer .* within 0\.6 s/);
  });
});

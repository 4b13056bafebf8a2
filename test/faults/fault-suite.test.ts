// Every fault the simulator has, against each API, over real HTTP, with the poller's own schedule on
// a virtual clock: the last good picture is kept and marked stale, the outage is announced once and
// its end once, nothing else is derived from the fault, and back-off holds (requests counted).
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, CoreUpdate } from '../../common/model';
import { createStatusCore, type StatusCore } from '../../main/core/status-core';
import { FAULTS, type FaultName } from '../simulator/scenarios';
import { faultyPage, virtualTime, type FaultyPage, type VirtualTime } from './harness';

const MINUTE = 60_000;
const INTERVAL_S = 60;
/** Polls a 30-minute fault may see at most: back-off from 1 min doubling to 15 min (without it, 30). */
const MAX_POLLS_IN_FAULT = 8;

const KINDS = ['statuspage', 'gandi-legacy'] as const;
/** The document every poll of a kind asks for first. */
const MAIN_PATH = { statuspage: '/api/v2/summary.json', 'gandi-legacy': '/api/status' } as const;

let page: FaultyPage | null = null;
let core: StatusCore | null = null;
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
afterEach(async () => {
  await core?.stop();
  await page?.close();
  core = null;
  page = null;
});

/** Runs the poller's schedule until `untilMs` of virtual time, each poll to its end; returns the events. */
async function runUntil(vt: VirtualTime, service: StatusCore, untilMs: number): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  for (;;) {
    const update = new Promise<CoreUpdate>((resolve) => {
      const stop = service.subscribe((next) => {
        stop();
        resolve(next);
      });
    });
    if (!vt.fireNext(untilMs)) break;
    events.push(...(await update).events);
    // Let the poll finish its bookkeeping before the next timer fires.
    await new Promise((resolve) => setImmediate(resolve));
  }
  vt.advance(untilMs - vt.elapsed());
  return events;
}

describe.each(KINDS)('%s page', (kind) => {
  it.each(FAULTS.map((fault) => [fault] as [FaultName]))('%s: stale last good picture, one outage, one recovery, back-off', async (fault) => {
    const vt = virtualTime();
    page = await faultyPage('incident-life', vt.now, { stallMs: 1000 });
    const service = createStatusCore({
      sources: [{ url: page.url, kind, intervalSeconds: INTERVAL_S }],
      fetch: page.fetch,
      now: vt.now,
      timers: vt.timers,
      random: () => 1, // the longest back-off: the fewest polls, the strictest count
      httpTimeoutMs: 300,
    });
    core = service;
    await service.start();
    const types = (events: ChangeEvent[]): string[] => events.map((event) => event.type);

    expect(types(await runUntil(vt, service, 5 * MINUTE))).toEqual(['incident.opened']);
    const good = service.getSnapshot();

    page.setFault(fault);
    const during = await runUntil(vt, service, 35 * MINUTE);
    expect(types(during)).toEqual(['source.unreachable']);
    const source = service.getSnapshot().sources[0];
    expect(source).toMatchObject({ stale: true, overall: good.sources[0]?.overall, fetchedAt: good.sources[0]?.fetchedAt });
    expect(source?.incidents).toEqual(good.sources[0]?.incidents);
    expect(source?.services).toEqual(good.sources[0]?.services);
    const polls = page.faulty.requests.count((request) => request.path.split('?')[0] === MAIN_PATH[kind]);
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(MAX_POLLS_IN_FAULT);

    page.setFault(null);
    expect(types(await runUntil(vt, service, 55 * MINUTE))).toEqual(['source.recovered']);
    expect(service.getSnapshot().sources[0]).toMatchObject({ stale: false, error: null });
    expect(unhandled).toEqual([]);
  }, 30_000);
});

/** What a page can get wrong without being down: the answer is changed on its way, over real HTTP. */
type Mangle = (path: string, body: string, headers: Headers) => { body: string; headers: Headers; status?: number };

type Check = (service: StatusCore, events: ChangeEvent[], warnings: string[], summaryRequests: number) => void;

const MANGLES: Array<{ name: string; mangle: Mangle; check: Check }> = [
  {
    name: 'one malformed incident (name null) among good ones',
    mangle: (path, body, headers) => {
      if (!path.endsWith('/summary.json')) return { body, headers };
      const summary = JSON.parse(body) as { incidents: Array<Record<string, unknown>> };
      const first = summary.incidents[0];
      if (first) summary.incidents.unshift({ ...first, id: 'broken', name: null });
      return { body: JSON.stringify(summary), headers };
    },
    check: (service, events, warnings) => {
      expect(service.getSnapshot().sources[0]).toMatchObject({ stale: false, error: null });
      expect(service.getSnapshot().sources[0]?.incidents.map((incident) => incident.id)).not.toContain('broken');
      expect(events.map((event) => event.type)).toEqual(['incident.updated']);
      expect(warnings.filter((warning) => warning.includes('left out'))).toHaveLength(1);
    },
  },
  {
    name: 'valid JSON labelled text/html',
    mangle: (_, body, headers) => {
      const relabelled = new Headers(headers);
      relabelled.set('content-type', 'text/html; charset=utf-8');
      return { body, headers: relabelled };
    },
    check: (service, events) => {
      expect(service.getSnapshot().sources[0]).toMatchObject({ stale: false, error: null });
      expect(events.map((event) => event.type)).toEqual(['incident.updated']);
    },
  },
  {
    name: 'every incident listed twice',
    mangle: (path, body, headers) => {
      if (!path.endsWith('/summary.json')) return { body, headers };
      const summary = JSON.parse(body) as { incidents: unknown[] };
      summary.incidents = [...summary.incidents, ...summary.incidents];
      return { body: JSON.stringify(summary), headers };
    },
    check: (service, events) => {
      expect(service.getSnapshot().sources[0]?.incidents).toHaveLength(1);
      expect(events.map((event) => event.type)).toEqual(['incident.updated']);
    },
  },
  {
    name: 'HTTP 429 asking to wait a year',
    mangle: (_, body, headers) => {
      const waiting = new Headers(headers);
      waiting.set('retry-after', '31536000');
      return { body: '{"error":"Too Many Requests"}', headers: waiting, status: 429 };
    },
    check: (service, events, _, summaryRequests) => {
      // The wait is honoured, at most an hour: one poll in the half hour, so no outage yet.
      expect(summaryRequests).toBe(1);
      expect(events).toEqual([]);
      expect(service.getSnapshot().sources[0]).toMatchObject({ stale: true });
      expect(service.getSnapshot().sources[0]?.error).toMatch(/retry after 3600 s\)$/);
    },
  },
];

describe('a Statuspage page that is up but answers oddly', () => {
  it.each(MANGLES.map((entry) => [entry.name, entry] as const))('%s', async (_, { mangle, check }) => {
    const vt = virtualTime();
    page = await faultyPage('incident-life', vt.now);
    const story = page.url;
    let mangling = false;
    let summaryRequests = 0;
    const warnings: string[] = [];
    const service = createStatusCore({
      sources: [{ url: story, kind: 'statuspage', intervalSeconds: INTERVAL_S }],
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (mangling && url.endsWith('/summary.json')) summaryRequests += 1;
        if (!mangling || response.status === 304) return response;
        const changed = mangle(new URL(url).pathname, await response.text(), response.headers);
        return new Response(changed.body, { status: changed.status ?? response.status, headers: changed.headers });
      },
      now: vt.now,
      timers: vt.timers,
      random: () => 1,
      httpTimeoutMs: 300,
      onWarning: (m) => warnings.push(m),
    });
    core = service;
    await service.start();
    expect((await runUntil(vt, service, 5 * MINUTE)).map((event) => event.type)).toEqual(['incident.opened']);
    mangling = true;
    // A new answer (the story's next step), so a conditional request does not meet a 304.
    page.story.step();
    const events = await runUntil(vt, service, 35 * MINUTE);
    check(service, events, warnings, summaryRequests);
    expect(unhandled).toEqual([]);
  }, 30_000);
});

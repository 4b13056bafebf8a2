// Legacy events over several polls: the current list decides what is open (not the local clock),
// a 404 for an event's own page drops it quietly, and maintenances announced ahead are seen.
import { describe, expect, it } from 'vitest';
import { diffSource } from '../../../../main/core/differ';
import type { SourceSnapshot } from '../../../../common/model';
import { dueReminders } from '../../../../main/core/reminders';
import { createLegacySource, legacyUpcomingPath } from '../../../../main/core/sources/legacy';
import { fixture, httpFor, routedFetch, type Route } from './fixtures';

const BASE = 'https://status.gandi.net';
const STATUS = `${BASE}/api/status`;
const SERVICES = `${BASE}/api/services`;
const EVENTS = `${BASE}/api/events?current=true`;
const at = (iso: string) => new Date(iso);

type Event = Record<string, unknown>;

function table(stormy: boolean, extra: Array<[string, Route]> = []): Map<string, Route> {
  return new Map<string, Route>([
    [STATUS, fixture(stormy ? 'gandi-legacy-status-stormy.json' : 'gandi-legacy-status-sunny.json')],
    [SERVICES, fixture(stormy ? 'gandi-legacy-services-paas-stormy.json' : 'gandi-legacy-services-all-sunny.json')],
    [EVENTS, fixture(stormy ? 'gandi-legacy-events-current-incident-paas.json' : 'gandi-legacy-events-current-incidents-empty.json')],
    ...extra,
  ]);
}

async function poll(routes: Map<string, Route>, now: string, previous: SourceSnapshot | null): Promise<SourceSnapshot> {
  return createLegacySource(BASE, { http: httpFor(routedFetch(routes)), now: () => at(now) }).fetchSnapshot(previous);
}

const failing = (): Response => new Response('<html>Server Error</html>', { status: 500, headers: { 'content-type': 'text/html' } });

describe('legacy incidents', () => {
  // Incident 7 is listed with date_end 2014-10-08T06:20 (its estimate): listed means open.
  it.each(['2014-10-08T00:00:00Z', '2014-10-08T07:00:00Z', '2014-10-09T12:00:00Z'])(
    'an incident in the current list is open at %s, whatever its date_end says',
    async (now) => {
      const previous = await poll(table(true), '2014-10-07T23:00:00Z', null);
      const snapshot = await poll(table(true), now, previous);
      expect(snapshot.incidents.map((i) => [i.id, i.status, i.resolvedAt])).toEqual([['7', 'investigating', null]]);
      expect(diffSource(previous, snapshot, at(now))).toEqual([]);
    },
  );

  it('drops, without calling it resolved, an incident whose own page answers 404', async () => {
    const previous = await poll(table(true), '2014-10-08T00:00:00Z', null);
    const fetchLike = routedFetch(table(false)); // no route for /api/events/7: a 404
    const source = createLegacySource(BASE, { http: httpFor(fetchLike), now: () => at('2014-10-08T07:00:00Z') });
    const snapshot = await source.fetchSnapshot(previous);
    expect(fetchLike.calls).toContain(`${BASE}/api/events/7`);
    expect(snapshot.incidents).toEqual([]);
    expect(diffSource(previous, snapshot, at('2014-10-08T07:00:00Z')).filter((e) => e.type.startsWith('incident.'))).toEqual([]);
  });
});

describe('legacy maintenances announced ahead', () => {
  const mock = fixture('gandi-legacy-events-list-baobab-mock.json') as Event[];
  // Maintenance 4 starts 2014-10-16T17:00:49Z; the morning before, only the upcoming list has it.
  const MORNING = '2014-10-16T12:00:00Z';
  const UPCOMING = `${BASE}${legacyUpcomingPath(at(MORNING))}`;
  const ahead: Event = { ...mock[0], date_end: null };

  /** The morning poll: maintenance 4 seen ahead, scheduled. */
  async function morning(): Promise<SourceSnapshot> {
    const snapshot = await poll(table(false, [[UPCOMING, [ahead]]]), MORNING, null);
    expect(snapshot.maintenances.map((m) => [m.id, m.status])).toEqual([['4', 'scheduled']]);
    return snapshot;
  }

  it('asks baobab for maintenances from today on, by category and start date', () => {
    expect(UPCOMING).toBe(`${BASE}/api/events?category=Maintenance&date_start__gte=2014-10-16`);
  });

  it('are scheduled, announced, and reminded of', async () => {
    const snapshot = await poll(table(false, [[UPCOMING, [ahead, mock[1]]]]), MORNING, null);
    // Event 3 (from the list too, but over) is not upcoming: only 4 is.
    expect(snapshot.maintenances.map((m) => [m.id, m.status, m.scheduledFor])).toEqual([['4', 'scheduled', '2014-10-16T17:00:49.000Z']]);
    expect(snapshot.stale).toBe(false);
    expect(diffSource(null, snapshot, at(MORNING)).map((e) => e.type)).toEqual(['maintenance.scheduled']);
    expect(dueReminders(snapshot, at('2014-10-16T16:10:00Z'), 60).map((e) => e.type)).toEqual(['maintenance.reminder']);
  });

  it.each<[string, Route]>([
    ['fails', failing],
    ['is not a list of events', { events: [] }],
  ])('are kept, and the poll still good, when the upcoming list %s', async (_case, route) => {
    const previous = await morning();
    const snapshot = await poll(table(false, [[UPCOMING, route]]), '2014-10-16T12:01:00Z', previous);
    expect(snapshot).toMatchObject({ stale: false, error: null });
    expect(snapshot.maintenances).toEqual(previous.maintenances);
    expect(diffSource(previous, snapshot, at('2014-10-16T12:01:00Z'))).toEqual([]);
  });

  it('start once the current list shows them started', async () => {
    const previous = await morning();
    const started = table(false, [[UPCOMING, [ahead]]]);
    started.set(EVENTS, [ahead]);
    const snapshot = await poll(started, '2014-10-16T17:10:00Z', previous);
    expect(snapshot.maintenances.map((m) => [m.id, m.status])).toEqual([['4', 'in_progress']]);
    expect(diffSource(previous, snapshot, at('2014-10-16T17:10:00Z')).map((e) => e.type)).toEqual(['maintenance.started']);
  });

  it('are dropped quietly when cancelled (gone from the list, their page a 404)', async () => {
    const previous = await morning();
    const snapshot = await poll(table(false, [[UPCOMING, []]]), '2014-10-16T12:01:00Z', previous);
    expect(snapshot.maintenances).toEqual([]);
    expect(diffSource(previous, snapshot, at('2014-10-16T12:01:00Z'))).toEqual([]);
  });
});

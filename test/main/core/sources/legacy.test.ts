import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../main/core/http';
import type { SourceSnapshot } from '../../../../common/model';
import { createLegacySource, eventsFromLegacy, legacySourceName, snapshotFromLegacy } from '../../../../main/core/sources/legacy';
import { fixture, httpFor, mutable, routedFetch, type Route } from './fixtures';

const BASE = 'https://status.gandi.net';
const STATUS = `${BASE}/api/status`;
const SERVICES = `${BASE}/api/services`;
const EVENTS = `${BASE}/api/events?current=true`;
const UPCOMING_DURING = `${BASE}/api/events?category=Maintenance&date_start__gte=2014-10-08`;
const at = (iso: string) => new Date(iso);

type Event = Record<string, unknown>;

function routes(status: string, services: string, events: Route, extra: Array<[string, Route]> = []): Map<string, Route> {
  return new Map<string, Route>([[STATUS, fixture(status)], [SERVICES, fixture(services)], [EVENTS, events], ...extra]);
}

function source(table: Map<string, Route>, now: string) {
  const fetchLike = routedFetch(table);
  return { fetchLike, source: createLegacySource(BASE, { http: httpFor(fetchLike), now: () => at(now) }) };
}

const STORM = () => routes('gandi-legacy-status-stormy.json', 'gandi-legacy-services-paas-stormy.json', fixture('gandi-legacy-events-current-incident-paas.json'));
const CALM = (extra: Array<[string, Route]> = []) =>
  routes('gandi-legacy-status-sunny.json', 'gandi-legacy-services-all-sunny.json', fixture('gandi-legacy-events-current-incidents-empty.json'), extra);
const DURING = '2014-10-08T00:00:00Z';

async function stormSnapshot(): Promise<SourceSnapshot> {
  return source(STORM(), DURING).source.fetchSnapshot(null);
}

describe('createLegacySource', () => {
  it('reads status, services and current events into one snapshot', async () => {
    const { source: s, fetchLike } = source(STORM(), DURING);
    expect(s.kind).toBe('gandi-legacy');
    const snapshot = await s.fetchSnapshot(null);
    expect(new Set(fetchLike.calls)).toEqual(new Set([STATUS, SERVICES, EVENTS, UPCOMING_DURING]));
    expect(snapshot).toMatchObject({ url: BASE, kind: 'gandi-legacy', name: 'Gandi', overall: 'major_outage', fetchedAt: '2014-10-08T00:00:00.000Z', stale: false });
    expect(snapshot.services.find((s) => s.id === 'PAAS')?.status).toBe('major_outage');
    expect(snapshot.incidents.map((i) => [i.id, i.status, i.impact])).toEqual([['7', 'investigating', 'major']]);
  });

  it.each([STATUS, SERVICES, EVENTS])('fails as a whole when %s fails', async (broken) => {
    const table = STORM();
    table.set(broken, () => new Response('<html>Server Error</html>', { status: 500, headers: { 'content-type': 'text/html' } }));
    await expect(source(table, DURING).source.fetchSnapshot(null)).rejects.toMatchObject({ reason: 'http', status: 500 });
  });

  it('rejects a services list that is not one', async () => {
    const table = STORM();
    table.set(SERVICES, { services: [] });
    const error = await source(table, DURING).source.fetchSnapshot(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/^status\.gandi\.net sent data that is not a list of services/);
  });

  it('says an incident that left the current list is resolved when its own page shows it ended', async () => {
    const previous = await stormSnapshot();
    const detail: Event = {
      ...(fixture('gandi-legacy-events-current-incident-paas.json') as Event[])[0],
      summary: 'A storage unit failed.',
      logs: [
        { comment: 'The storage unit is back.', date: '2014-10-08T06:20:00+00:00', id: 2 },
        { comment: 'We are looking into it.', date: '2014-10-07T18:10:00+00:00', id: 1 },
      ],
    };
    const { source: s, fetchLike } = source(CALM([[`${BASE}/api/events/7`, detail]]), '2014-10-08T07:00:00Z');
    const snapshot = await s.fetchSnapshot(previous);
    expect(fetchLike.calls).toContain(`${BASE}/api/events/7`);
    expect(snapshot.overall).toBe('operational');
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.incidents[0]).toMatchObject({ id: '7', status: 'resolved', resolvedAt: '2014-10-08T06:20:00.000Z' });
    expect(snapshot.incidents[0]?.updates).toEqual([
      { at: '2014-10-08T06:20:00.000Z', status: 'update', body: 'The storage unit is back.' },
      { at: '2014-10-07T18:10:00.000Z', status: 'update', body: 'We are looking into it.' },
    ]);
  });

  it.each<[string, Route | undefined]>([
    ['its page fails', () => new Response('<html>Server Error</html>', { status: 500, headers: { 'content-type': 'text/html' } })],
    ['its page cannot be had at all', () => Response.error()],
    ['its page shows it still open', { ...(fixture('gandi-legacy-events-current-incident-paas.json') as Event[])[0], date_end: null }],
    ['its page is another event', (fixture('gandi-legacy-events-current-incident-no-service.json') as Event[])[0]],
  ])('keeps an incident that left the list as it was when %s', async (_case, detail) => {
    const previous = await stormSnapshot();
    const extra: Array<[string, Route]> = detail === undefined ? [] : [[`${BASE}/api/events/7`, detail]];
    const snapshot = await source(CALM(extra), '2014-10-08T07:00:00Z').source.fetchSnapshot(previous);
    // As it was, and marked as not confirmed by the page any more.
    expect(snapshot.incidents).toEqual(previous.incidents.map((incident) => ({ ...incident, unlisted: true })));
  });

  it('completes a maintenance that left the list once its page shows it ended', async () => {
    const mock = fixture('gandi-legacy-events-list-baobab-mock.json') as Event[];
    const live = routes('gandi-legacy-status-sunny.json', 'gandi-legacy-services-all-sunny.json', [mock[0]]);
    const previous = await source(live, '2014-10-16T17:30:00Z').source.fetchSnapshot(null);
    expect(previous.maintenances.map((m) => [m.id, m.status])).toEqual([['4', 'in_progress']]);
    const snapshot = await source(CALM([[`${BASE}/api/events/4`, mock[0]]]), '2014-10-16T18:00:00Z').source.fetchSnapshot(previous);
    expect(snapshot.maintenances.map((m) => [m.id, m.status])).toEqual([['4', 'completed']]);
  });
});

describe('legacy data, altered', () => {
  const services = () => mutable<Event[]>('gandi-legacy-services-all-sunny.json');

  it('maps unknown weather to unknown, never to sunny', () => {
    const list = services();
    list[1]!.status = 'RAINY';
    const snapshot = snapshotFromLegacy(
      { status: { status: 'HAILING' }, services: list, events: [] },
      BASE,
      at(DURING),
    );
    expect(snapshot.services[1]?.status).toBe('unknown');
    expect(snapshot.overall).toBe('operational');
    const allUnknown = services().map((s) => ({ ...s, status: 'RAINY' }));
    expect(snapshotFromLegacy({ status: { status: 'HAILING' }, services: allUnknown, events: [] }, BASE, at(DURING)).overall).toBe('unknown');
  });

  it('accepts integer and string ids, translated titles and service objects', () => {
    const events: Event[] = [
      { ...(fixture('gandi-legacy-events-current-incident-paas.json') as Event[])[0], id: 7, title: { fr: 'Incident stockage', en: 'Storage incident' }, date_end: null },
      { category: 'Incident', id: '8', date_start: '2014-10-07T20:00:00+02:00', services: [{ name: 'Email' }], title: 'Mail' },
    ];
    const { incidents } = eventsFromLegacy(events, BASE, [], at(DURING));
    expect(incidents.map((i) => [i.id, i.title, i.status, i.services, i.startedAt])).toEqual([
      ['7', 'Storage incident', 'investigating', ['IAAS', 'PAAS'], '2014-10-07T18:00:00.000Z'],
      ['8', 'Mail', 'investigating', ['Email'], '2014-10-07T18:00:00.000Z'],
    ]);
    expect(incidents[0]?.url).toBe('https://status.gandi.net/timeline/events/7');
  });

  it('treats an unknown category as an incident rather than hiding it', () => {
    const [event] = mutable<Event[]>('gandi-legacy-events-current-incident-no-service.json');
    event!.category = 'Outage';
    event!.date_end = null;
    const { incidents, maintenances } = eventsFromLegacy([event], BASE, [], at('2015-04-15T21:45:00Z'));
    expect(incidents.map((i) => i.id)).toEqual(['15']);
    expect(maintenances).toEqual([]);
  });

  it('schedules a maintenance that has not started yet', () => {
    const [event] = mutable<Event[]>('gandi-legacy-events-list-baobab-mock.json');
    const { maintenances } = eventsFromLegacy([event], BASE, [], at('2014-10-16T12:00:00Z'));
    expect(maintenances[0]).toMatchObject({ id: '4', status: 'scheduled', scheduledFor: '2014-10-16T17:00:49.000Z' });
  });

  it('rejects a list of which no event can be read, and leaves out one that cannot among others', () => {
    const [event] = mutable<Event[]>('gandi-legacy-events-current-incident-paas.json');
    const [other] = mutable<Event[]>('gandi-legacy-events-current-incident-paas.json');
    delete event!.id;
    expect(() => eventsFromLegacy([event], BASE, [], at(DURING))).toThrow(SourceError);
    expect(eventsFromLegacy([event, other], BASE, [], at(DURING)).incidents).toHaveLength(1);
  });

  it.each([
    ['https://status.gandi.net', 'Gandi'],
    ['https://gandi.net', 'Gandi'],
    ['http://127.0.0.1:8080', '127.0.0.1:8080'],
    ['https://status.notgandi.net', 'status.notgandi.net'],
  ])('names %s %j', (base, name) => {
    expect(legacySourceName(base)).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../main/core/http';
import type { SourceSnapshot } from '../../../../common/model';
import { createStatuspageSource, snapshotFromSummary } from '../../../../main/core/sources/statuspage';
import { fixture, httpFor, mutable, routedFetch, type Route } from './fixtures';

const BASE = 'https://status.example.test';
const SUMMARY = `${BASE}/api/v2/summary.json`;
const INCIDENTS = `${BASE}/api/v2/incidents.json`;
const MAINTENANCES = `${BASE}/api/v2/scheduled-maintenances.json`;
const at = (iso: string) => new Date(iso);

type Json = Record<string, unknown> & {
  components: Array<Record<string, unknown>>;
  incidents: Array<Record<string, unknown>>;
  scheduled_maintenances: Array<Record<string, unknown>>;
  status: Record<string, unknown>;
};

function thrown(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}

describe('snapshotFromSummary with altered real data', () => {
  it('maps unknown words to unknown instead of failing', () => {
    const body = mutable<Json>('statuspage-github-summary-major-incident-investigating.json');
    body.components[0]!.status = 'on_fire';
    body.incidents[0]!.status = 'contemplating';
    body.incidents[0]!.impact = 'cosmic';
    const snapshot = snapshotFromSummary(body, BASE, at('2020-04-02T20:40:00Z'));
    expect(snapshot.services[0]).toMatchObject({ name: 'Git Operations', status: 'unknown' });
    expect(snapshot.incidents[0]).toMatchObject({ status: 'unknown', impact: 'unknown' });
    // The other components are still known: the worst of them decides.
    expect(snapshot.overall).toBe('major_outage');
  });

  it('never turns an unknown page into an all clear', () => {
    const body = mutable<Json>('statuspage-discord-status-none.json');
    body.status.indicator = 'sparkly';
    expect(snapshotFromSummary(body, BASE, at('2022-02-15T22:00:00Z')).overall).toBe('unknown');
    const everyComponentUnknown = mutable<Json>('statuspage-github-summary-all-operational.json');
    everyComponentUnknown.components.forEach((c) => (c.status = 'new_word'));
    everyComponentUnknown.status.indicator = null;
    expect(snapshotFromSummary(everyComponentUnknown, BASE, at('2020-01-01T00:00:00Z')).overall).toBe('unknown');
  });

  it('reads an unknown maintenance status as scheduled before its window and in progress after', () => {
    const body = mutable<Json>('statuspage-gandi-summary-major-outage-and-maintenances.json');
    body.scheduled_maintenances.forEach((m) => (m.status = 'rescheduled'));
    const before = snapshotFromSummary(body, BASE, at('2020-01-15T10:15:00Z'));
    expect(before.maintenances.map((m) => m.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const during = snapshotFromSummary(body, BASE, at('2020-01-22T06:00:00Z'));
    expect(during.maintenances.map((m) => m.status)).toEqual(['in_progress', 'scheduled', 'scheduled']);
  });

  it('accepts pages that omit the lists', () => {
    const body = mutable<Json>('statuspage-gandi-summary-major-outage-and-maintenances.json');
    delete (body as Partial<Json>).incidents;
    delete (body as Partial<Json>).scheduled_maintenances;
    const snapshot = snapshotFromSummary(body, BASE, at('2020-01-15T10:15:00Z'));
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.maintenances).toEqual([]);
    expect(snapshot.overall).toBe('major_outage');
    const nulls = { ...body, components: null, incidents: null, scheduled_maintenances: null };
    expect(snapshotFromSummary(nulls, BASE, at('2020-01-15T10:15:00Z'))).toMatchObject({ services: [], overall: 'degraded' });
  });

  it('normalises offsets to UTC and drops unreadable times', () => {
    const body = mutable<Json>('statuspage-github-summary-major-incident-investigating.json');
    body.incidents[0]!.started_at = '2020-04-02T22:20:54.005+02:00';
    body.incidents[0]!.updated_at = 'yesterday';
    const [incident] = snapshotFromSummary(body, BASE, at('2020-04-02T20:40:00Z')).incidents;
    expect(incident?.startedAt).toBe('2020-04-02T20:20:54.005Z');
    expect(incident?.updatedAt).toBeNull();
  });

  it('knows group members from the group list too, and expands a group named by an incident', () => {
    const body = mutable<Json>('statuspage-gandi-summary-all-ok.json');
    const liveDns = body.components.find((c) => c.name === 'LiveDNS')!;
    liveDns.group_id = null;
    body.incidents = [
      {
        ...(fixture('statuspage-github-summary-major-incident-investigating.json') as Json).incidents[0],
        components: [{ id: 'p8gh4dnndnyp', name: 'DNS', status: 'operational', group: true }],
        incident_updates: [],
      },
    ];
    const snapshot = snapshotFromSummary(body, BASE, at('2020-01-15T10:00:00Z'));
    expect(snapshot.services.find((s) => s.name === 'LiveDNS')?.group).toBe('DNS');
    expect(new Set(snapshot.incidents[0]?.services)).toEqual(new Set(['k466qqxbp2qr', '2hjdv57h7157', '6rkfxd09l4kb']));
  });

  it('rejects documents that are not a summary, naming the host', () => {
    const noName = mutable<Json>('statuspage-github-summary-all-operational.json');
    delete (noName as unknown as { page: { name?: string } }).page.name;
    const error = thrown(() => snapshotFromSummary(noName, BASE, at('2020-01-01T00:00:00Z')));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/^status\.example\.test sent data that is not a Statuspage summary \(at page\.name/);
    expect(thrown(() => snapshotFromSummary([], BASE, new Date())).reason).toBe('invalid');
    expect(thrown(() => snapshotFromSummary(fixture('gandi-legacy-status-sunny.json'), BASE, new Date())).reason).toBe('invalid');
    expect(thrown(() => snapshotFromSummary(fixture('statuspage-discord-incidents-unresolved-empty.json'), BASE, new Date())).reason).toBe('invalid');
  });

  it('leaves out a component it cannot read and keeps the others', () => {
    const noId = mutable<Json>('statuspage-github-summary-all-operational.json');
    const count = noId.components.length;
    delete noId.components[2]!.id;
    expect(snapshotFromSummary(noId, BASE, at('2020-01-01T00:00:00Z')).services.length).toBe(count - 1);
  });
});

// ---- the source over a fake network ------------------------------------------------------------

function source(routes: Map<string, Route>, now: string) {
  const fetchLike = routedFetch(routes);
  return { fetchLike, source: createStatuspageSource(`${BASE}/`, { http: httpFor(fetchLike), now: () => at(now) }) };
}

const MAJOR = 'statuspage-github-summary-major-incident-investigating.json';
const CALM = 'statuspage-github-summary-all-operational.json';
const INCIDENT_ID = '80d0cs6kpsps';

/** GitHub's incidents.json, with its first (resolved) incident renamed to the one open in MAJOR. */
function incidentsShowingResolved(): Json {
  const list = mutable<Json>('statuspage-github-incidents-resolved-with-affected-components.json');
  list.incidents[0]!.id = INCIDENT_ID;
  return list;
}

async function openIncidentSnapshot(): Promise<SourceSnapshot> {
  const { source: s } = source(new Map([[SUMMARY, fixture(MAJOR)]]), '2020-04-02T20:40:00Z');
  return s.fetchSnapshot(null);
}

describe('createStatuspageSource', () => {
  it('fetches the summary of the base URL and stamps the snapshot', async () => {
    const { source: s, fetchLike } = source(new Map([[SUMMARY, fixture(MAJOR)]]), '2020-04-02T20:40:00Z');
    expect(s.url).toBe(BASE);
    expect(s.kind).toBe('statuspage');
    const snapshot = await s.fetchSnapshot(null);
    expect(snapshot).toMatchObject({ url: BASE, kind: 'statuspage', name: 'GitHub', overall: 'major_outage', fetchedAt: '2020-04-02T20:40:00.000Z', stale: false, error: null });
    expect(fetchLike.calls).toEqual([SUMMARY]);
  });

  it('throws the SourceError when the summary cannot be had', async () => {
    const { source: s } = source(new Map([[SUMMARY, () => new Response('<html>oops</html>', { status: 502 })]]), '2020-04-02T20:40:00Z');
    await expect(s.fetchSnapshot(null)).rejects.toMatchObject({ reason: 'http', status: 502 });
  });

  it('says an incident that left the summary is resolved once incidents.json confirms it', async () => {
    const previous = await openIncidentSnapshot();
    const { source: s, fetchLike } = source(
      new Map<string, Route>([[SUMMARY, fixture(CALM)], [INCIDENTS, incidentsShowingResolved()]]),
      '2020-04-02T22:00:00Z',
    );
    const snapshot = await s.fetchSnapshot(previous);
    expect(fetchLike.calls).toEqual([SUMMARY, INCIDENTS]);
    expect(snapshot.overall).toBe('operational');
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.incidents[0]).toMatchObject({ id: INCIDENT_ID, status: 'resolved', resolvedAt: '2024-09-16T22:08:39.333Z' });
    expect(snapshot.incidents[0]?.updates[0]?.body).toBe('This incident has been resolved.');
  });

  it.each<[string, Route]>([
    ['incidents.json fails', () => new Response('busy', { status: 503 })],
    ['incidents.json is invalid', { incidents: 'none' }],
    ['incidents.json does not list it', fixture('statuspage-discord-incidents-unresolved-empty.json')],
    ['incidents.json shows it still open', (() => {
      const list = incidentsShowingResolved();
      list.incidents[0]!.status = 'monitoring';
      return list;
    })()],
  ])('keeps the open incident as it was when %s', async (_case, route) => {
    const previous = await openIncidentSnapshot();
    const { source: s } = source(new Map<string, Route>([[SUMMARY, fixture(CALM)], [INCIDENTS, route]]), '2020-04-02T22:00:00Z');
    const snapshot = await s.fetchSnapshot(previous);
    expect(snapshot.incidents).toEqual(previous.incidents.map((incident) => ({ ...incident, unlisted: true })));
    expect(snapshot.overall).toBe('operational');
  });

  it('does not ask incidents.json when nothing left the summary', async () => {
    const previous = await openIncidentSnapshot();
    const { source: s, fetchLike } = source(new Map([[SUMMARY, fixture(MAJOR)]]), '2020-04-02T21:00:00Z');
    await s.fetchSnapshot(previous);
    expect(fetchLike.calls).toEqual([SUMMARY]);
  });

  it('keeps resolved incidents 24 h after their resolution, then drops them', async () => {
    const resolvedAt = '2020-04-02T21:00:00.000Z';
    const base = await openIncidentSnapshot();
    const previous: SourceSnapshot = {
      ...base,
      incidents: [{ ...base.incidents[0]!, status: 'resolved', resolvedAt }],
    };
    const calm = new Map([[SUMMARY, fixture(CALM)]]);
    const within = await source(calm, '2020-04-03T20:59:00Z').source.fetchSnapshot(previous);
    expect(within.incidents.map((i) => i.id)).toEqual([INCIDENT_ID]);
    const after = await source(calm, '2020-04-03T21:01:00Z').source.fetchSnapshot(previous);
    expect(after.incidents).toEqual([]);
  });

  it('shows a confirmed resolution once even when it is older than 24 h', async () => {
    const previous = await openIncidentSnapshot();
    const routes = new Map<string, Route>([[SUMMARY, fixture(CALM)], [INCIDENTS, incidentsShowingResolved()]]);
    const first = await source(routes, '2025-01-01T00:00:00Z').source.fetchSnapshot(previous);
    expect(first.incidents.map((i) => i.status)).toEqual(['resolved']);
    const second = await source(routes, '2025-01-01T00:01:00Z').source.fetchSnapshot(first);
    expect(second.incidents).toEqual([]);
  });

  it('lists open incidents before resolved ones', async () => {
    const open = await openIncidentSnapshot();
    const previous: SourceSnapshot = {
      ...open,
      incidents: [{ ...open.incidents[0]!, id: 'old', status: 'resolved', resolvedAt: '2020-04-02T20:00:00.000Z' }],
    };
    const snapshot = await source(new Map([[SUMMARY, fixture(MAJOR)]]), '2020-04-02T21:00:00Z').source.fetchSnapshot(previous);
    expect(snapshot.incidents.map((i) => [i.id, i.status])).toEqual([
      [INCIDENT_ID, 'investigating'],
      ['old', 'resolved'],
    ]);
  });
});

describe('maintenances that leave the summary', () => {
  const WITH = 'statuspage-gandi-summary-major-outage-and-maintenances.json';
  const WITHOUT = 'statuspage-gandi-summary-all-ok.json';
  const EURID = 'hz8p0x7hmls9';

  async function scheduled(): Promise<SourceSnapshot> {
    return source(new Map([[SUMMARY, fixture(WITH)]]), '2020-01-15T10:15:00Z').source.fetchSnapshot(null);
  }

  function completedList(): Json {
    const list = mutable<Json>('statuspage-discord-scheduled-maintenances-completed.json');
    list.scheduled_maintenances[0]!.id = EURID;
    return list;
  }

  it('are completed when scheduled-maintenances.json says so', async () => {
    const previous = await scheduled();
    const { source: s, fetchLike } = source(
      new Map<string, Route>([[SUMMARY, fixture(WITHOUT)], [MAINTENANCES, completedList()]]),
      '2020-01-22T07:00:00Z',
    );
    const snapshot = await s.fetchSnapshot(previous);
    // Its two open incidents left the summary too, so incidents.json was asked as well.
    expect(fetchLike.calls).toEqual([SUMMARY, INCIDENTS, MAINTENANCES]);
    const eurid = snapshot.maintenances.find((m) => m.id === EURID);
    expect(eurid?.status).toBe('completed');
    // The two others are not confirmed and their windows are ahead: kept as they were.
    expect(snapshot.maintenances.filter((m) => m.id !== EURID)).toEqual(previous.maintenances.slice(1));
    expect(snapshot.maintenances.at(-1)?.id).toBe(EURID);
  });

  it('are kept as they were while unconfirmed and their window is ahead', async () => {
    const previous = await scheduled();
    const routes = new Map<string, Route>([[SUMMARY, fixture(WITHOUT)], [MAINTENANCES, () => new Response('', { status: 500 })]]);
    const snapshot = await source(routes, '2020-01-21T00:00:00Z').source.fetchSnapshot(previous);
    expect(snapshot.maintenances).toEqual(previous.maintenances);
  });

  it('are completed once their window has ended, then dropped 6 h later', async () => {
    const previous = await scheduled();
    const routes = new Map<string, Route>([[SUMMARY, fixture(WITHOUT)], [MAINTENANCES, () => new Response('', { status: 500 })]]);
    // Eurid runs 05:00-08:00, Nominet 10:00-11:00 on the 22nd; SWITCH is on the 30th.
    const afterEurid = await source(routes, '2020-01-22T09:00:00Z').source.fetchSnapshot(previous);
    expect(afterEurid.maintenances.map((m) => [m.id, m.status])).toEqual([
      ['k75cdm2g4m0n', 'scheduled'],
      ['4j4c18c4r7nq', 'scheduled'],
      [EURID, 'completed'],
    ]);
    const later = await source(routes, '2020-01-22T13:59:00Z').source.fetchSnapshot(afterEurid);
    expect(later.maintenances.map((m) => [m.id, m.status])).toEqual([
      ['4j4c18c4r7nq', 'scheduled'],
      ['k75cdm2g4m0n', 'completed'],
      [EURID, 'completed'],
    ]);
    const evening = await source(routes, '2020-01-22T17:30:00Z').source.fetchSnapshot(later);
    expect(evening.maintenances.map((m) => m.id)).toEqual(['4j4c18c4r7nq']);
  });
});

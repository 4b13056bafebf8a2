// Every example document of every format, normalised: the levels, services, incidents with their
// updates, and maintenances the shared scenario holds ("Acme Cloud": an incident in eu-west, the
// API in eu-west partly down, a database upgrade on 2026-03-15 02:00-04:00 UTC).
import { describe, expect, it } from 'vitest';
import type { SourceSnapshot } from '../../../../common/model';
import { snapshotFromBetterstack } from '../../../../main/core/sources/betterstack';
import { cachetTime, snapshotFromCachet } from '../../../../main/core/sources/cachet';
import { feedLinksIn, plainText, snapshotFromFeed } from '../../../../main/core/sources/feed';
import { looksLikeIncidentIo, snapshotFromIncidentIo } from '../../../../main/core/sources/incident-io';
import { INSTATUS_NO_HISTORY, instatusComponentsSchema, snapshotFromInstatus } from '../../../../main/core/sources/instatus';
import { snapshotFromStatusio, statusioApiFromHtml } from '../../../../main/core/sources/statusio';
import { summarySchema } from '../../../../main/core/sources/statuspage-schema';
import { fixture } from './fixtures';
import { feedText, FETCHED_AT, provider, STATUSIO_PAGE_ID } from './provider-fixtures';

const BASE = 'https://status.acme.example';
const MAINTENANCE_WINDOW = { scheduledFor: '2026-03-15T02:00:00.000Z', scheduledUntil: '2026-03-15T04:00:00.000Z' };

function serviceNamed(snapshot: SourceSnapshot, name: string) {
  const service = snapshot.services.find((s) => s.name === name);
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

describe('incident.io', () => {
  const snapshot = snapshotFromIncidentIo(
    {
      summary: provider('incident-io/api_v2_summary.json'),
      components: provider('incident-io/api_v2_components.json'),
      widget: provider('incident-io/api_v1_summary.widget.json'),
    },
    BASE,
    FETCHED_AT,
  );

  it('reads every component from components.json (the summary lists fewer), grouped by the widget', () => {
    expect(snapshot).toMatchObject({ kind: 'incident-io', name: 'Acme Cloud', overall: 'partial_outage' });
    expect(snapshot.services).toHaveLength(8);
    expect(serviceNamed(snapshot, 'API (eu-west)')).toMatchObject({ status: 'partial_outage', group: 'APIs' });
    expect(serviceNamed(snapshot, 'Model: acme-small-1')).toMatchObject({ status: 'operational', group: null });
  });

  it('names the incident by its native id (the shortlink), with the widget impact and components', () => {
    expect(snapshot.incidents).toHaveLength(1);
    const [incident] = snapshot.incidents;
    expect(incident).toMatchObject({
      id: '01J9X9YP981068VCD1GDJFMGT8',
      title: 'Elevated API error rates in eu-west',
      status: 'identified',
      impact: 'major',
      services: ['01JX45HY43KWJRP1XPA7Z3DJ8F'],
      startedAt: '2026-03-12T09:14:03.118Z',
      url: `${BASE}/incidents/01J9X9YP981068VCD1GDJFMGT8`,
    });
    expect(incident?.updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
  });

  it('reads the upcoming maintenance with its window and component', () => {
    expect(snapshot.maintenances).toEqual([
      {
        id: '01JPM5Q1NXW1RNJ47E65GH2BH8',
        title: 'Database upgrade',
        status: 'scheduled',
        ...MAINTENANCE_WINDOW,
        services: ['01JBGJ09TQM83XSSSS6YS3C4DW'],
        url: `${BASE}/incidents/01JPM5Q1NXW1RNJ47E65GH2BH8`,
      },
    ]);
  });

  it('works without the widget API and without components.json', () => {
    const bare = snapshotFromIncidentIo({ summary: provider('incident-io/api_v2_summary.json'), components: null, widget: null }, BASE, FETCHED_AT);
    expect(bare.services).toHaveLength(5);
    expect(bare.overall).toBe('partial_outage');
    expect(bare.incidents[0]).toMatchObject({ impact: 'major', status: 'identified' });
  });

  it('is told apart from Atlassian Statuspage by its summary', () => {
    expect(looksLikeIncidentIo(summarySchema.parse(provider('incident-io/api_v2_summary.json')))).toBe(true);
    for (const name of ['statuspage-gandi-summary-all-ok.json', 'statuspage-github-summary-all-operational.json', 'statuspage-gandi-summary-major-outage-and-maintenances.json']) {
      expect(looksLikeIncidentIo(summarySchema.parse(fixture(name))), name).toBe(false);
    }
  });
});

describe('Instatus', () => {
  const snapshot = snapshotFromInstatus(
    { summary: provider('instatus/summary.json'), components: provider('instatus/v2_components.json') },
    BASE,
    FETCHED_AT,
  );

  it('reads the components, leaving out group containers', () => {
    expect(snapshot).toMatchObject({ kind: 'instatus', name: 'Acme Cloud', overall: 'partial_outage' });
    expect(snapshot.services.map((s) => [s.name, s.group, s.status])).toEqual([
      ['API (us-east)', 'API', 'operational'],
      ['API (eu-west)', 'API', 'partial_outage'],
      ['Dashboard', null, 'operational'],
      ['Webhooks', null, 'degraded'],
      ['Database', null, 'operational'],
    ]);
  });

  it('shows the incident as it is, and says that no history is published', () => {
    expect(snapshot.incidents).toEqual([
      {
        id: 'cm7x0q2ab0001l50g8h3k2j1a',
        title: 'Elevated API error rates in eu-west',
        status: 'identified',
        impact: 'major',
        services: ['cm2a1b2c30002ab12cd34ef58'],
        startedAt: '2026-03-12T09:14:03.000Z',
        updatedAt: '2026-03-12T09:41:07.512Z',
        resolvedAt: null,
        url: `${BASE}/incident/cm7x0q2ab0001l50g8h3k2j1a`,
        updates: [{ at: '2026-03-12T09:41:07.512Z', status: 'identified', body: INSTATUS_NO_HISTORY }],
      },
    ]);
  });

  it('reads the maintenance not started yet, its end from its duration', () => {
    expect(snapshot.maintenances).toMatchObject([{ id: 'cm7t4k9zd0003mw0f2v6r8e5b', status: 'scheduled', ...MAINTENANCE_WINDOW }]);
  });

  it('reads a quiet page that sends the page alone', () => {
    const quiet = snapshotFromInstatus({ summary: { page: { name: 'Acme', url: BASE, status: 'UP' } }, components: null }, BASE, FETCHED_AT);
    expect(quiet).toMatchObject({ overall: 'operational', incidents: [], maintenances: [], services: [] });
  });

  it('reads the nested variant of the component list too', () => {
    const nested = instatusComponentsSchema.parse(provider('instatus/api_v2_components.nested-variant.json'));
    const fromNested = snapshotFromInstatus({ summary: provider('instatus/summary.json'), components: nested }, BASE, FETCHED_AT);
    expect(fromNested.services.map((s) => [s.name, s.group, s.status])).toEqual(snapshot.services.map((s) => [s.name, s.group, s.status]));
  });
});

describe('Better Stack', () => {
  const snapshot = snapshotFromBetterstack(provider('betterstack/index.json'), BASE, FETCHED_AT);

  it('reads resources in their sections; one not monitored is unknown, not operational', () => {
    expect(snapshot).toMatchObject({ kind: 'betterstack', name: 'Acme Cloud', overall: 'degraded' });
    expect(snapshot.services.map((s) => [s.name, s.group, s.status])).toEqual([
      ['API (us-east)', 'API', 'operational'],
      ['API (eu-west)', 'API', 'degraded'],
      ['Dashboard', 'Web', 'operational'],
      ['Database', 'Web', 'operational'],
      ['Docs', 'Web', 'unknown'],
    ]);
  });

  it('reads the status report with its updates, newest first', () => {
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.incidents[0]).toMatchObject({ id: '9001', status: 'investigating', impact: 'minor', services: ['8402'], startedAt: '2026-03-12T09:14:03.000Z' });
    expect(snapshot.incidents[0]?.updates.map((u) => u.at)).toEqual(['2026-03-12T09:41:07.000Z', '2026-03-12T09:14:03.000Z']);
  });

  it('reads the maintenance report', () => {
    expect(snapshot.maintenances).toMatchObject([{ id: '9002', title: 'Database upgrade', status: 'scheduled', ...MAINTENANCE_WINDOW, services: ['8404'] }]);
  });
});

describe('Cachet', () => {
  it('reads times without an offset as UTC', () => {
    expect(cachetTime('2026-03-12 09:14:03')).toBe('2026-03-12T09:14:03.000Z');
    expect(cachetTime('2026-03-12T09:14:03+01:00')).toBe('2026-03-12T08:14:03.000Z');
    expect(cachetTime('soon')).toBeNull();
  });

  it('2.x: components in groups, the incident at its latest update, the schedule as a maintenance', () => {
    const snapshot = snapshotFromCachet(
      {
        version: 2,
        components: [provider('cachet/v2/api_v1_components.json')],
        groups: provider('cachet/v2/api_v1_components_groups.json'),
        incidents: provider('cachet/v2/api_v1_incidents.json'),
        schedules: provider('cachet/v2/api_v1_schedules.json'),
      },
      BASE,
      FETCHED_AT,
    );
    expect(snapshot).toMatchObject({ kind: 'cachet', name: 'status.acme.example', overall: 'partial_outage' });
    expect(snapshot.services.map((s) => [s.name, s.group, s.status])).toEqual([
      ['API (us-east)', 'API', 'operational'],
      ['API (eu-west)', 'API', 'partial_outage'],
      ['Dashboard', null, 'operational'],
      ['Database', null, 'operational'],
    ]);
    expect(snapshot.incidents[0]).toMatchObject({
      id: '12',
      status: 'monitoring',
      impact: 'major',
      services: ['2'],
      startedAt: '2026-03-12T09:10:00.000Z',
      updatedAt: '2026-03-12T09:58:40.000Z',
      resolvedAt: null,
    });
    expect(snapshot.incidents[0]?.updates.map((u) => u.status)).toEqual(['monitoring', 'identified', 'investigating']);
    // The schedule's completed_at is the request time until it is done: not a window end.
    expect(snapshot.maintenances).toMatchObject([{ id: '3', status: 'scheduled', scheduledFor: MAINTENANCE_WINDOW.scheduledFor, scheduledUntil: null, services: ['4'] }]);
  });

  it('3.x: the same page in the JSON:API shape', () => {
    const snapshot = snapshotFromCachet(
      {
        version: 3,
        components: [provider('cachet/v3/api_components.json')],
        groups: provider('cachet/v3/api_component-groups.include_components.json'),
        incidents: provider('cachet/v3/api_incidents.include_updates.json'),
        schedules: provider('cachet/v3/api_schedules.include_components.json'),
      },
      BASE,
      FETCHED_AT,
    );
    expect(snapshot.overall).toBe('partial_outage');
    expect(snapshot.services.map((s) => [s.name, s.group, s.status])).toEqual([
      ['API (us-east)', 'API', 'operational'],
      ['API (eu-west)', 'API', 'partial_outage'],
      ['Dashboard', null, 'operational'],
      ['Database', null, 'operational'],
    ]);
    expect(snapshot.incidents[0]).toMatchObject({ id: '12', status: 'monitoring', startedAt: '2026-03-12T09:10:00.000Z' });
    expect(snapshot.incidents[0]?.updates.map((u) => u.status)).toEqual(['monitoring', 'identified', 'unknown']);
    expect(snapshot.maintenances).toMatchObject([{ id: '3', status: 'scheduled', scheduledFor: MAINTENANCE_WINDOW.scheduledFor, services: ['4'] }]);
  });
});

describe('status.io', () => {
  const api = `https://api.status.io/1.0/status/${STATUSIO_PAGE_ID}`;
  const snapshot = snapshotFromStatusio(provider(`statusio/1.0_status_${STATUSIO_PAGE_ID}.json`), BASE, api, FETCHED_AT);

  it('reads each component per container', () => {
    expect(snapshot).toMatchObject({ kind: 'statusio', overall: 'partial_outage' });
    expect(snapshot.services.map((s) => [s.group, s.name, s.status])).toEqual([
      ['API', 'US-East', 'operational'],
      ['API', 'EU-West', 'partial_outage'],
      ['Dashboard', 'US-East', 'operational'],
      ['Dashboard', 'EU-West', 'operational'],
      ['Database', 'US-East', 'operational'],
    ]);
  });

  it('reads the incident at its latest message, on the affected component and container only', () => {
    expect(snapshot.incidents[0]).toMatchObject({
      id: '65f0a1b2c3d4e5f601234567',
      status: 'identified',
      impact: 'major',
      services: ['5f3c9a1e2b7d4c0012ab34d0/5f3c9a1e2b7d4c0012ab34e1'],
      url: `${BASE}/pages/incident/${STATUSIO_PAGE_ID}/65f0a1b2c3d4e5f601234567`,
    });
    expect(snapshot.incidents[0]?.updates).toHaveLength(2);
  });

  it('reads the upcoming maintenance', () => {
    expect(snapshot.maintenances).toMatchObject([{ status: 'scheduled', ...MAINTENANCE_WINDOW, services: ['5f3c9a1e2b7d4c0012ab34d2/5f3c9a1e2b7d4c0012ab34e0'] }]);
  });

  it('finds the page id in the page, on api.status.io unless the page serves it itself', () => {
    expect(statusioApiFromHtml(`<script>window.statuspage_id = "${STATUSIO_PAGE_ID}"</script>`, BASE)).toBe(api);
    expect(statusioApiFromHtml(`<a href="${BASE}/1.0/status/${STATUSIO_PAGE_ID}">`, BASE)).toBe(`${BASE}/1.0/status/${STATUSIO_PAGE_ID}`);
    expect(statusioApiFromHtml(`<a href="https://elsewhere.example/1.0/status/${STATUSIO_PAGE_ID}">`, BASE)).toBeNull();
  });
});

describe('RSS and Atom feeds', () => {
  it("reads a Statuspage history feed: each entry's stage from its newest update", () => {
    const snapshot = snapshotFromFeed(feedText('statuspage-history.atom'), BASE, `${BASE}/history.atom`, FETCHED_AT);
    expect(snapshot).toMatchObject({ kind: 'feed', name: 'Acme Cloud Status - Incident History', overall: 'degraded', services: [] });
    expect(snapshot.incidents.map((i) => [i.title, i.status, i.resolvedAt])).toEqual([
      ['Elevated API error rates in eu-west', 'identified', null],
      ['Delayed webhook deliveries', 'resolved', '2026-03-11T15:30:00.000Z'],
    ]);
    expect(snapshot.incidents[0]?.updates[0]?.body).toMatch(/^Mar 12, 09:41 UTC\nIdentified - We have traced the errors .* eu-west & are draining/);
    expect(snapshot.incidents[0]?.url).toBe(`${BASE}/incidents/k7ptrj0y5gqz`);
    expect(snapshot.maintenances).toMatchObject([{ title: 'Network maintenance', status: 'completed' }]);
  });

  it('reads an RSS feed: open until it says resolved, for a day at most', () => {
    const snapshot = snapshotFromFeed(feedText('status-rss.xml'), BASE, `${BASE}/feed.rss`, FETCHED_AT);
    expect(snapshot.name).toBe('Acme Cloud status');
    expect(snapshot.incidents.map((i) => [i.id, i.status])).toEqual([
      ['acme-incident-4711', 'unknown'],
      ['acme-incident-4707', 'resolved'],
    ]);
    expect(snapshot.overall).toBe('degraded');
    const dayLater = snapshotFromFeed(feedText('status-rss.xml'), BASE, `${BASE}/feed.rss`, new Date('2026-03-13T10:00:00Z'));
    expect(dayLater.incidents.map((i) => i.id)).toEqual(['acme-incident-4707']);
    expect(dayLater.overall).toBe('operational');
  });

  it('refuses what is not a feed, and finds the feeds a page announces', () => {
    expect(() => snapshotFromFeed('<html><body>hi</body></html>', BASE, BASE, FETCHED_AT)).toThrow(/not an RSS or Atom feed/);
    expect(() => snapshotFromFeed('{"a":1}', BASE, BASE, FETCHED_AT)).toThrow(/not an RSS or Atom feed/);
    expect(feedLinksIn('<link rel="alternate" type="application/rss+xml" href="/feed?a=1&amp;b=2"><link rel="stylesheet" href="x.css">', BASE)).toEqual([`${BASE}/feed?a=1&b=2`]);
  });

  it('keeps an entity bomb bounded', () => {
    const entities = Array.from({ length: 40 }, (_, i) => `<!ENTITY b${i + 1} "&b${i};&b${i};">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY b0 "${'x'.repeat(900)}">${entities}]><rss><channel><title>&b40;</title></channel></rss>`;
    const started = Date.now();
    let name = '';
    try {
      name = snapshotFromFeed(bomb, BASE, BASE, FETCHED_AT).name;
    } catch {
      // refused: as good
    }
    expect(name.length).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('strips the HTML of an entry to its text', () => {
    expect(plainText('<p>A &amp; B</p><p>C&#39;s &lt;ok&gt;</p>')).toBe("A & B\nC's <ok>");
  });
});

// Every real document in test/fixtures/real parses, with the levels and statuses it should give.
import { describe, expect, it } from 'vitest';
import {
  legacyIndexSchema,
  legacyStatusSchemaDocSchema,
} from '../../../../main/core/sources/legacy-schema';
import {
  eventsFromLegacy,
  servicesFromLegacy,
  snapshotFromLegacy,
  statusFromLegacy,
} from '../../../../main/core/sources/legacy';
import {
  incidentsFromList,
  maintenancesFromList,
  snapshotFromSummary,
} from '../../../../main/core/sources/statuspage';
import { legacyLevel } from '../../../../main/core/sources/words';
import { fixture, fixtureNames } from './fixtures';

const GANDI = 'https://status.gandi.net';
const at = (iso: string) => new Date(iso);

/** One check per fixture file; a new file without a check fails the coverage test below. */
const checks: Record<string, () => void> = {
  'gandi-legacy-api-index.json': () => {
    const index = legacyIndexSchema.parse(fixture('gandi-legacy-api-index.json'));
    expect(index.status?.list_endpoint).toBe('/api/status');
    expect(index.events?.list_endpoint).toBe('/api/events');
    expect(index.services?.schema).toBe('/api/services/schema');
  },
  'gandi-legacy-status-schema.json': () => {
    const doc = legacyStatusSchemaDocSchema.parse(fixture('gandi-legacy-status-schema.json'));
    const codes = doc.fields.status.value.flatMap((entry) => Object.keys(entry));
    expect(codes).toEqual(['SUNNY', 'CLOUDY', 'FOGGY', 'STORMY']);
    expect(codes.map(legacyLevel)).toEqual(['operational', 'maintenance', 'degraded', 'major_outage']);
  },
  'gandi-legacy-status-sunny.json': () => {
    expect(statusFromLegacy(fixture('gandi-legacy-status-sunny.json'), GANDI)).toBe('operational');
  },
  'gandi-legacy-status-foggy.json': () => {
    expect(statusFromLegacy(fixture('gandi-legacy-status-foggy.json'), GANDI)).toBe('degraded');
  },
  'gandi-legacy-status-stormy.json': () => {
    expect(statusFromLegacy(fixture('gandi-legacy-status-stormy.json'), GANDI)).toBe('major_outage');
  },
  'gandi-legacy-services-all-sunny.json': () => {
    const services = servicesFromLegacy(fixture('gandi-legacy-services-all-sunny.json'), GANDI);
    expect(services.map((s) => s.id)).toEqual(['IAAS', 'PAAS', 'Site', 'API', 'SSL', 'Domain', 'Email']);
    expect(services.every((s) => s.status === 'operational' && s.group === null)).toBe(true);
  },
  'gandi-legacy-services-paas-stormy.json': () => {
    const services = servicesFromLegacy(fixture('gandi-legacy-services-paas-stormy.json'), GANDI);
    expect(services.find((s) => s.id === 'PAAS')).toEqual({ id: 'PAAS', name: 'PAAS', group: null, status: 'major_outage' });
    expect(services.filter((s) => s.status !== 'operational').map((s) => s.id)).toEqual(['PAAS']);
  },
  'gandi-legacy-events-current-incidents-empty.json': () => {
    const events = eventsFromLegacy(fixture('gandi-legacy-events-current-incidents-empty.json'), GANDI, [], at('2015-01-01T00:00:00Z'));
    expect(events).toEqual({ incidents: [], maintenances: [] });
  },
  'gandi-legacy-events-current-incident-paas.json': () => {
    const services = servicesFromLegacy(fixture('gandi-legacy-services-paas-stormy.json'), GANDI);
    const body = fixture('gandi-legacy-events-current-incident-paas.json');
    const open = eventsFromLegacy(body, GANDI, services, at('2014-10-08T00:00:00Z')).incidents;
    expect(open).toEqual([
      {
        id: '7',
        title: 'Incident on a storage unit on Paris datacenter',
        status: 'investigating',
        impact: 'major',
        services: ['IAAS', 'PAAS'],
        startedAt: '2014-10-07T18:00:00.000Z',
        updatedAt: '2014-10-07T18:00:00.000Z',
        resolvedAt: null,
        url: 'https://status.gandi.net/timeline/events/7',
        updates: [],
      },
    ]);
    // Past its date_end by the local clock but still in the current list: still open.
    const listed = eventsFromLegacy(body, GANDI, services, at('2014-10-08T07:00:00Z')).incidents[0];
    expect(listed).toMatchObject({ status: 'investigating', resolvedAt: null });
    // Read from a list of all events instead, the same event is over.
    const over = eventsFromLegacy(body, GANDI, services, at('2014-10-08T07:00:00Z'), 'any').incidents[0];
    expect(over).toMatchObject({ status: 'resolved', resolvedAt: '2014-10-08T06:20:00.000Z' });
  },
  'gandi-legacy-events-current-incident-no-service.json': () => {
    const body = fixture('gandi-legacy-events-current-incident-no-service.json');
    const [incident] = eventsFromLegacy(body, GANDI, [], at('2015-04-15T21:45:00Z')).incidents;
    expect(incident).toMatchObject({ id: '15', status: 'investigating', impact: 'minor', services: [] });
    // With the matching /api/status (FOGGY) and all services sunny, the page is degraded.
    const snapshot = snapshotFromLegacy(
      { status: fixture('gandi-legacy-status-foggy.json'), services: fixture('gandi-legacy-services-all-sunny.json'), events: body },
      GANDI,
      at('2015-04-15T21:45:00Z'),
    );
    expect(snapshot).toMatchObject({ kind: 'gandi-legacy', name: 'Gandi', overall: 'degraded' });
  },
  'gandi-legacy-events-list-baobab-mock.json': () => {
    const { incidents, maintenances } = eventsFromLegacy(
      fixture('gandi-legacy-events-list-baobab-mock.json'),
      GANDI,
      servicesFromLegacy(fixture('gandi-legacy-services-all-sunny.json'), GANDI),
      at('2014-10-16T17:30:00Z'),
      'any',
    );
    expect(maintenances.map((m) => [m.id, m.status])).toEqual([
      ['4', 'in_progress'],
      ['3', 'completed'],
      ['2', 'completed'],
    ]);
    expect(maintenances[0]).toEqual({
      id: '4',
      title: 'truc',
      status: 'in_progress',
      scheduledFor: '2014-10-16T17:00:49.000Z',
      scheduledUntil: '2014-10-16T17:51:14.000Z',
      services: ['Site', 'API'],
      url: 'https://status.gandi.net/timeline/events/4',
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ id: '1', status: 'resolved', impact: 'major', services: ['Site', 'SSL'] });
  },
  'statuspage-gandi-summary-all-ok.json': () => {
    const snapshot = snapshotFromSummary(fixture('statuspage-gandi-summary-all-ok.json'), GANDI, at('2020-01-15T10:00:00Z'));
    expect(snapshot).toMatchObject({ kind: 'statuspage', name: 'Gandi.net Status', overall: 'operational', stale: false, error: null });
    expect(snapshot.fetchedAt).toBe('2020-01-15T10:00:00.000Z');
    // 27 components, 5 of them groups: groups are not services.
    expect(snapshot.services).toHaveLength(22);
    expect(snapshot.services.map((s) => s.name)).not.toContain('Hosting');
    expect(snapshot.services.find((s) => s.name === 'LiveDNS')?.group).toBe('DNS');
    expect(snapshot.services.find((s) => s.name === 'PAAS LU-BI1')?.group).toBe('Hosting');
    expect(snapshot.services.find((s) => s.name === 'Domain name registration')?.group).toBeNull();
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.maintenances).toEqual([]);
  },
  'statuspage-gandi-summary-major-outage-and-maintenances.json': () => {
    const snapshot = snapshotFromSummary(
      fixture('statuspage-gandi-summary-major-outage-and-maintenances.json'),
      GANDI,
      at('2020-01-15T10:15:00Z'),
    );
    // Indicator "minor" alone would be degraded; PAAS LU-BI1 in major_outage makes it major.
    expect(snapshot.overall).toBe('major_outage');
    expect(snapshot.services.filter((s) => s.status !== 'operational')).toEqual([
      { id: 'c7hszlhjnvkn', name: 'PAAS LU-BI1', group: 'Hosting', status: 'major_outage' },
    ]);
    expect(snapshot.incidents.map((i) => [i.id, i.status, i.impact, i.services])).toEqual([
      ['4vtwdck61r3w', 'investigating', 'major', ['c7hszlhjnvkn']],
      ['4vt3dck64r31', 'investigating', 'major', ['lh3pzn39t285']],
    ]);
    expect(snapshot.incidents[0]).toMatchObject({
      title: 'Hard drive issues',
      startedAt: '2020-01-15T10:12:20.260Z',
      url: 'https://status.gandi.net/incidents/4vtwdck61r3w',
      updates: [{ at: '2020-01-15T10:12:20.339Z', status: 'investigating', body: 'we are currently validating this new status' }],
    });
    expect(snapshot.maintenances.map((m) => [m.id, m.status, m.scheduledFor, m.scheduledUntil, m.services])).toEqual([
      ['hz8p0x7hmls9', 'scheduled', '2020-01-22T05:00:00.000Z', '2020-01-22T08:00:00.000Z', ['3cl14sk43r6k']],
      ['k75cdm2g4m0n', 'scheduled', '2020-01-22T10:00:00.000Z', '2020-01-22T11:00:00.000Z', ['3cl14sk43r6k']],
      ['4j4c18c4r7nq', 'scheduled', '2020-01-30T05:00:00.000Z', '2020-01-30T05:30:00.000Z', ['3cl14sk43r6k']],
    ]);
    expect(snapshot.maintenances[0]?.url).toBe('https://status.gandi.net/incidents/hz8p0x7hmls9');
    // Without the component, the indicator alone decides.
    const body = fixture('statuspage-gandi-summary-major-outage-and-maintenances.json') as { components: unknown[] };
    const withoutComponents = snapshotFromSummary({ ...body, components: [] }, GANDI, at('2020-01-15T10:15:00Z'));
    expect(withoutComponents.overall).toBe('degraded');
  },
  'statuspage-github-summary-all-operational.json': () => {
    const snapshot = snapshotFromSummary(fixture('statuspage-github-summary-all-operational.json'), 'https://www.githubstatus.com', at('2019-12-30T09:00:00Z'));
    expect(snapshot).toMatchObject({ name: 'GitHub', overall: 'operational', incidents: [], maintenances: [] });
    expect(snapshot.services).toHaveLength(9);
    expect(snapshot.services.every((s) => s.status === 'operational' && s.group === null)).toBe(true);
  },
  'statuspage-github-summary-major-incident-investigating.json': () => {
    const base = 'https://www.githubstatus.com';
    const snapshot = snapshotFromSummary(fixture('statuspage-github-summary-major-incident-investigating.json'), base, at('2020-04-02T20:40:00Z'));
    expect(snapshot.overall).toBe('major_outage');
    const byName = Object.fromEntries(snapshot.services.map((s) => [s.name, s.status]));
    expect(byName).toMatchObject({
      'Git Operations': 'major_outage',
      'API Requests': 'major_outage',
      'GitHub Actions': 'partial_outage',
      'GitHub Pages': 'operational',
    });
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.incidents[0]).toMatchObject({
      id: '80d0cs6kpsps',
      title: 'Incident on 2020-04-02 20:20 UTC',
      status: 'investigating',
      impact: 'major',
      services: ['0l2p9nhqnxpd'],
      resolvedAt: null,
      url: 'https://www.githubstatus.com/incidents/80d0cs6kpsps',
    });
    expect(snapshot.incidents[0]?.updates.map((u) => [u.at, u.body])).toEqual([
      ['2020-04-02T20:26:36.354Z', 'We are investigating reports of service unavailability.'],
      ['2020-04-02T20:20:54.071Z', 'We are investigating reports of degraded performance.'],
    ]);
  },
  'statuspage-github-incidents-resolved-with-affected-components.json': () => {
    const incidents = incidentsFromList(fixture('statuspage-github-incidents-resolved-with-affected-components.json'), 'https://www.githubstatus.com');
    expect(incidents.map((i) => [i.id, i.status, i.impact, i.resolvedAt, i.updates.length])).toEqual([
      ['69sb0f8lydp4', 'resolved', 'major', '2024-09-16T22:08:39.333Z', 6],
      ['r3x7x31k7nn1', 'resolved', 'minor', '2024-09-16T14:28:03.812Z', 6],
    ]);
    expect(new Set(incidents[0]?.services)).toEqual(new Set(['br0l2tvcx85d', 'vg70hn9s2tyj']));
    expect(incidents[0]?.updates[0]).toEqual({ at: '2024-09-16T22:08:39.333Z', status: 'resolved', body: 'This incident has been resolved.' });
    expect(incidents[1]?.services).toEqual([]);
  },
  'statuspage-discord-incidents-resolved-with-updates.json': () => {
    const [incident, ...rest] = incidentsFromList(fixture('statuspage-discord-incidents-resolved-with-updates.json'), 'https://discordstatus.com');
    expect(rest).toEqual([]);
    // Offsets (-08:00) become UTC.
    expect(incident).toMatchObject({
      id: 'n4njzfn1mqy0',
      title: 'Messaging issues',
      status: 'resolved',
      impact: 'minor',
      services: ['rhznvxg4v7yh'],
      startedAt: '2022-02-15T21:14:17.737Z',
      resolvedAt: '2022-02-15T21:37:37.388Z',
    });
    expect(incident?.updates.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'investigating', 'investigating']);
  },
  'statuspage-discord-incidents-unresolved-empty.json': () => {
    expect(incidentsFromList(fixture('statuspage-discord-incidents-unresolved-empty.json'), 'https://discordstatus.com')).toEqual([]);
  },
  'statuspage-discord-scheduled-maintenances-completed.json': () => {
    const maintenances = maintenancesFromList(
      fixture('statuspage-discord-scheduled-maintenances-completed.json'),
      'https://discordstatus.com',
      at('2015-09-22T10:00:00Z'),
    );
    expect(maintenances).toEqual([
      {
        id: 'chkt3cr0jf7b',
        title: '(ﾉ◕ヮ◕)ﾉ*:･ﾟ✧ Server Juice',
        status: 'completed',
        scheduledFor: '2015-09-22T08:00:00.000Z',
        scheduledUntil: '2015-09-22T08:30:00.000Z',
        services: [],
        url: 'https://discordstatus.com/incidents/chkt3cr0jf7b',
        // The page's last word, and when it really ended (later than planned).
        details: 'Everything seems to be working! \nSorry for the brief interruption.',
        completedAt: '2015-09-22T09:25:20.034Z',
      },
    ]);
  },
  'statuspage-discord-status-none.json': () => {
    // status.json has the page and indicator but no lists: it reads as a summary with no services.
    const snapshot = snapshotFromSummary(fixture('statuspage-discord-status-none.json'), 'https://discordstatus.com', at('2022-02-15T22:00:00Z'));
    expect(snapshot).toMatchObject({ name: 'Discord', overall: 'operational', services: [], incidents: [], maintenances: [] });
  },
};

describe('real fixtures', () => {
  it('has a check for every file in the fixtures folder', () => {
    const names = fixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names.filter((name) => !(name in checks))).toEqual([]);
  });

  for (const name of fixtureNames()) {
    it(`parses ${name}`, () => {
      const check = checks[name];
      expect(check).toBeDefined();
      check?.();
    });
  }
});

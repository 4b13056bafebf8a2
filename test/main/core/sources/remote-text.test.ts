// What a status page sends is cleaned where it enters the model: no control characters, no bidi
// overrides or isolates reach the window, the tray or a notification.
import { describe, expect, it } from 'vitest';
import { eventsFromLegacy, snapshotFromLegacy } from '../../../../main/core/sources/legacy';
import { snapshotFromSummary } from '../../../../main/core/sources/statuspage';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NOW = new Date('2026-03-10T09:00:00Z');

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('Statuspage adapter', () => {
  it('cleans page, group and component names, incident and maintenance titles, update texts', () => {
    const summary = {
      page: { id: 'p', name: 'Gandi\u0000\u202E' },
      status: { indicator: 'major', description: 'x' },
      components: [
        { id: 'g', name: 'Hosting\u2066 group\u2069', group: true, components: ['c'] },
        { id: 'c', name: 'Web\u0000 hosting\u0085', status: 'major_outage', group_id: 'g' },
      ],
      incidents: [
        {
          id: 'i',
          name: 'Mail \u202Etuo\u202C down\u001b[2J',
          status: 'investigating',
          impact: 'major',
          started_at: '2026-03-10T08:00:00Z',
          incident_updates: [{ status: 'investigating\u0000', body: 'We are\u0000 looking\r\ninto it\t\u202E(now)', display_at: '2026-03-10T08:05:00Z' }],
          components: [{ id: 'c', name: 'Web hosting' }],
        },
      ],
      scheduled_maintenances: [
        { id: 'm', name: 'Storage\u0000 work\u202D', status: 'scheduled', scheduled_for: '2026-03-12T22:00:00Z', scheduled_until: '2026-03-13T02:00:00Z' },
      ],
    };
    const snapshot = snapshotFromSummary(summary, 'https://status.example.test', NOW);
    expect(snapshot.name).toBe('Gandi');
    expect(snapshot.services).toEqual([{ id: 'c', name: 'Web hosting', group: 'Hosting group', status: 'major_outage' }]);
    expect(snapshot.incidents[0]?.title).toBe('Mail tuo down[2J');
    expect(snapshot.incidents[0]?.updates[0]).toMatchObject({ status: 'investigating', body: 'We are looking\ninto it (now)' });
    expect(snapshot.maintenances[0]?.title).toBe('Storage work');
    for (const text of strings(snapshot)) expect(text).not.toMatch(UNSAFE);
  });
});

describe('legacy adapter', () => {
  it('cleans service names, event titles and log comments', () => {
    const snapshot = snapshotFromLegacy(
      {
        status: { status: 'STORMY' },
        services: [{ name: 'PAAS', description: 'Simple\u0000 Hosting\u202E', status: 'STORMY' }],
        events: [
          {
            id: 7,
            category: 'Incident',
            title: { en: 'Storage\u0000 incident\u2067' },
            date_start: '2026-03-10T08:00:00Z',
            services: ['PAAS'],
            logs: [{ comment: 'Fixed\u0000\u202E soon\u009b', date: '2026-03-10T08:30:00Z' }],
          },
          { id: 8, category: 'Maintenance', title: 'Disk\u0007 swap\u202A', date_start: '2026-03-12T22:00:00Z' },
        ],
      },
      'https://status.gandi.net',
      NOW,
    );
    expect(snapshot.services[0]?.name).toBe('Simple Hosting');
    expect(snapshot.incidents[0]?.title).toBe('Storage incident');
    expect(snapshot.incidents[0]?.updates[0]?.body).toBe('Fixed soon');
    expect(snapshot.maintenances[0]?.title).toBe('Disk swap');
    for (const text of strings(snapshot)) expect(text).not.toMatch(UNSAFE);
    // An event without a title still gets one.
    const { incidents } = eventsFromLegacy([{ id: 9, category: 'Incident', date_start: '2026-03-10T08:00:00Z' }], 'https://status.gandi.net', [], NOW);
    expect(incidents[0]?.title).toBe('Event 9');
  });
});

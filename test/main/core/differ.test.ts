import { describe, expect, it } from 'vitest';
import { diffSource } from '../../../main/core/differ';
import { dueReminders } from '../../../main/core/reminders';
import type { Incident, Maintenance, Service, SourceSnapshot } from '../../../common/model';

const URL_ = 'https://status.example.test';
const NOW = new Date('2026-03-01T12:00:00.000Z');

function snapshot(overrides: Partial<SourceSnapshot> = {}): SourceSnapshot {
  return {
    url: URL_,
    kind: 'statuspage',
    name: 'Example',
    overall: 'operational',
    fetchedAt: '2026-03-01T11:59:00.000Z',
    stale: false,
    error: null,
    problem: null,
    services: [service('web', 'operational'), service('dns', 'operational')],
    incidents: [],
    maintenances: [],
    ...overrides,
  };
}

function service(id: string, status: Service['status']): Service {
  return { id, name: id.toUpperCase(), group: null, status };
}

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc1',
    title: 'Web is slow',
    status: 'investigating',
    impact: 'minor',
    services: ['web'],
    startedAt: '2026-03-01T11:00:00.000Z',
    updatedAt: '2026-03-01T11:00:00.000Z',
    resolvedAt: null,
    url: `${URL_}/incidents/inc1`,
    updates: [{ at: '2026-03-01T11:00:00.000Z', status: 'investigating', body: 'Looking into it' }],
    ...overrides,
  };
}

function maintenance(overrides: Partial<Maintenance> = {}): Maintenance {
  return {
    id: 'm1',
    title: 'DNS upgrade',
    status: 'scheduled',
    scheduledFor: '2026-03-02T02:00:00.000Z',
    scheduledUntil: '2026-03-02T04:00:00.000Z',
    services: ['dns'],
    url: `${URL_}/incidents/m1`,
    ...overrides,
  };
}

const update2 = { at: '2026-03-01T11:30:00.000Z', status: 'identified', body: 'Found it' };
const resolvedUpdate = { at: '2026-03-01T11:50:00.000Z', status: 'resolved', body: 'Fixed' };

interface Row {
  name: string;
  previous: SourceSnapshot | null;
  next: SourceSnapshot;
  expected: string[];
}

const rows: Row[] = [
  { name: 'nothing changed', previous: snapshot(), next: snapshot(), expected: [] },
  {
    name: 'new open incident -> opened',
    previous: snapshot(),
    next: snapshot({ incidents: [incident()] }),
    expected: ['incident.opened'],
  },
  {
    name: 'status change -> updated',
    previous: snapshot({ incidents: [incident()] }),
    next: snapshot({ incidents: [incident({ status: 'identified', updates: [update2, ...incident().updates] })] }),
    expected: ['incident.updated'],
  },
  {
    name: 'new update with the same status -> updated',
    previous: snapshot({ incidents: [incident()] }),
    next: snapshot({ incidents: [incident({ updates: [{ ...update2, status: 'investigating' }, ...incident().updates] })] }),
    expected: ['incident.updated'],
  },
  {
    name: 'confirmed resolution -> resolved',
    previous: snapshot({ incidents: [incident({ status: 'monitoring' })] }),
    next: snapshot({
      incidents: [incident({ status: 'resolved', resolvedAt: resolvedUpdate.at, updates: [resolvedUpdate] })],
    }),
    expected: ['incident.resolved'],
  },
  {
    name: 'incident vanished without confirmation -> nothing',
    previous: snapshot({ incidents: [incident()] }),
    next: snapshot({ incidents: [] }),
    expected: [],
  },
  {
    name: 'resolved then postmortem -> updated',
    previous: snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: resolvedUpdate.at })] }),
    next: snapshot({ incidents: [incident({ status: 'postmortem', resolvedAt: resolvedUpdate.at })] }),
    expected: ['incident.updated'],
  },
  {
    name: 'opened and resolved while away (after the last look) -> resolved',
    previous: snapshot(),
    next: snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: '2026-03-01T11:59:30.000Z' })] }),
    expected: ['incident.resolved'],
  },
  {
    name: 'already resolved before the last look -> nothing',
    previous: snapshot(),
    next: snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: '2026-03-01T10:00:00.000Z' })] }),
    expected: [],
  },
  {
    name: 'new upcoming maintenance -> scheduled',
    previous: snapshot(),
    next: snapshot({ maintenances: [maintenance()] }),
    expected: ['maintenance.scheduled'],
  },
  {
    name: 'maintenance starts -> started',
    previous: snapshot({ maintenances: [maintenance()] }),
    next: snapshot({ maintenances: [maintenance({ status: 'in_progress' })] }),
    expected: ['maintenance.started'],
  },
  {
    name: 'maintenance ends -> completed',
    previous: snapshot({ maintenances: [maintenance({ status: 'in_progress' })] }),
    next: snapshot({ maintenances: [maintenance({ status: 'completed' })] }),
    expected: ['maintenance.completed'],
  },
  {
    name: 'maintenance rescheduled -> scheduled again',
    previous: snapshot({ maintenances: [maintenance()] }),
    next: snapshot({ maintenances: [maintenance({ scheduledFor: '2026-03-03T02:00:00.000Z' })] }),
    expected: ['maintenance.scheduled'],
  },
  {
    name: 'maintenance first seen completed -> nothing',
    previous: snapshot(),
    next: snapshot({ maintenances: [maintenance({ status: 'completed' })] }),
    expected: [],
  },
  {
    name: 'service level change -> service.changed',
    previous: snapshot(),
    next: snapshot({ services: [service('web', 'partial_outage'), service('dns', 'operational')] }),
    expected: ['service.changed'],
  },
  {
    name: 'service became unknown -> nothing (knowledge, not the service, changed)',
    previous: snapshot(),
    next: snapshot({ services: [service('web', 'unknown'), service('dns', 'operational')] }),
    expected: [],
  },
  {
    name: 'new service appears -> nothing',
    previous: snapshot(),
    next: snapshot({ services: [...snapshot().services, service('mail', 'degraded')] }),
    expected: [],
  },
  {
    name: 'stale next (failed fetch) -> nothing, even with incidents gone',
    previous: snapshot({ incidents: [incident()] }),
    next: snapshot({ stale: true, error: 'timeout', incidents: [], services: [service('web', 'unknown')] }),
    expected: [],
  },
  {
    name: 'next never fetched -> nothing',
    previous: null,
    next: snapshot({ fetchedAt: null, stale: true, services: [], overall: 'unknown' }),
    expected: [],
  },
  {
    name: 'first snapshot: only what is ongoing',
    previous: null,
    next: snapshot({
      services: [service('web', 'major_outage'), service('dns', 'maintenance')],
      incidents: [
        incident(),
        incident({ id: 'old', status: 'resolved', resolvedAt: '2026-03-01T10:00:00.000Z' }),
      ],
      maintenances: [
        maintenance({ id: 'live', status: 'in_progress' }),
        maintenance({ id: 'soon' }),
        maintenance({ id: 'done', status: 'completed' }),
      ],
    }),
    expected: ['incident.opened', 'maintenance.started', 'maintenance.scheduled'],
  },
  {
    name: 'previous without data counts as a first snapshot',
    previous: snapshot({ fetchedAt: null, stale: true, overall: 'unknown', services: [] }),
    next: snapshot({ incidents: [incident()] }),
    expected: ['incident.opened'],
  },
  {
    name: 'stale previous still holds the last data seen: diff against it',
    previous: snapshot({ stale: true, error: 'HTTP 500', incidents: [incident({ status: 'monitoring' })] }),
    next: snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: resolvedUpdate.at })] }),
    expected: ['incident.resolved'],
  },
];

describe('diffSource', () => {
  it.each(rows)('$name', ({ previous, next, expected }) => {
    expect(diffSource(previous, next, NOW).map((event) => event.type)).toEqual(expected);
  });

  it('gives the same keys for the same change, and different keys for different changes', () => {
    for (const row of rows) {
      const first = diffSource(row.previous, row.next, NOW).map((event) => event.key);
      const again = diffSource(row.previous, row.next, new Date(NOW.getTime() + 60_000)).map((event) => event.key);
      expect(again).toEqual(first);
    }
    const allKeys = rows.flatMap((row) => diffSource(row.previous, row.next, NOW).map((event) => event.key));
    const opened = allKeys.filter((key) => key.startsWith('incident.opened|'));
    expect(new Set(opened).size).toBe(1); // the same incident opening, whichever way it was seen
    const updated = allKeys.filter((key) => key.startsWith('incident.updated|'));
    expect(new Set(updated).size).toBe(updated.length);
  });

  it('tells one service flap from the next by the time of the previous look', () => {
    const degraded = [service('web', 'degraded'), service('dns', 'operational')];
    const first = diffSource(snapshot(), snapshot({ services: degraded }), NOW);
    const later = diffSource(
      snapshot({ fetchedAt: '2026-03-01T13:00:00.000Z' }),
      snapshot({ services: degraded, fetchedAt: '2026-03-01T13:01:00.000Z' }),
      NOW,
    );
    expect(first[0]?.key).not.toBe(later[0]?.key);
  });

  it('fills in the event fields from the snapshot', () => {
    const [opened] = diffSource(snapshot(), snapshot({ incidents: [incident()] }), NOW);
    expect(opened).toMatchObject({
      type: 'incident.opened',
      at: NOW.toISOString(),
      sourceUrl: URL_,
      sourceName: 'Example',
      url: `${URL_}/incidents/inc1`,
      incidentId: 'inc1',
      title: 'Web is slow',
      status: 'investigating',
      previousStatus: null,
      services: ['WEB'],
      serviceIds: ['web'],
      update: { body: 'Looking into it' },
    });
    const [changed] = diffSource(
      snapshot(),
      snapshot({ services: [service('web', 'operational'), service('dns', 'major_outage')] }),
      NOW,
    );
    expect(changed).toMatchObject({ type: 'service.changed', serviceId: 'dns', serviceName: 'DNS', from: 'operational', to: 'major_outage', url: URL_ });
    const [resolved] = diffSource(
      snapshot({ incidents: [incident({ status: 'monitoring' })] }),
      snapshot({ incidents: [incident({ status: 'resolved', resolvedAt: resolvedUpdate.at, updates: [resolvedUpdate] })] }),
      NOW,
    );
    expect(resolved).toMatchObject({ previousStatus: 'monitoring', status: 'resolved', update: resolvedUpdate });
  });

  it('announces unknown-level changes when asked to', () => {
    const next = snapshot({ services: [service('web', 'unknown'), service('dns', 'operational')] });
    expect(diffSource(snapshot(), next, NOW, { includeUnknownLevels: true }).map((e) => e.type)).toEqual(['service.changed']);
  });
});

describe('dueReminders', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
  const cases: Array<{ name: string; m: Maintenance; minutes?: number; due: boolean }> = [
    { name: 'starts in 30 min, window 60', m: maintenance({ scheduledFor: at(30) }), due: true },
    { name: 'starts in exactly 60 min', m: maintenance({ scheduledFor: at(60) }), due: true },
    { name: 'starts in 61 min', m: maintenance({ scheduledFor: at(61) }), due: false },
    { name: 'starts in 61 min, window 120', m: maintenance({ scheduledFor: at(61) }), minutes: 120, due: true },
    { name: 'already started time-wise', m: maintenance({ scheduledFor: at(-1) }), due: false },
    { name: 'in progress', m: maintenance({ status: 'in_progress', scheduledFor: at(10) }), due: false },
    { name: 'no start time', m: maintenance({ scheduledFor: null }), due: false },
    { name: 'unparsable start time', m: maintenance({ scheduledFor: 'soon' }), due: false },
  ];
  it.each(cases)('$name -> due $due', ({ m, minutes, due }) => {
    const reminders = dueReminders(snapshot({ maintenances: [m] }), NOW, minutes);
    expect(reminders.map((event) => event.type)).toEqual(due ? ['maintenance.reminder'] : []);
  });

  it('keys a reminder per maintenance and start time', () => {
    const m = maintenance({ scheduledFor: at(30) });
    const once = dueReminders(snapshot({ maintenances: [m] }), NOW)[0]?.key;
    const later = dueReminders(snapshot({ maintenances: [m] }), new Date(NOW.getTime() + 60_000))[0]?.key;
    const moved = dueReminders(snapshot({ maintenances: [{ ...m, scheduledFor: at(40) }] }), NOW)[0]?.key;
    expect(once).toBeDefined();
    expect(later).toBe(once);
    expect(moved).not.toBe(once);
  });

  it('reminds of nothing without data', () => {
    const m = maintenance({ scheduledFor: at(30) });
    expect(dueReminders(snapshot({ fetchedAt: null, maintenances: [m] }), NOW)).toEqual([]);
  });
});

// Builders of the model's shapes for tests: one source, service, incident or maintenance with
// sensible defaults, each field overridable.
import type { Incident, Maintenance, Service, SourceSnapshot, StatusSnapshot } from '../../common/model';

export function sourceSnapshot(overrides: Partial<SourceSnapshot> = {}): SourceSnapshot {
  return {
    url: 'https://status.example.com',
    kind: 'statuspage',
    name: 'Example',
    overall: 'operational',
    fetchedAt: '2026-12-01T11:59:00.000Z',
    stale: false,
    error: null,
    problem: null,
    services: [],
    incidents: [],
    maintenances: [],
    ...overrides,
  };
}

export function service(id: string, status: Service['status'], group: string | null = 'Hosting', name = `Name ${id}`): Service {
  return { id, name, group, status };
}

export function incident(overrides: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    title: `Incident ${overrides.id}`,
    status: 'investigating',
    impact: 'minor',
    services: [],
    startedAt: null,
    updatedAt: null,
    resolvedAt: null,
    url: `https://status.example.com/incidents/${overrides.id}`,
    updates: [],
    ...overrides,
  };
}

export function maintenance(overrides: Partial<Maintenance> & Pick<Maintenance, 'id'>): Maintenance {
  return {
    title: `Maintenance ${overrides.id}`,
    status: 'scheduled',
    scheduledFor: null,
    scheduledUntil: null,
    services: [],
    url: `https://status.example.com/maintenances/${overrides.id}`,
    ...overrides,
  };
}

export function statusSnapshot(...sources: SourceSnapshot[]): StatusSnapshot {
  return { overall: 'operational', sources };
}

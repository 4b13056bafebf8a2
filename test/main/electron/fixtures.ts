// Snapshots and change events for the tray app's tests, built from a few facts.
import type {
  ChangeEvent,
  Incident,
  IncidentEvent,
  Level,
  Maintenance,
  MaintenanceEvent,
  Service,
  ServiceChangedEvent,
  StatusSnapshot,
} from '../../../common/model';
import { defaultSettings, type Settings } from '../../../common/settings';

export const SOURCE = 'https://status.gandi.net';

export function service(id: string, name: string, status: Level = 'operational'): Service {
  return { id, name, group: null, status };
}

export function incident(id: string, title: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    title,
    status: 'investigating',
    impact: 'major',
    services: [],
    startedAt: '2026-03-10T08:00:00.000Z',
    updatedAt: '2026-03-10T08:00:00.000Z',
    resolvedAt: null,
    url: `${SOURCE}/incidents/${id}`,
    updates: [],
    ...overrides,
  };
}

export function maintenance(id: string, title: string, overrides: Partial<Maintenance> = {}): Maintenance {
  return {
    id,
    title,
    status: 'scheduled',
    scheduledFor: '2026-03-12T22:00:00.000Z',
    scheduledUntil: '2026-03-13T02:00:00.000Z',
    services: [],
    url: `${SOURCE}/incidents/${id}`,
    ...overrides,
  };
}

export function snapshot(
  overall: Level,
  parts: { services?: Service[]; incidents?: Incident[]; maintenances?: Maintenance[]; stale?: boolean; fetchedAt?: string | null } = {},
): StatusSnapshot {
  return {
    overall,
    sources: [
      {
        url: SOURCE,
        kind: 'statuspage',
        name: 'Gandi',
        overall,
        fetchedAt: parts.fetchedAt === undefined ? '2026-03-10T08:05:00.000Z' : parts.fetchedAt,
        stale: parts.stale ?? false,
        error: parts.stale ? 'timeout' : null,
        problem: null,
        services: parts.services ?? [],
        incidents: parts.incidents ?? [],
        maintenances: parts.maintenances ?? [],
      },
    ],
  };
}

const base = { at: '2026-03-10T08:05:00.000Z', sourceUrl: SOURCE, sourceName: 'Gandi' };

export function incidentEvent(
  type: IncidentEvent['type'],
  id: string,
  title: string,
  serviceIds: string[] = [],
  overrides: Partial<IncidentEvent> = {},
): IncidentEvent {
  return {
    ...base,
    type,
    key: `${type}:${id}:${overrides.status ?? 'investigating'}`,
    url: `${SOURCE}/incidents/${id}`,
    incidentId: id,
    title,
    status: type === 'incident.resolved' ? 'resolved' : 'investigating',
    previousStatus: null,
    impact: 'major',
    services: serviceIds.map((s) => s.toUpperCase()),
    serviceIds,
    update: null,
    ...overrides,
  };
}

export function maintenanceEvent(
  type: MaintenanceEvent['type'],
  id: string,
  title: string,
  serviceIds: string[] = [],
): MaintenanceEvent {
  return {
    ...base,
    type,
    key: `${type}:${id}`,
    url: `${SOURCE}/incidents/${id}`,
    maintenanceId: id,
    title,
    status: type === 'maintenance.started' ? 'in_progress' : type === 'maintenance.completed' ? 'completed' : 'scheduled',
    scheduledFor: '2026-03-12T22:00:00.000Z',
    scheduledUntil: '2026-03-13T02:00:00.000Z',
    services: serviceIds.map((s) => s.toUpperCase()),
    serviceIds,
  };
}

export function serviceEvent(serviceId: string, from: Level, to: Level): ServiceChangedEvent {
  return {
    ...base,
    type: 'service.changed',
    key: `service:${serviceId}:${from}->${to}`,
    url: SOURCE,
    serviceId,
    serviceName: serviceId.toUpperCase(),
    from,
    to,
  };
}

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

export type { ChangeEvent };

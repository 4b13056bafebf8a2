// What changed between two good snapshots of one source. Pure: same input, same events, same keys.
// source.* and overall.changed are not here: they come from poll results, in the status core.
import type {
  ChangeEvent,
  Incident,
  IncidentEvent,
  IncidentStatus,
  Level,
  Maintenance,
  MaintenanceEvent,
  ServiceChangedEvent,
  SourceSnapshot,
} from '../../common/model';
import { isIncidentClosed } from '../../common/levels';

export interface DiffOptions {
  /**
   * Announce service changes to or from `unknown` (default false): such a change says the API
   * stopped or started naming a level we understand, not that the service itself changed.
   */
  includeUnknownLevels?: boolean;
  /**
   * The last known (not `unknown`) level of each service id before `next`, which the caller keeps
   * across snapshots. A service that comes back from `unknown` is compared with it, so
   * operational -> unknown -> major_outage is still one change, operational -> major_outage.
   */
  lastKnownLevels?: ReadonlyMap<string, Level>;
}

export function isIncidentOpen(incident: Incident): boolean {
  return !isIncidentClosed(incident.status);
}

/** True when the snapshot holds data from a successful fetch that is current. */
function isGood(snapshot: SourceSnapshot | null): snapshot is SourceSnapshot {
  return snapshot !== null && !snapshot.stale && snapshot.fetchedAt !== null;
}

/** True when the snapshot holds some data that was good once (stale or not). */
function hasData(snapshot: SourceSnapshot | null): snapshot is SourceSnapshot {
  return snapshot !== null && snapshot.fetchedAt !== null;
}

function serviceNames(snapshot: SourceSnapshot, ids: readonly string[]): string[] {
  return ids.map((id) => snapshot.services.find((service) => service.id === id)?.name ?? id);
}

/** Identity of an incident's newest news: its newest update's time, else its updatedAt. */
function newestUpdateStamp(incident: Incident): string {
  return incident.updates[0]?.at ?? incident.updatedAt ?? '';
}

function incidentEvent(
  type: IncidentEvent['type'],
  snapshot: SourceSnapshot,
  incident: Incident,
  previousStatus: IncidentStatus | null,
  key: string,
  at: string,
): IncidentEvent {
  return {
    type,
    at,
    sourceUrl: snapshot.url,
    sourceName: snapshot.name,
    key,
    url: incident.url,
    incidentId: incident.id,
    title: incident.title,
    status: incident.status,
    previousStatus,
    impact: incident.impact,
    services: serviceNames(snapshot, incident.services),
    serviceIds: [...incident.services],
    update: incident.updates[0] ?? null,
  };
}

export function maintenanceEvent(
  type: MaintenanceEvent['type'],
  snapshot: SourceSnapshot,
  maintenance: Maintenance,
  at: string,
): MaintenanceEvent {
  return {
    type,
    at,
    sourceUrl: snapshot.url,
    sourceName: snapshot.name,
    key: maintenanceKey(type, snapshot.url, maintenance),
    url: maintenance.url,
    maintenanceId: maintenance.id,
    title: maintenance.title,
    status: maintenance.status,
    scheduledFor: maintenance.scheduledFor,
    scheduledUntil: maintenance.scheduledUntil,
    services: serviceNames(snapshot, maintenance.services),
    serviceIds: [...maintenance.services],
  };
}

/** Scheduling and reminders carry the start time, so a rescheduled maintenance is announced again. */
function maintenanceKey(type: MaintenanceEvent['type'], sourceUrl: string, maintenance: Maintenance): string {
  const perSchedule = type === 'maintenance.scheduled' || type === 'maintenance.reminder';
  return [type, sourceUrl, maintenance.id, ...(perSchedule ? [maintenance.scheduledFor ?? ''] : [])].join('|');
}

const incidentKey = {
  opened: (url: string, incident: Incident) => `incident.opened|${url}|${incident.id}`,
  updated: (url: string, incident: Incident) =>
    `incident.updated|${url}|${incident.id}|${incident.status}|${newestUpdateStamp(incident)}`,
  // One key per closing: a reopened incident that is resolved again is news again, while the same
  // closing seen twice (a redone diff, a restart) keeps its key.
  resolved: (url: string, incident: Incident) =>
    `incident.resolved|${url}|${incident.id}|${incident.resolvedAt ?? newestUpdateStamp(incident)}`,
};

function diffIncidents(previous: SourceSnapshot, next: SourceSnapshot, at: string): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const before = new Map(previous.incidents.map((incident) => [incident.id, incident]));
  for (const incident of next.incidents) {
    const old = before.get(incident.id);
    if (!old) {
      if (isIncidentOpen(incident)) {
        events.push(incidentEvent('incident.opened', next, incident, null, incidentKey.opened(next.url, incident), at));
      } else if (resolvedSince(incident, previous.fetchedAt)) {
        // Opened and resolved while we were not looking: say it happened, once.
        events.push(incidentEvent('incident.resolved', next, incident, null, incidentKey.resolved(next.url, incident), at));
      }
      continue;
    }
    if (isIncidentOpen(old) && !isIncidentOpen(incident)) {
      // The adapter only reports `resolved` once the API confirms it; a vanished incident is not resolved.
      events.push(incidentEvent('incident.resolved', next, incident, old.status, incidentKey.resolved(next.url, incident), at));
    } else if (old.status !== incident.status || newestUpdateStamp(old) !== newestUpdateStamp(incident)) {
      events.push(incidentEvent('incident.updated', next, incident, old.status, incidentKey.updated(next.url, incident), at));
    }
  }
  return events;
}

/** An incident first seen already resolved counts only if it ended after our last good look. */
function resolvedSince(incident: Incident, lastLook: string | null): boolean {
  if (incident.resolvedAt === null || lastLook === null) return true;
  const resolved = Date.parse(incident.resolvedAt);
  const looked = Date.parse(lastLook);
  return Number.isNaN(resolved) || Number.isNaN(looked) || resolved > looked;
}

const MAINTENANCE_EVENT_OF = {
  scheduled: 'maintenance.scheduled',
  in_progress: 'maintenance.started',
  completed: 'maintenance.completed',
} as const;

function diffMaintenances(previous: SourceSnapshot, next: SourceSnapshot, at: string): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const before = new Map(previous.maintenances.map((maintenance) => [maintenance.id, maintenance]));
  for (const maintenance of next.maintenances) {
    const old = before.get(maintenance.id);
    if (!old) {
      // A maintenance first seen already completed is history, not news.
      if (maintenance.status !== 'completed') {
        events.push(maintenanceEvent(MAINTENANCE_EVENT_OF[maintenance.status], next, maintenance, at));
      }
      continue;
    }
    const rescheduled = maintenance.status === 'scheduled' && old.scheduledFor !== maintenance.scheduledFor;
    if (old.status !== maintenance.status || rescheduled) {
      events.push(maintenanceEvent(MAINTENANCE_EVENT_OF[maintenance.status], next, maintenance, at));
    }
  }
  return events;
}

function diffServices(previous: SourceSnapshot, next: SourceSnapshot, at: string, opts: DiffOptions): ChangeEvent[] {
  const events: ServiceChangedEvent[] = [];
  const before = new Map(previous.services.map((service) => [service.id, service.status]));
  for (const service of next.services) {
    const seen: Level | undefined = before.get(service.id);
    const from = seen === 'unknown' && !opts.includeUnknownLevels ? (opts.lastKnownLevels?.get(service.id) ?? seen) : seen;
    if (from === undefined || from === service.status) continue;
    if (!opts.includeUnknownLevels && (from === 'unknown' || service.status === 'unknown')) continue;
    events.push({
      type: 'service.changed',
      at,
      sourceUrl: next.url,
      sourceName: next.name,
      // The previous look's time tells one flap from the next, and stays the same if the diff is redone.
      key: `service.changed|${next.url}|${service.id}|${from}|${service.status}|${previous.fetchedAt ?? ''}`,
      url: next.url,
      serviceId: service.id,
      serviceName: service.name,
      from,
      to: service.status,
    });
  }
  return events;
}

/** What a source that was never seen before has going on: open incidents and live or upcoming maintenances. */
function announceOngoing(next: SourceSnapshot, at: string): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const incident of next.incidents) {
    if (isIncidentOpen(incident)) {
      events.push(incidentEvent('incident.opened', next, incident, null, incidentKey.opened(next.url, incident), at));
    }
  }
  for (const maintenance of next.maintenances) {
    if (maintenance.status !== 'completed') {
      events.push(maintenanceEvent(MAINTENANCE_EVENT_OF[maintenance.status], next, maintenance, at));
    }
  }
  return events;
}

/**
 * The last known level of each service after `next`: its level when known, else what was known
 * before. Services gone from `next` are forgotten. Keep it per source and pass it as
 * `DiffOptions.lastKnownLevels` to the next diff.
 */
export function lastKnownLevelsAfter(
  known: ReadonlyMap<string, Level> | undefined,
  next: SourceSnapshot,
): Map<string, Level> {
  const result = new Map<string, Level>();
  for (const service of next.services) {
    const level = service.status === 'unknown' ? known?.get(service.id) : service.status;
    if (level !== undefined) result.set(service.id, level);
  }
  return result;
}

/**
 * Events between the last data seen of a source and a new snapshot of it.
 * A stale `next` (failed fetch) yields nothing; a `previous` without data counts as a first look.
 */
export function diffSource(
  previous: SourceSnapshot | null,
  next: SourceSnapshot,
  now: Date,
  opts: DiffOptions = {},
): ChangeEvent[] {
  if (!isGood(next)) return [];
  const at = now.toISOString();
  if (!hasData(previous)) return announceOngoing(next, at);
  return [
    ...diffIncidents(previous, next, at),
    ...diffMaintenances(previous, next, at),
    ...diffServices(previous, next, at, opts),
  ];
}

// A source snapshot trimmed to the app's limits (limits.ts), so that what the core publishes and
// saves always passes the schema that reads it back: one odd item (a title of 100,000 characters,
// an incident with 1,000 updates, an id of 300 characters) is shortened, never a reason to refuse
// the whole picture.
import { boundId, clip, LIMITS } from './limits';
import type { Incident, Maintenance, Service, SourceSnapshot } from './model';

const name = (text: string): string => clip(text, LIMITS.nameChars);
const ids = (list: readonly string[]): string[] => list.slice(0, LIMITS.servicesPerItem).map(boundId);
const time = <T extends string | null>(value: T): T => (value === null ? value : (value.slice(0, LIMITS.timeChars) as T));
const url = (value: string): string => value.slice(0, LIMITS.urlChars);

function boundService(service: Service): Service {
  return { id: boundId(service.id), name: name(service.name), group: service.group === null ? null : name(service.group), status: service.status };
}

function boundIncident(incident: Incident): Incident {
  return {
    ...incident,
    id: boundId(incident.id),
    title: name(incident.title),
    services: ids(incident.services),
    startedAt: time(incident.startedAt),
    updatedAt: time(incident.updatedAt),
    resolvedAt: time(incident.resolvedAt),
    url: url(incident.url),
    // Updates are newest first: the oldest are the ones let go.
    updates: incident.updates.slice(0, LIMITS.updatesPerIncident).map((update) => ({
      at: time(update.at),
      status: clip(update.status, LIMITS.wordChars),
      body: clip(update.body, LIMITS.bodyChars),
    })),
  };
}

function boundMaintenance(maintenance: Maintenance): Maintenance {
  return {
    ...maintenance,
    id: boundId(maintenance.id),
    title: name(maintenance.title),
    services: ids(maintenance.services),
    scheduledFor: time(maintenance.scheduledFor),
    scheduledUntil: time(maintenance.scheduledUntil),
    url: url(maintenance.url),
    ...(maintenance.details === undefined ? {} : { details: clip(maintenance.details, LIMITS.bodyChars) }),
    ...(maintenance.completedAt === undefined ? {} : { completedAt: time(maintenance.completedAt) }),
  };
}

/**
 * The first item of each id: a page that lists one twice (an incident both open and resolved) would
 * otherwise look, to the next comparison, like one that closed and reopened.
 */
function firstOfEachId<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/** Open incidents are kept before resolved ones when a page lists more than the limit. */
function keepOpenFirst(incidents: readonly Incident[]): Incident[] {
  if (incidents.length <= LIMITS.incidentsPerSource) return [...incidents];
  const closed = (incident: Incident) => incident.status === 'resolved' || incident.status === 'postmortem';
  return [...incidents.filter((i) => !closed(i)), ...incidents.filter(closed)].slice(0, LIMITS.incidentsPerSource);
}

export function boundSourceSnapshot(snapshot: SourceSnapshot): SourceSnapshot {
  return {
    ...snapshot,
    url: url(snapshot.url),
    name: name(snapshot.name),
    fetchedAt: time(snapshot.fetchedAt),
    error: snapshot.error === null ? null : clip(snapshot.error, LIMITS.bodyChars),
    services: firstOfEachId(snapshot.services).slice(0, LIMITS.servicesPerSource).map(boundService),
    incidents: keepOpenFirst(firstOfEachId(snapshot.incidents)).map(boundIncident),
    maintenances: firstOfEachId(snapshot.maintenances).slice(0, LIMITS.maintenancesPerSource).map(boundMaintenance),
  };
}

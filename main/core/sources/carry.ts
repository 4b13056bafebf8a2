// The rules that carry incidents and maintenances from one snapshot to the next when they leave the
// live feed: said resolved or completed only once the API confirms it; dropped quietly (never called
// resolved) once the API has shown for a while that it no longer knows them; kept as they were when
// the API could not be asked.
import { isIncidentClosed } from '../../../common/levels';
import type { Incident, IsoTime, Maintenance } from '../../../common/model';

/** Resolved incidents stay visible this long after they were resolved. */
export const RESOLVED_INCIDENT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Completed maintenances stay visible this long after their window's end. */
export const COMPLETED_MAINTENANCE_RETENTION_MS = 6 * 60 * 60 * 1000;
/**
 * Successful lookups in a row that must miss an open item before it is dropped. One miss may be a
 * lagging cache between the live feed and the lists; a few in a row mean it was deleted (or fell
 * out of the list's window).
 */
export const DROP_AFTER_ABSENT_ROUNDS = 3;

/** What a confirmation lookup learnt about open items that left the live feed. */
export interface Lookup<T> {
  /** Items the lookup found, by id, as it shows them (closed or still open). */
  found: Map<string, T>;
  /** Ids a complete, successful answer did not list. */
  absent: Set<string>;
  /** Ids the API says do not exist (a 404 for the item itself): dropped at once. */
  gone: Set<string>;
}

/** A lookup that learnt nothing (it failed): nothing is resolved, dropped or counted. */
export function nothingLearnt<T>(): Lookup<T> {
  return { found: new Map(), absent: new Set(), gone: new Set() };
}

/** Runs a confirmation lookup; any failure means "nothing learnt", never an error. */
export async function lookUpOrNothing<T>(lookup: () => Promise<Lookup<T>>): Promise<Lookup<T>> {
  try {
    return await lookup();
  } catch {
    return nothingLearnt();
  }
}

/**
 * Per item id, the successful lookups in a row that did not list it. Owned by a source and kept in
 * memory only: after a restart the count starts again (the snapshot's JSON shape is a contract).
 */
export type AbsentRounds = Map<string, number>;

function timeOf(value: IsoTime | null): number {
  return value === null ? Number.NaN : Date.parse(value);
}

/** Whether an open item the lookup did not confirm closed is to be dropped now; updates `rounds`. */
function dropUnconfirmed<T>(id: string, lookup: Lookup<T>, rounds: AbsentRounds): boolean {
  if (lookup.gone.has(id)) return true;
  if (lookup.absent.has(id)) {
    const misses = (rounds.get(id) ?? 0) + 1;
    rounds.set(id, misses);
    return misses >= DROP_AFTER_ABSENT_ROUNDS;
  }
  // Listed again (still open): the misses were not in a row. Not asked (failure): no news either way.
  if (lookup.found.has(id)) rounds.delete(id);
  return false;
}

/** Forgets the counts of items no longer waiting for a confirmation (back live, closed or dropped). */
function pruneRounds(rounds: AbsentRounds, waiting: ReadonlySet<string>): void {
  for (const id of [...rounds.keys()]) if (!waiting.has(id)) rounds.delete(id);
}

/**
 * Incidents of the new snapshot: the live ones, then those that left the live feed.
 * An incident that was open and has left the feed is said resolved only if `confirm` shows it
 * resolved; it is dropped, without being called resolved, when the API says it does not exist or
 * has not listed it for DROP_AFTER_ABSENT_ROUNDS lookups in a row; otherwise it is kept exactly as
 * it was. Resolved incidents stay 24 h after their resolution; one whose resolution has just been
 * confirmed is always shown once, however old, so that the change can be announced.
 */
export async function carryIncidents(
  live: Incident[],
  previous: readonly Incident[],
  confirm: (missing: Incident[]) => Promise<Lookup<Incident>>,
  now: Date,
  rounds: AbsentRounds = new Map(),
): Promise<Incident[]> {
  const liveIds = new Set(live.map((incident) => incident.id));
  const left = previous.filter((incident) => !liveIds.has(incident.id));
  const missingOpen = left.filter((incident) => !isIncidentClosed(incident.status));
  const lookup = missingOpen.length > 0 ? await confirm(missingOpen) : nothingLearnt<Incident>();

  const wasOpen = new Set(previous.filter((i) => !isIncidentClosed(i.status)).map((i) => i.id));
  const justResolved = new Set(live.filter((i) => isIncidentClosed(i.status) && wasOpen.has(i.id)).map((i) => i.id));
  const carried: Incident[] = [];
  const waiting = new Set<string>();
  for (const incident of left) {
    if (isIncidentClosed(incident.status)) {
      carried.push(incident);
      continue;
    }
    const final = lookup.found.get(incident.id);
    if (final && isIncidentClosed(final.status)) {
      carried.push(final);
      justResolved.add(final.id);
    } else if (!dropUnconfirmed(incident.id, lookup, rounds)) {
      // Kept as it was, but said to be unconfirmed: the window must not call it simply open.
      carried.push({ ...incident, unlisted: true });
      waiting.add(incident.id);
    }
  }
  pruneRounds(rounds, waiting);

  const all = [...live, ...carried].filter((incident) => {
    if (!isIncidentClosed(incident.status) || justResolved.has(incident.id)) return true;
    const end = timeOf(incident.resolvedAt ?? incident.updatedAt);
    return Number.isFinite(end) && now.getTime() - end < RESOLVED_INCIDENT_RETENTION_MS;
  });
  const open = all.filter((incident) => !isIncidentClosed(incident.status));
  const closed = all
    .filter((incident) => isIncidentClosed(incident.status))
    .sort((a, b) => (timeOf(b.resolvedAt) || 0) - (timeOf(a.resolvedAt) || 0));
  return [...open, ...closed];
}

/**
 * Maintenances of the new snapshot: the live ones, then those that left the live feed.
 * One that left is completed only if `confirm` says so or its window has ended; dropped quietly as
 * an incident is (see carryIncidents); otherwise kept as it was. Completed ones stay 6 h after their
 * window's end (a fresh completion is always shown once).
 */
export async function carryMaintenances(
  live: Maintenance[],
  previous: readonly Maintenance[],
  confirm: (missing: Maintenance[]) => Promise<Lookup<Maintenance>>,
  now: Date,
  rounds: AbsentRounds = new Map(),
): Promise<Maintenance[]> {
  const liveIds = new Set(live.map((maintenance) => maintenance.id));
  const left = previous.filter((maintenance) => !liveIds.has(maintenance.id));
  const missingOpen = left.filter((maintenance) => maintenance.status !== 'completed');
  const lookup = missingOpen.length > 0 ? await confirm(missingOpen) : nothingLearnt<Maintenance>();

  const wasOpen = new Set(previous.filter((m) => m.status !== 'completed').map((m) => m.id));
  const justCompleted = new Set(live.filter((m) => m.status === 'completed' && wasOpen.has(m.id)).map((m) => m.id));
  const carried: Maintenance[] = [];
  const waiting = new Set<string>();
  for (const maintenance of left) {
    if (maintenance.status === 'completed') {
      carried.push(maintenance);
      continue;
    }
    const final = lookup.found.get(maintenance.id);
    const windowEnded = timeOf(maintenance.scheduledUntil) <= now.getTime();
    if (final && final.status === 'completed') {
      carried.push(final);
      justCompleted.add(final.id);
    } else if (windowEnded) {
      carried.push({ ...maintenance, status: 'completed' });
      justCompleted.add(maintenance.id);
    } else if (!dropUnconfirmed(maintenance.id, lookup, rounds)) {
      carried.push(maintenance);
      waiting.add(maintenance.id);
    }
  }
  pruneRounds(rounds, waiting);

  return [...live, ...carried]
    .filter((maintenance) => {
      if (maintenance.status !== 'completed' || justCompleted.has(maintenance.id)) return true;
      const end = timeOf(maintenance.scheduledUntil ?? maintenance.scheduledFor);
      return Number.isFinite(end) && now.getTime() - end < COMPLETED_MAINTENANCE_RETENTION_MS;
    })
    .map((maintenance, index) => ({ maintenance, index }))
    .sort((a, b) => compareMaintenances(a.maintenance, b.maintenance) || a.index - b.index)
    .map(({ maintenance }) => maintenance);
}

const MAINTENANCE_ORDER = { in_progress: 0, scheduled: 1, completed: 2 } as const;

/** In progress first, then upcoming soonest first, then completed latest first. */
function compareMaintenances(a: Maintenance, b: Maintenance): number {
  const byStatus = MAINTENANCE_ORDER[a.status] - MAINTENANCE_ORDER[b.status];
  if (byStatus !== 0 || a.status === 'in_progress') return byStatus;
  const key = (m: Maintenance): number => {
    const t = timeOf(a.status === 'scheduled' ? m.scheduledFor : (m.scheduledUntil ?? m.scheduledFor));
    return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
  };
  return a.status === 'scheduled' ? key(a) - key(b) || 0 : key(b) - key(a) || 0;
}

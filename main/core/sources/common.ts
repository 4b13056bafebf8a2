// What every source adapter shares: its interface, time normalisation, and the rules that carry
// incidents and maintenances from one snapshot to the next when they leave the live feed.
import type { HttpClient } from '../http';
import { SourceError } from '../http';
import { isIncidentClosed } from '../levels';
import type { Incident, IsoTime, Maintenance, SourceKind, SourceSnapshot } from '../model';
import type { Clock } from '../ports';
import type { z } from 'zod';

export interface StatusSource {
  /** Base URL, normalised (no trailing slash). */
  readonly url: string;
  /** The API this source speaks (for an auto-detected source: `statuspage` until detected). */
  readonly kind: SourceKind;
  /**
   * Fetches and normalises the page. `previous` (the last good snapshot, if any) lets the source
   * keep incidents and maintenances that left the live feed until their end is confirmed.
   * Throws `SourceError` on any failure; never returns partial data.
   */
  fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot>;
}

export interface SourceDeps {
  http: HttpClient;
  now: Clock;
}

/** Resolved incidents stay visible this long after they were resolved. */
export const RESOLVED_INCIDENT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Completed maintenances stay visible this long after their window's end. */
export const COMPLETED_MAINTENANCE_RETENTION_MS = 6 * 60 * 60 * 1000;

/** Normalises an API timestamp (milliseconds, `Z` or an offset) to ISO UTC; null if unreadable. */
export function toIsoUtc(value: string | null | undefined): IsoTime | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function timeOf(value: IsoTime | null): number {
  return value === null ? Number.NaN : Date.parse(value);
}

/** The base URL of a status page: http(s), no query, no trailing slash. Throws `SourceError`. */
export function normaliseBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SourceError('invalid', `not a valid status page address: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SourceError('invalid', `not an http(s) address: ${url}`);
  }
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

/** Validates a body with a schema; a mismatch is a `SourceError` naming where it failed. */
export function validate<T>(schema: z.ZodType<T>, body: unknown, url: string, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')}: ${issue.message})` : '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  throw new SourceError('invalid', `${host} sent data that is not ${what}${where}`, { url });
}

/** Assembles a fresh, good snapshot. */
export function goodSnapshot(
  fields: Omit<SourceSnapshot, 'fetchedAt' | 'stale' | 'error'>,
  now: Date,
): SourceSnapshot {
  return { ...fields, fetchedAt: now.toISOString(), stale: false, error: null };
}

/**
 * Incidents of the new snapshot: the live ones, then those that left the live feed.
 * An incident that was open and has left the feed is said resolved only if `confirm` shows it
 * resolved; otherwise it is kept exactly as it was. Resolved incidents stay 24 h after their
 * resolution; one whose resolution has just been confirmed is always shown once, however old,
 * so that the change can be announced.
 */
export async function carryIncidents(
  live: Incident[],
  previous: readonly Incident[],
  confirm: (missing: Incident[]) => Promise<Map<string, Incident>>,
  now: Date,
): Promise<Incident[]> {
  const liveIds = new Set(live.map((incident) => incident.id));
  const left = previous.filter((incident) => !liveIds.has(incident.id));
  const missingOpen = left.filter((incident) => !isIncidentClosed(incident.status));
  const confirmed = missingOpen.length > 0 ? await confirm(missingOpen) : new Map<string, Incident>();

  const wasOpen = new Set(previous.filter((i) => !isIncidentClosed(i.status)).map((i) => i.id));
  const justResolved = new Set(live.filter((i) => isIncidentClosed(i.status) && wasOpen.has(i.id)).map((i) => i.id));
  const carried: Incident[] = [];
  for (const incident of left) {
    if (isIncidentClosed(incident.status)) {
      carried.push(incident);
      continue;
    }
    const final = confirmed.get(incident.id);
    if (final && isIncidentClosed(final.status)) {
      carried.push(final);
      justResolved.add(final.id);
    } else {
      carried.push(incident);
    }
  }

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
 * One that left is completed only if `confirm` says so or its window has ended; otherwise it is
 * kept as it was. Completed ones stay 6 h after their window's end (a fresh completion is always
 * shown once).
 */
export async function carryMaintenances(
  live: Maintenance[],
  previous: readonly Maintenance[],
  confirm: (missing: Maintenance[]) => Promise<Map<string, Maintenance>>,
  now: Date,
): Promise<Maintenance[]> {
  const liveIds = new Set(live.map((maintenance) => maintenance.id));
  const left = previous.filter((maintenance) => !liveIds.has(maintenance.id));
  const missingOpen = left.filter((maintenance) => maintenance.status !== 'completed');
  const confirmed = missingOpen.length > 0 ? await confirm(missingOpen) : new Map<string, Maintenance>();

  const wasOpen = new Set(previous.filter((m) => m.status !== 'completed').map((m) => m.id));
  const justCompleted = new Set(live.filter((m) => m.status === 'completed' && wasOpen.has(m.id)).map((m) => m.id));
  const carried: Maintenance[] = [];
  for (const maintenance of left) {
    if (maintenance.status === 'completed') {
      carried.push(maintenance);
      continue;
    }
    const final = confirmed.get(maintenance.id);
    const windowEnded = timeOf(maintenance.scheduledUntil) <= now.getTime();
    if (final && final.status === 'completed') {
      carried.push(final);
      justCompleted.add(final.id);
    } else if (windowEnded) {
      carried.push({ ...maintenance, status: 'completed' });
      justCompleted.add(maintenance.id);
    } else {
      carried.push(maintenance);
    }
  }

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

/** Runs a confirmation lookup; any failure means "not confirmed" (an empty map), never an error. */
export async function confirmOrNothing<T>(lookup: () => Promise<Map<string, T>>): Promise<Map<string, T>> {
  try {
    return await lookup();
  } catch {
    return new Map();
  }
}

// What every source adapter shares: its interface, time normalisation and validation. The rules that
// carry incidents and maintenances from one snapshot to the next are in carry.ts.
import { parseSourceUrl, SOURCE_URL_PROBLEMS } from '../../../common/settings';
import type { HttpClient } from '../http';
import { SourceError } from '../http';
import type { Incident, IncidentUpdate, IsoTime, Maintenance, SourceKind, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import { carryIncidents, carryMaintenances, type AbsentRounds, type Lookup } from './carry';
import { noteSkippedItems, parseSkippingBadItems } from './skipped-items';
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

/** Normalises an API timestamp (milliseconds, `Z` or an offset) to ISO UTC; null if unreadable. */
export function toIsoUtc(value: string | null | undefined): IsoTime | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The base URL of a status page: http(s), no query, no trailing slash. Throws `SourceError`. */
export function normaliseBaseUrl(url: string): string {
  const parsed = parseSourceUrl(url);
  if (parsed.ok) return parsed.url;
  if (parsed.problem === 'not-http') {
    throw new SourceError('invalid', `not an http(s) address: ${url}`, { case: 'not-http', detail: url });
  }
  const why = parsed.problem === 'bad-address' ? '' : ` (${SOURCE_URL_PROBLEMS[parsed.problem]})`;
  throw new SourceError('invalid', `not a valid status page address${why}: ${url}`, { case: 'bad-address', detail: url });
}

/**
 * Validates a body with a schema; items of its lists that do not fit are left out (and noted, see
 * skipped-items.ts); any other mismatch is a `SourceError` naming where it failed.
 */
export function validate<T>(schema: z.ZodType<T>, body: unknown, url: string, what: string): T {
  const result = parseSkippingBadItems(schema, body);
  if (result.ok) {
    noteSkippedItems(url, result.skipped);
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  const where = issue && path !== null ? ` (at ${path}: ${issue.message})` : '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  // The path alone goes into the problem: zod's own words are English.
  throw new SourceError('invalid', `${host} sent data that is not ${what}${where}`, {
    url,
    case: 'unexpected-data',
    ...(path === null ? {} : { detail: path }),
  });
}

/** Assembles a fresh, good snapshot. */
export function goodSnapshot(
  fields: Omit<SourceSnapshot, 'fetchedAt' | 'stale' | 'error' | 'problem'>,
  now: Date,
): SourceSnapshot {
  return { ...fields, fetchedAt: now.toISOString(), stale: false, error: null, problem: null };
}

/** The page of an item on the configured host: `<base>/<section>/<id>`. */
export function itemUrl(base: string, section: string, id: string): string {
  return `${base}/${section}/${encodeURIComponent(id)}`;
}

/**
 * A link the page gave, kept only when it points at the page's own host (an allow-list of hosts
 * and the user expect that); otherwise `fallback`.
 */
export function linkOnHost(link: string | null | undefined, base: string, fallback: string): string {
  if (typeof link !== 'string' || link === '') return fallback;
  try {
    const url = new URL(link, `${base}/`);
    return url.protocol === new URL(base).protocol && url.host === new URL(base).host ? url.href : fallback;
  } catch {
    return fallback;
  }
}

/** A document that adds to a poll but is not needed for it: null when it cannot be had or read. */
export async function getOptionalJson(http: HttpClient, url: string): Promise<unknown> {
  try {
    return (await http.getJson(url)).body;
  } catch {
    return null;
  }
}

/** The name a page gives itself, cleaned; its host when it gives none. */
export function pageName(name: string | null | undefined, base: string): string {
  return cleanRemoteText(name ?? '').replace(/\n/g, ' ').trim() || new URL(base).host;
}

/**
 * Incidents that left a list of open incidents only (Instatus, status.io): the same complete,
 * good answer that no longer lists them is the page saying they are over.
 */
export function resolvedByOmission(missing: readonly Incident[], now: Date): Lookup<Incident> {
  const at = now.toISOString();
  const found = new Map(missing.map((i) => [i.id, { ...i, status: 'resolved' as const, resolvedAt: at, updatedAt: at }] as const));
  return { found, absent: new Set(), gone: new Set() };
}

/** Newest first, whatever order the page used. */
export function newestFirst(updates: IncidentUpdate[]): IncidentUpdate[] {
  return updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * Maintenances that left a list of active and upcoming ones only: one in progress is over; one not
 * started yet was cancelled, and is dropped rather than called completed.
 */
export function maintenancesEndedByOmission(missing: readonly Maintenance[]): Lookup<Maintenance> {
  return {
    found: new Map(missing.filter((m) => m.status === 'in_progress').map((m) => [m.id, { ...m, status: 'completed' as const }])),
    absent: new Set(),
    gone: new Set(missing.filter((m) => m.status !== 'in_progress').map((m) => m.id)),
  };
}

/** Per item id, the lookups in a row that missed it: one count for incidents, one for maintenances. */
export interface AbsentCounts {
  incidents: AbsentRounds;
  maintenances: AbsentRounds;
}

export function newAbsentCounts(): AbsentCounts {
  return { incidents: new Map(), maintenances: new Map() };
}

/** The carry rules applied to both lists, with what the page's lists say of items that left them. */
async function carryBoth(
  live: SourceSnapshot,
  earlier: SourceSnapshot | null,
  now: Date,
  absent: AbsentCounts,
  incidentLookup: (missing: Incident[]) => Lookup<Incident>,
  maintenanceLookup: (missing: Maintenance[]) => Lookup<Maintenance>,
): Promise<SourceSnapshot> {
  const incidents = await carryIncidents(live.incidents, earlier?.incidents ?? [], (missing) => Promise.resolve(incidentLookup(missing)), now, absent.incidents);
  const maintenances = await carryMaintenances(live.maintenances, earlier?.maintenances ?? [], (missing) => Promise.resolve(maintenanceLookup(missing)), now, absent.maintenances);
  return { ...live, incidents, maintenances };
}

/**
 * Carries a page that lists open items only (Instatus, status.io): what it stops listing is over,
 * an incident resolved and a maintenance in progress completed (one not started yet, cancelled).
 */
export function carryByOmission(live: SourceSnapshot, earlier: SourceSnapshot | null, now: Date, absent: AbsentCounts): Promise<SourceSnapshot> {
  return carryBoth(live, earlier, now, absent, (missing) => resolvedByOmission(missing, now), maintenancesEndedByOmission);
}

/**
 * Carries a page whose lists keep closed items too (Better Stack, Cachet, feeds): an item that
 * vanished was deleted, and is dropped quietly after a few polls (the carry rules).
 */
export function carryDeletedQuietly(live: SourceSnapshot, earlier: SourceSnapshot | null, now: Date, absent: AbsentCounts): Promise<SourceSnapshot> {
  return carryBoth(live, earlier, now, absent, allAbsent, allAbsent);
}

/** For lists that keep closed items too: one that vanished was deleted, dropped after a few polls. */
export function allAbsent<T extends { id: string }>(missing: readonly T[]): Lookup<T> {
  return { found: new Map(), absent: new Set(missing.map((m) => m.id)), gone: new Set() };
}

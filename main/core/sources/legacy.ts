// Gandi's legacy status API: /api/status, /api/services and /api/events?current=true, with
// /api/events/<id> asked to confirm the end of an event that left the current list, and the
// maintenances announced ahead asked with a date filter (the current list only has started events).
import { SourceError } from '../http';
import { worstLevel } from '../../../common/levels';
import { legacyIncidentImpact, legacyLevel } from './words';
import type { Incident, IncidentUpdate, Level, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { carryIncidents, carryMaintenances, nothingLearnt, type AbsentRounds, type Lookup } from './carry';
import { cleanRemoteText } from '../../../common/remote-text';
import {
  goodSnapshot,
  normaliseBaseUrl,
  toIsoUtc,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import {
  legacyEventSchema,
  legacyEventsSchema,
  legacyServicesSchema,
  legacyStatusSchema,
  localisedText,
  type RawLegacyEvent,
} from './legacy-schema';

export const LEGACY_STATUS_PATH = '/api/status';
export const LEGACY_SERVICES_PATH = '/api/services';
export const LEGACY_EVENTS_PATH = '/api/events?current=true';
/**
 * Maintenances starting from `day` on: baobab's filters (`category`, `date_start__gte`), the query its
 * own front end made with a date only. A date keeps the URL the same all day, so conditional requests
 * still meet 304s; what has already started is left to the current list.
 */
export function legacyUpcomingPath(day: Date): string {
  return `/api/events?category=Maintenance&date_start__gte=${day.toISOString().slice(0, 10)}`;
}
const MAX_CONFIRMATIONS = 10;

/** The legacy API does not name itself: Gandi's own host is "Gandi", any other is its host. */
export function legacySourceName(base: string): string {
  const host = new URL(base).hostname;
  return host === 'gandi.net' || host.endsWith('.gandi.net') ? 'Gandi' : new URL(base).host;
}

export function servicesFromLegacy(body: unknown, base: string): Service[] {
  const list = validate(legacyServicesSchema, body, `${base}${LEGACY_SERVICES_PATH}`, 'a list of services');
  return list.map((raw) => ({
    id: raw.name,
    // Names, titles and texts go into the model cleaned: no control characters, no bidi overrides.
    name: cleanRemoteText(raw.description ?? '').trim() || cleanRemoteText(raw.name),
    group: null,
    status: legacyLevel(raw.status),
  }));
}

export function statusFromLegacy(body: unknown, base: string): Level {
  return legacyLevel(validate(legacyStatusSchema, body, `${base}${LEGACY_STATUS_PATH}`, 'a status').status);
}

function serviceNamesOf(raw: RawLegacyEvent): string[] {
  return [...new Set((raw.services ?? []).map((s) => (typeof s === 'string' ? s : s.name)))];
}

/**
 * For an event that left the current list: ended means a `date_end` that has passed. An event the
 * current list still shows is open whatever the local clock says of its dates.
 */
function hasEnded(raw: RawLegacyEvent, now: Date): boolean {
  const end = toIsoUtc(raw.date_end);
  return end !== null && Date.parse(end) <= now.getTime();
}

function logsOf(raw: RawLegacyEvent): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  for (const log of raw.logs ?? []) {
    const at = toIsoUtc(log.date);
    if (at !== null) updates.push({ at, status: 'update', body: cleanRemoteText(localisedText(log.comment) ?? '') });
  }
  return updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function titleOf(raw: RawLegacyEvent, id: string): string {
  const title = localisedText(raw.title);
  return title === null ? `Event ${id}` : cleanRemoteText(title);
}

function eventUrl(base: string, id: string): string {
  return `${base}/timeline/events/${encodeURIComponent(id)}`;
}

/** `ended`: confirmed over by its own page (events of the current list are open). */
function toIncident(raw: RawLegacyEvent, base: string, services: readonly Service[], ended: boolean): Incident {
  const id = String(raw.id);
  const names = serviceNamesOf(raw);
  const levels = names.map((name) => services.find((s) => s.id === name)?.status ?? 'unknown');
  const endedAt = toIsoUtc(raw.date_end);
  return {
    id,
    title: titleOf(raw, id),
    status: ended ? 'resolved' : 'investigating',
    impact: legacyIncidentImpact(levels),
    services: names,
    startedAt: toIsoUtc(raw.date_start),
    updatedAt: toIsoUtc(raw.last_update) ?? (ended ? endedAt : null) ?? toIsoUtc(raw.date_start),
    resolvedAt: ended ? endedAt : null,
    url: eventUrl(base, id),
    updates: logsOf(raw),
  };
}

/** `ended` as for toIncident; an open one is scheduled until its start, then in progress. */
function toMaintenance(raw: RawLegacyEvent, base: string, now: Date, ended: boolean): Maintenance {
  const id = String(raw.id);
  const scheduledFor = toIsoUtc(raw.date_start);
  const start = scheduledFor === null ? Number.NaN : Date.parse(scheduledFor);
  const status = ended ? 'completed' : start > now.getTime() ? 'scheduled' : 'in_progress';
  return {
    id,
    title: titleOf(raw, id),
    status,
    scheduledFor,
    // The announced end while open (information only: the list says when it is over), the real one once over.
    scheduledUntil: toIsoUtc(raw.date_end) ?? toIsoUtc(raw.estimate_date_end),
    services: serviceNamesOf(raw),
    url: eventUrl(base, id),
  };
}

/** Maintenance is the only category that is not an incident; an unknown category counts as one. */
function isMaintenance(raw: RawLegacyEvent): boolean {
  return raw.category?.toLowerCase() === 'maintenance';
}

/**
 * Normalises a list of events. `listing` says which list it is: the current one (default; all its
 * events are open, whatever the local clock says of their end) or any other (an event is over once
 * its `date_end` has passed).
 */
export function eventsFromLegacy(
  body: unknown,
  base: string,
  services: readonly Service[],
  now: Date,
  listing: 'current' | 'any' = 'current',
): { incidents: Incident[]; maintenances: Maintenance[] } {
  const events = validate(legacyEventsSchema, body, `${base}${LEGACY_EVENTS_PATH}`, 'a list of events');
  const ended = (e: RawLegacyEvent): boolean => listing === 'any' && hasEnded(e, now);
  return {
    incidents: events.filter((e) => !isMaintenance(e)).map((e) => toIncident(e, base, services, ended(e))),
    maintenances: events.filter(isMaintenance).map((e) => toMaintenance(e, base, now, ended(e))),
  };
}

/** Normalises the three documents of one poll on their own (no memory of earlier snapshots). */
export function snapshotFromLegacy(
  documents: { status: unknown; services: unknown; events: unknown },
  base: string,
  now: Date,
): SourceSnapshot {
  const pageLevel = statusFromLegacy(documents.status, base);
  const services = servicesFromLegacy(documents.services, base);
  const { incidents, maintenances } = eventsFromLegacy(documents.events, base, services, now);
  return goodSnapshot(
    {
      url: base,
      kind: 'gandi-legacy',
      name: legacySourceName(base),
      overall: worstLevel([...services.map((s) => s.status), pageLevel]),
      services,
      incidents,
      maintenances,
    },
    now,
  );
}

/** An item's own page answered 404 or 410: the server does not know it. */
function isGone(error: unknown): boolean {
  return error instanceof SourceError && error.reason === 'http' && (error.status === 404 || error.status === 410);
}

/**
 * Maintenances of the upcoming list that have not started yet; null when the list cannot be had or
 * read (it is an extra: its failure never fails the poll).
 */
async function upcomingFrom(request: Promise<unknown>, base: string, now: Date): Promise<Maintenance[] | null> {
  try {
    const parsed = legacyEventsSchema.safeParse(await request);
    if (!parsed.success) return null;
    return parsed.data
      .filter(isMaintenance)
      .map((e) => toMaintenance(e, base, now, false))
      .filter((m) => m.status === 'scheduled');
  } catch {
    return null;
  }
}

export function createLegacySource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  // Lives as long as the source (in memory): see AbsentRounds.
  const absentIncidents: AbsentRounds = new Map();
  const absentMaintenances: AbsentRounds = new Map();

  /** Reads /api/events/<id> for events that left the current list; a 404 means gone, other failures nothing. */
  async function lookUpEvents(ids: readonly string[]): Promise<Lookup<RawLegacyEvent>> {
    const lookup = nothingLearnt<RawLegacyEvent>();
    for (const id of ids.slice(0, MAX_CONFIRMATIONS)) {
      const detailUrl = `${base}/api/events/${encodeURIComponent(id)}`;
      try {
        const { body } = await deps.http.getJson(detailUrl);
        const raw = validate(legacyEventSchema, body, detailUrl, 'an event');
        // Another event's page says nothing of this one.
        if (String(raw.id) === id) lookup.found.set(id, raw);
      } catch (error) {
        if (isGone(error)) lookup.gone.add(id);
      }
    }
    return lookup;
  }

  /** The lookup's events as `convert` makes them (ended or not, by their own page). */
  function mapFound<T>(lookup: Lookup<RawLegacyEvent>, convert: (raw: RawLegacyEvent) => T): Lookup<T> {
    const found = new Map([...lookup.found].map(([id, raw]) => [id, convert(raw)] as const));
    return { found, absent: lookup.absent, gone: lookup.gone };
  }

  /** How far the server's clock was ahead of ours at the last poll. */
  let serverAheadMs = 0;

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const upcomingDay = new Date(deps.now().getTime() + serverAheadMs);
    const upcomingRequest = deps.http.getJson(`${base}${legacyUpcomingPath(upcomingDay)}`).then((r) => r.body);
    upcomingRequest.catch(() => undefined); // awaited below only if the main documents came
    const [status, services, events] = await Promise.all([
      deps.http.getJson(`${base}${LEGACY_STATUS_PATH}`),
      deps.http.getJson(`${base}${LEGACY_SERVICES_PATH}`),
      deps.http.getJson(`${base}${LEGACY_EVENTS_PATH}`),
    ]);
    const fetchedAt = deps.now();
    // What has started or ended goes by the page's clock when it tells it: ours may have jumped,
    // and a jump must not end a maintenance the page still has open.
    const now = events.serverDate ?? fetchedAt;
    serverAheadMs = now.getTime() - fetchedAt.getTime();
    const live = {
      ...snapshotFromLegacy({ status: status.body, services: services.body, events: events.body }, base, now),
      fetchedAt: fetchedAt.toISOString(),
    };
    const earlier = previous && previous.kind === 'gandi-legacy' ? previous : null;

    const listed = new Set(live.maintenances.map((m) => m.id));
    // Without the upcoming list, those announced before stay as they were until they start.
    const upcoming =
      (await upcomingFrom(upcomingRequest, base, now)) ??
      (earlier?.maintenances ?? []).filter((m) => m.status === 'scheduled' && Date.parse(m.scheduledFor ?? '') > now.getTime());
    const liveMaintenances = [...live.maintenances, ...upcoming.filter((m) => !listed.has(m.id))];

    const incidents = await carryIncidents(
      live.incidents,
      earlier?.incidents ?? [],
      async (missing) =>
        mapFound(await lookUpEvents(missing.map((i) => i.id)), (e) => toIncident(e, base, live.services, hasEnded(e, now))),
      now,
      absentIncidents,
    );
    const maintenances = await carryMaintenances(
      liveMaintenances,
      earlier?.maintenances ?? [],
      async (missing) => mapFound(await lookUpEvents(missing.map((m) => m.id)), (e) => toMaintenance(e, base, now, hasEnded(e, now))),
      now,
      absentMaintenances,
    );
    return { ...live, incidents, maintenances };
  }

  return { url: base, kind: 'gandi-legacy', fetchSnapshot };
}

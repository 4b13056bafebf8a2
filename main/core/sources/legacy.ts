// Gandi's legacy status API: /api/status, /api/services and /api/events?current=true, with
// /api/events/<id> asked to confirm the end of an event that left the current list.
import { legacyIncidentImpact, legacyLevel, worstLevel } from '../levels';
import type { Incident, IncidentUpdate, Level, Maintenance, Service, SourceSnapshot } from '../model';
import {
  carryIncidents,
  carryMaintenances,
  confirmOrNothing,
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
    name: raw.description?.trim() || raw.name,
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

/** Ended means a `date_end` that has passed; `date_end` is null (or in the future) while open. */
function hasEnded(raw: RawLegacyEvent, now: Date): boolean {
  const end = toIsoUtc(raw.date_end);
  return end !== null && Date.parse(end) <= now.getTime();
}

function logsOf(raw: RawLegacyEvent): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  for (const log of raw.logs ?? []) {
    const at = toIsoUtc(log.date);
    if (at !== null) updates.push({ at, status: 'update', body: localisedText(log.comment) ?? '' });
  }
  return updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function eventUrl(base: string, id: string): string {
  return `${base}/timeline/events/${encodeURIComponent(id)}`;
}

function toIncident(raw: RawLegacyEvent, base: string, services: readonly Service[], now: Date): Incident {
  const id = String(raw.id);
  const names = serviceNamesOf(raw);
  const levels = names.map((name) => services.find((s) => s.id === name)?.status ?? 'unknown');
  const ended = hasEnded(raw, now);
  const endedAt = toIsoUtc(raw.date_end);
  return {
    id,
    title: localisedText(raw.title) ?? `Event ${id}`,
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

function toMaintenance(raw: RawLegacyEvent, base: string, now: Date): Maintenance {
  const id = String(raw.id);
  const scheduledFor = toIsoUtc(raw.date_start);
  const start = scheduledFor === null ? Number.NaN : Date.parse(scheduledFor);
  const status = hasEnded(raw, now) ? 'completed' : start > now.getTime() ? 'scheduled' : 'in_progress';
  return {
    id,
    title: localisedText(raw.title) ?? `Event ${id}`,
    status,
    scheduledFor,
    // The announced end while open, the real one once over.
    scheduledUntil: toIsoUtc(raw.date_end) ?? toIsoUtc(raw.estimate_date_end),
    services: serviceNamesOf(raw),
    url: eventUrl(base, id),
  };
}

/** Maintenance is the only category that is not an incident; an unknown category counts as one. */
function isMaintenance(raw: RawLegacyEvent): boolean {
  return raw.category?.toLowerCase() === 'maintenance';
}

export function eventsFromLegacy(
  body: unknown,
  base: string,
  services: readonly Service[],
  now: Date,
): { incidents: Incident[]; maintenances: Maintenance[] } {
  const events = validate(legacyEventsSchema, body, `${base}${LEGACY_EVENTS_PATH}`, 'a list of events');
  return {
    incidents: events.filter((e) => !isMaintenance(e)).map((e) => toIncident(e, base, services, now)),
    maintenances: events.filter(isMaintenance).map((e) => toMaintenance(e, base, now)),
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

export function createLegacySource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);

  /** Reads /api/events/<id> for events that left the current list; failures are skipped. */
  async function lookUpEvents(ids: readonly string[]): Promise<RawLegacyEvent[]> {
    const found: RawLegacyEvent[] = [];
    for (const id of ids.slice(0, MAX_CONFIRMATIONS)) {
      const detailUrl = `${base}/api/events/${encodeURIComponent(id)}`;
      const event = await confirmOrNothing(async () => {
        const { body } = await deps.http.getJson(detailUrl);
        return new Map([[id, validate(legacyEventSchema, body, detailUrl, 'an event')]]);
      });
      const raw = event.get(id);
      if (raw && String(raw.id) === id) found.push(raw);
    }
    return found;
  }

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const [status, services, events] = await Promise.all([
      deps.http.getJson(`${base}${LEGACY_STATUS_PATH}`),
      deps.http.getJson(`${base}${LEGACY_SERVICES_PATH}`),
      deps.http.getJson(`${base}${LEGACY_EVENTS_PATH}`),
    ]);
    const now = deps.now();
    const live = snapshotFromLegacy({ status: status.body, services: services.body, events: events.body }, base, now);
    const earlier = previous && previous.kind === 'gandi-legacy' ? previous : null;

    const incidents = await carryIncidents(
      live.incidents,
      earlier?.incidents ?? [],
      async (missing) => {
        const found = await lookUpEvents(missing.map((i) => i.id));
        const ended = found.filter((e) => hasEnded(e, now)).map((e) => toIncident(e, base, live.services, now));
        return new Map(ended.map((i) => [i.id, i]));
      },
      now,
    );
    const maintenances = await carryMaintenances(
      live.maintenances,
      earlier?.maintenances ?? [],
      async (missing) => {
        const found = await lookUpEvents(missing.map((m) => m.id));
        const ended = found.filter((e) => hasEnded(e, now)).map((e) => toMaintenance(e, base, now));
        return new Map(ended.map((m) => [m.id, m]));
      },
      now,
    );
    return { ...live, incidents, maintenances };
  }

  return { url: base, kind: 'gandi-legacy', fetchSnapshot };
}

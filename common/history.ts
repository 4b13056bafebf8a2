// What this app saw over the last 90 days, since it started watching: per page, the days it was
// watched; per component, only the days something was wrong (worst level, minutes down or in
// maintenance), and the incidents that ended. Status pages publish no uptime history through their
// APIs; this is the app's own. Compact by construction: a quiet day costs one entry per page, not
// one per component. Pure: the core records into it, the window draws bars from it.
import { z } from 'zod';
import { levelRank, isIncidentClosed, worstLevel } from './levels';
import { LIMITS } from './limits';
import { IMPACTS, LEVELS, type Level, type StatusSnapshot } from './model';

export const HISTORY_DAYS = 90;
export const HISTORY_LIMITS = { servicesPerSource: 500, incidentsPerSource: 200, sources: LIMITS.sources * 4 } as const;
/** A gap between two observations longer than this counts as not watched (asleep, offline). */
export const MAX_OBSERVATION_GAP_MINUTES = 10;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minutes = z.number().finite().min(0).max(24 * 60);
const name = z.string().max(LIMITS.nameChars);

const serviceDaySchema = z.object({ day, worst: z.enum(LEVELS), down: minutes, maintenance: minutes });
const pastIncidentSchema = z.object({
  id: z.string().max(LIMITS.idChars),
  title: name,
  impact: z.enum(IMPACTS),
  startedAt: z.string().max(LIMITS.timeChars).nullable(),
  resolvedAt: z.string().max(LIMITS.timeChars),
  services: z.array(name).max(LIMITS.servicesPerItem),
  url: z.string().max(LIMITS.urlChars),
});

export const historySchema = z.object({
  version: z.literal(1),
  /** When the app first saw any page (null before). */
  since: z.string().max(LIMITS.timeChars).nullable(),
  sources: z
    .array(
      z.object({
        url: z.string().max(LIMITS.urlChars),
        name,
        /** Days the page was watched, with the minutes it was. */
        days: z.array(z.object({ day, seen: minutes })).max(HISTORY_DAYS + 1),
        /** Per component, only the days something was wrong. */
        services: z
          .array(z.object({ id: z.string().max(LIMITS.idChars), name, group: name.nullable(), days: z.array(serviceDaySchema).max(HISTORY_DAYS + 1) }))
          .max(HISTORY_LIMITS.servicesPerSource),
        /** Incidents that ended, newest first. */
        incidents: z.array(pastIncidentSchema).max(HISTORY_LIMITS.incidentsPerSource),
      }),
    )
    .max(HISTORY_LIMITS.sources),
});
export type History = z.infer<typeof historySchema>;
export type PastIncident = z.infer<typeof pastIncidentSchema>;
type SourceHistory = History['sources'][number];

export function emptyHistory(): History {
  return { version: 1, since: null, sources: [] };
}

/** The local calendar day of a time, "2026-12-02". */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `count` days up to `now`, oldest first. */
export function lastDays(now: Date, count = HISTORY_DAYS): string[] {
  const days: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) days.push(dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12)));
  return days;
}

/**
 * Records one observation of the picture at `now`, `gapMinutes` after the previous one of each page
 * (capped: longer means the app was not watching). Stale pages are not observed: what the app does
 * not know, it does not record. Returns a new history; the one given is not changed.
 */
export function recordObservation(history: History, snapshot: StatusSnapshot, now: Date, gapMinutes: ReadonlyMap<string, number>): History {
  const today = dayOf(now);
  const oldest = lastDays(now)[0] ?? today;
  const sources = new Map(history.sources.map((source) => [source.url, source]));
  for (const page of snapshot.sources) {
    if (page.stale || page.fetchedAt === null) continue;
    const spent = Math.min(MAX_OBSERVATION_GAP_MINUTES, Math.max(0, gapMinutes.get(page.url) ?? 0));
    const known = sources.get(page.url) ?? { url: page.url, name: page.name, days: [], services: [], incidents: [] };
    const days = addSeen(known.days, today, spent);
    const services = recordServices(known.services, page.services, today, spent);
    const incidents = recordIncidents(known.incidents, page, now);
    // Moved last: among pages last seen the same day, the ones seen now are kept first.
    sources.delete(page.url);
    sources.set(page.url, prune({ url: page.url, name: page.name, days, services, incidents }, oldest, now));
  }
  // A page no longer watched keeps its record for 90 days, then goes; and never more pages than the bound.
  const kept = [...sources.values()]
    .reverse()
    .filter((source) => (source.days[source.days.length - 1]?.day ?? '') >= oldest)
    .sort((a, b) => (b.days[b.days.length - 1]?.day ?? '').localeCompare(a.days[a.days.length - 1]?.day ?? ''))
    .slice(0, HISTORY_LIMITS.sources);
  return { version: 1, since: history.since ?? now.toISOString(), sources: kept };
}

function addSeen(days: SourceHistory['days'], today: string, spent: number): SourceHistory['days'] {
  const last = days[days.length - 1];
  if (last?.day === today) return [...days.slice(0, -1), { day: today, seen: Math.min(24 * 60, last.seen + spent) }];
  return [...days, { day: today, seen: spent }];
}

function recordServices(known: SourceHistory['services'], listed: StatusSnapshot['sources'][number]['services'], today: string, spent: number): SourceHistory['services'] {
  const byId = new Map(known.map((service) => [service.id, service]));
  for (const service of listed) {
    if (service.status === 'operational' || service.status === 'unknown') continue;
    const entry = byId.get(service.id) ?? { id: service.id, name: service.name, group: service.group, days: [] };
    const last = entry.days[entry.days.length - 1];
    const current = last?.day === today ? last : { day: today, worst: service.status, down: 0, maintenance: 0 };
    const next = {
      day: today,
      worst: worstLevel([current.worst, service.status]),
      down: Math.min(24 * 60, current.down + (levelRank(service.status) >= levelRank('degraded') ? spent : 0)),
      maintenance: Math.min(24 * 60, current.maintenance + (service.status === 'maintenance' ? spent : 0)),
    };
    byId.set(service.id, { ...entry, name: service.name, group: service.group, days: last?.day === today ? [...entry.days.slice(0, -1), next] : [...entry.days, next] });
  }
  return [...byId.values()];
}

function recordIncidents(known: readonly PastIncident[], page: StatusSnapshot['sources'][number], now: Date): PastIncident[] {
  const ids = new Set(known.map((incident) => incident.id));
  const names = new Map(page.services.map((service) => [service.id, service.name]));
  const ended = page.incidents
    .filter((incident) => isIncidentClosed(incident.status) && !ids.has(incident.id))
    .map((incident) => ({
      id: incident.id,
      title: incident.title,
      impact: incident.impact,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt ?? incident.updatedAt ?? now.toISOString(),
      services: incident.services.map((id) => names.get(id) ?? id),
      url: incident.url,
    }));
  return [...ended, ...known].sort((a, b) => Date.parse(b.resolvedAt) - Date.parse(a.resolvedAt));
}

/** Keeps 90 days and the bounds: the oldest goes first. */
function prune(source: SourceHistory, oldestDay: string, now: Date): SourceHistory {
  const cutoff = now.getTime() - HISTORY_DAYS * 86_400_000;
  const services = source.services
    .map((service) => ({ ...service, days: service.days.filter((entry) => entry.day >= oldestDay) }))
    .filter((service) => service.days.length > 0)
    // Over the bound, the components with the most recent trouble are kept.
    .sort((a, b) => (b.days[b.days.length - 1]?.day ?? '').localeCompare(a.days[a.days.length - 1]?.day ?? ''))
    .slice(0, HISTORY_LIMITS.servicesPerSource);
  return {
    ...source,
    days: source.days.filter((entry) => entry.day >= oldestDay),
    services,
    incidents: source.incidents.filter((incident) => Date.parse(incident.resolvedAt) >= cutoff).slice(0, HISTORY_LIMITS.incidentsPerSource),
  };
}

/** One cell of a 90-day bar: the worst level that day, or null when the app did not watch. */
export interface DayCell {
  day: string;
  level: Level | null;
  /** Share of the watched minutes without trouble (degraded or worse), 0..1; null when not watched. */
  up: number | null;
  /** Minutes watched that day. */
  seen: number;
}

/** A component's (or a group's, with several ids) 90 days as this app saw them. */
export function dayCells(source: SourceHistory | undefined, serviceIds: readonly string[], now: Date): DayCell[] {
  const seen = new Map((source?.days ?? []).map((entry) => [entry.day, entry.seen]));
  const trouble = (source?.services ?? []).filter((service) => serviceIds.includes(service.id));
  return lastDays(now).map((dayKey) => {
    const minutesSeen = seen.get(dayKey);
    if (minutesSeen === undefined) return { day: dayKey, level: null, up: null, seen: 0 };
    const entries = trouble.flatMap((service) => service.days.filter((entry) => entry.day === dayKey));
    const level = worstLevel(['operational', ...entries.map((entry) => entry.worst)]);
    const down = Math.max(0, ...entries.map((entry) => entry.down));
    return { day: dayKey, level, up: minutesSeen === 0 ? (level === 'operational' ? 1 : 0) : Math.max(0, 1 - down / minutesSeen), seen: minutesSeen };
  });
}

/** Share of watched time without trouble over the cells, weighted by minutes watched (null when none was). */
export function uptimeOf(cells: readonly DayCell[]): number | null {
  const minutesSeen = cells.reduce((sum, cell) => sum + cell.seen, 0);
  if (minutesSeen === 0) return null;
  return cells.reduce((sum, cell) => sum + (cell.up ?? 0) * cell.seen, 0) / minutesSeen;
}

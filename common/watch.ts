// "Watch only part of a page": per source, the components or groups that matter (Cloudflare lists
// hundreds of data centres). Unwatched components do not colour the tray nor notify; the window
// still shows them, dimmed. One rule for every front door, pure.
import type { Impact, Level, Service, SourceSnapshot, StatusSnapshot } from './model';
import { isOpenIncident, overallOf, worstLevel } from './levels';

/** What of a page is watched: service ids and group names; both empty means the whole page. */
export interface WatchChoice {
  services: readonly string[];
  groups: readonly string[];
}

/** The part of each source that is watched, by source URL; a source not listed is watched whole. */
export type WatchedParts = ReadonlyMap<string, WatchChoice>;

export function watchesPart(choice: WatchChoice | undefined): choice is WatchChoice {
  return choice !== undefined && (choice.services.length > 0 || choice.groups.length > 0);
}

export function isServiceWatched(choice: WatchChoice | undefined, service: Pick<Service, 'id' | 'group'>): boolean {
  if (!watchesPart(choice)) return true;
  return choice.services.includes(service.id) || (service.group !== null && choice.groups.includes(service.group));
}

/**
 * The watched services of a source, or all of them when the choice names none the page still has
 * (renamed or removed components): a stale choice must never turn a broken page into "all clear".
 */
export function watchedServices(source: SourceSnapshot, choice: WatchChoice | undefined): Service[] {
  if (!watchesPart(choice)) return source.services;
  const watched = source.services.filter((service) => isServiceWatched(choice, service));
  return watched.length > 0 ? watched : source.services;
}

/** How bad an incident that names no component makes its page (unknown impact: not nothing). */
const PAGE_WIDE_LEVEL: Record<Impact, Level> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
  unknown: 'degraded',
};

/**
 * A source's level as the user chose to watch it: the worst of its watched services and of what
 * concerns the whole page (open incidents and maintenances under way that name no component).
 */
export function watchedSourceLevel(source: SourceSnapshot, choice: WatchChoice | undefined): Level {
  if (!watchesPart(choice) || source.services.length === 0) return source.overall;
  const watched = watchedServices(source, choice);
  if (watched.length === source.services.length) return source.overall;
  const pageWide = [
    ...source.incidents.filter((incident) => isOpenIncident(incident) && incident.services.length === 0).map((incident) => PAGE_WIDE_LEVEL[incident.impact]),
    ...source.maintenances.filter((item) => item.status === 'in_progress' && item.services.length === 0).map((): Level => 'maintenance'),
  ];
  return worstLevel([...watched.map((service) => service.status), ...pageWide]);
}

/** The picture with each source's level narrowed to what is watched (for the tray's colour). */
export function narrowToWatched(snapshot: StatusSnapshot, parts: WatchedParts): StatusSnapshot {
  if (parts.size === 0) return snapshot;
  const sources = snapshot.sources.map((source) => {
    const level = watchedSourceLevel(source, parts.get(source.url));
    return level === source.overall ? source : { ...source, overall: level };
  });
  return { ...snapshot, sources, overall: overallOf(sources) };
}

/** A service on its page, as `sourceUrl|id`: ids are only unique within a page (Cachet numbers them). */
export function serviceKey(sourceUrl: string, serviceId: string): string {
  return `${sourceUrl}|${serviceId}`;
}

/** The services of one page not watched, by id (the window dims them). */
export function unwatchedOf(source: SourceSnapshot, choice: WatchChoice | undefined): Set<string> {
  if (!watchesPart(choice)) return new Set();
  const watched = new Set(watchedServices(source, choice).map((service) => service.id));
  return new Set(source.services.filter((service) => !watched.has(service.id)).map((service) => service.id));
}

/** The services not watched, across pages, as serviceKey()s (for notifications: not announced). */
export function unwatchedServiceKeys(snapshot: StatusSnapshot, parts: WatchedParts): string[] {
  return snapshot.sources.flatMap((source) => [...unwatchedOf(source, parts.get(source.url))].map((id) => serviceKey(source.url, id)));
}

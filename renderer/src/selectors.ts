// Derived views of a snapshot: ordering, grouping and name lookups. Pure.
import { isOpenIncident, levelRank, worstLevel } from '../../common/levels';
import { type Incident, type Level, type Maintenance, type Service, type SourceSnapshot, type StatusSnapshot } from '../../common/model';

export interface Sourced<T> {
  source: SourceSnapshot;
  item: T;
}


function timeOf(iso: string | null): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** How bad an incident is, for ordering: critical first; an impact nobody stated ranks as minor. */
const IMPACT_SEVERITY: Record<Incident['impact'], number> = { critical: 4, major: 3, minor: 2, unknown: 2, maintenance: 1, none: 0 };

/**
 * Open incidents first, the worst impact first and then the latest activity, then resolved ones
 * (latest resolved first). The window, the banners, the support panel and the copied summary all
 * use this order.
 */
export function orderedIncidents(snapshot: StatusSnapshot | null): { open: Sourced<Incident>[]; resolved: Sourced<Incident>[] } {
  const all = (snapshot?.sources ?? []).flatMap((source) => source.incidents.map((item) => ({ source, item })));
  const latest = (i: Incident) => timeOf(i.updatedAt ?? i.startedAt);
  const open = all
    .filter((x) => isOpenIncident(x.item))
    .sort((a, b) => IMPACT_SEVERITY[b.item.impact] - IMPACT_SEVERITY[a.item.impact] || latest(b.item) - latest(a.item));
  const resolved = all
    .filter((x) => !isOpenIncident(x.item))
    .sort((a, b) => timeOf(b.item.resolvedAt ?? b.item.updatedAt) - timeOf(a.item.resolvedAt ?? a.item.updatedAt));
  return { open, resolved };
}

/** In progress, then upcoming (soonest first), then just completed. */
export function orderedMaintenances(snapshot: StatusSnapshot | null): Record<Maintenance['status'], Sourced<Maintenance>[]> {
  const all = (snapshot?.sources ?? []).flatMap((source) => source.maintenances.map((item) => ({ source, item })));
  const by = (status: Maintenance['status']) =>
    all.filter((x) => x.item.status === status).sort((a, b) => timeOf(a.item.scheduledFor) - timeOf(b.item.scheduledFor));
  return { in_progress: by('in_progress'), scheduled: by('scheduled'), completed: by('completed') };
}

/** Names for service ids; an id the source does not list is shown as itself. */
export function serviceNames(source: SourceSnapshot, ids: string[]): string[] {
  const byId = new Map(source.services.map((service) => [service.id, service.name]));
  return ids.map((id) => byId.get(id) ?? id);
}

export interface ServiceGroup {
  key: string;
  /** Null for services outside any group. */
  name: string | null;
  services: Service[];
  worst: Level;
}

/** Case- and accent-insensitive text for matching the filter box. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** Words a level is known by, in the window's language and in English ("outage", "panne"). */
export type LevelWords = (level: Level) => string;

export interface GroupOptions {
  /** Matches a service's name, its group or the words of its level. */
  filter: string;
  levelWords?: LevelWords;
  /** Only services that are not operational. */
  onlyProblems?: boolean;
}

export function hasProblem(service: Service): boolean {
  return service.status !== 'operational';
}

/**
 * Groups in the order the page lists them. Services outside any group stay where the page puts
 * them: each run of them is a block of its own ("Domain name registration" first on Gandi's page).
 */
export function groupServices(source: SourceSnapshot, options: GroupOptions | string): ServiceGroup[] {
  const { filter, levelWords, onlyProblems = false } = typeof options === 'string' ? { filter: options } : options;
  const wanted = foldText(filter);
  const groups = new Map<string, ServiceGroup>();
  let ungroupedRun = 0;
  let previousGroup: string | null | undefined;
  for (const service of source.services) {
    if (service.group === null && previousGroup !== null) ungroupedRun += 1;
    previousGroup = service.group;
    if (onlyProblems && !hasProblem(service)) continue;
    const haystack = foldText(`${service.group ?? ''} ${service.name} ${levelWords?.(service.status) ?? ''}`);
    if (wanted && !haystack.includes(wanted)) continue;
    const key = service.group === null ? `${source.url}|~${ungroupedRun}` : `${source.url}|${service.group}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, name: service.group, services: [], worst: 'operational' };
      groups.set(key, group);
    }
    group.services.push(service);
  }
  return [...groups.values()].map((group) => ({ ...group, worst: worstLevel(group.services.map((s) => s.status)) }));
}

export function findIncident(snapshot: StatusSnapshot | null, sourceUrl: string, id: string): Incident | null {
  const source = snapshot?.sources.find((s) => s.url === sourceUrl);
  return source?.incidents.find((incident) => incident.id === id) ?? null;
}

export function findMaintenance(snapshot: StatusSnapshot | null, sourceUrl: string, id: string): Maintenance | null {
  const source = snapshot?.sources.find((s) => s.url === sourceUrl);
  return source?.maintenances.find((maintenance) => maintenance.id === id) ?? null;
}

/** Services that are not operational, worst first, each with the source it belongs to. */
export function problemServices(snapshot: StatusSnapshot | null): Sourced<Service>[] {
  const all = (snapshot?.sources ?? []).flatMap((source) => source.services.filter(hasProblem).map((item) => ({ source, item })));
  return all.sort((a, b) => levelRank(b.item.status) - levelRank(a.item.status));
}

/** The open incident that names a service, the worst first; null when none does. */
export function incidentNaming(source: SourceSnapshot, serviceId: string): Incident | null {
  const naming = orderedIncidents({ overall: source.overall, sources: [source] }).open.find(({ item }) => item.services.includes(serviceId));
  return naming?.item ?? null;
}

/**
 * Maintenances in progress, then those starting within the next 24 hours: what the tab counts,
 * what step 1 of the support procedure lists and what the ticket summary names.
 */
export function currentMaintenances(snapshot: StatusSnapshot | null, now: number): Sourced<Maintenance>[] {
  const { in_progress, scheduled } = orderedMaintenances(snapshot);
  const soon = scheduled.filter(({ item }) => {
    const start = timeOf(item.scheduledFor);
    return start > 0 && start - now <= 24 * 3_600_000;
  });
  return [...in_progress, ...soon];
}

export function maintenancesSoon(snapshot: StatusSnapshot | null, now: number): number {
  return currentMaintenances(snapshot, now).length;
}

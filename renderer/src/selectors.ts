// Derived views of a snapshot: ordering, grouping and name lookups. Pure.
import { isOpenIncident, worstLevel } from '../../common/levels';
import { type Incident, type Level, type Maintenance, type Service, type SourceSnapshot, type StatusSnapshot } from '../../common/model';

export interface Sourced<T> {
  source: SourceSnapshot;
  item: T;
}


function timeOf(iso: string | null): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** Open incidents first (latest activity first), then resolved ones (latest resolved first). */
export function orderedIncidents(snapshot: StatusSnapshot | null): { open: Sourced<Incident>[]; resolved: Sourced<Incident>[] } {
  const all = (snapshot?.sources ?? []).flatMap((source) => source.incidents.map((item) => ({ source, item })));
  const latest = (i: Incident) => timeOf(i.updatedAt ?? i.startedAt);
  const open = all.filter((x) => isOpenIncident(x.item)).sort((a, b) => latest(b.item) - latest(a.item));
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

/** Groups in the order the page lists them; ungrouped services last. Filter matches name or group. */
export function groupServices(source: SourceSnapshot, filter: string): ServiceGroup[] {
  const wanted = foldText(filter);
  const groups = new Map<string, ServiceGroup>();
  for (const service of source.services) {
    const haystack = foldText(`${service.group ?? ''} ${service.name}`);
    if (wanted && !haystack.includes(wanted)) continue;
    const key = `${source.url}|${service.group ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, name: service.group, services: [], worst: 'operational' };
      groups.set(key, group);
    }
    group.services.push(service);
  }
  const list = [...groups.values()].map((group) => ({ ...group, worst: worstLevel(group.services.map((s) => s.status)) }));
  return [...list.filter((g) => g.name !== null), ...list.filter((g) => g.name === null)];
}

export function findIncident(snapshot: StatusSnapshot | null, sourceUrl: string, id: string): Incident | null {
  const source = snapshot?.sources.find((s) => s.url === sourceUrl);
  return source?.incidents.find((incident) => incident.id === id) ?? null;
}

export function findMaintenance(snapshot: StatusSnapshot | null, sourceUrl: string, id: string): Maintenance | null {
  const source = snapshot?.sources.find((s) => s.url === sourceUrl);
  return source?.maintenances.find((maintenance) => maintenance.id === id) ?? null;
}

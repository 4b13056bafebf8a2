// Atlassian Statuspage v2 (status.gandi.net today): summary.json normalised into a snapshot, with
// incidents.json and scheduled-maintenances.json asked to confirm what left the summary.
import { worstLevel } from '../../../common/levels';
import { componentLevel, impactOf, incidentStatusOf, indicatorLevel, maintenanceStatusOf } from './words';
import type { Incident, IncidentUpdate, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { carryIncidents, carryMaintenances, lookUpOrNothing, type AbsentRounds, type Lookup } from './carry';
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
  incidentListSchema,
  maintenanceListSchema,
  summarySchema,
  type RawComponent,
  type RawIncident,
  type RawScheduledMaintenance,
} from './statuspage-schema';

export const SUMMARY_PATH = '/api/v2/summary.json';
export const INCIDENTS_PATH = '/api/v2/incidents.json';
export const MAINTENANCES_PATH = '/api/v2/scheduled-maintenances.json';

/** The page's components, read once: services (groups excluded) and who belongs to which group. */
interface ComponentIndex {
  services: Service[];
  serviceIds: Set<string>;
  groupMembers: Map<string, string[]>;
}

function indexComponents(components: readonly RawComponent[]): ComponentIndex {
  const groups = components.filter((c) => c.group === true);
  const groupIds = new Set(groups.map((g) => g.id));
  // Names, titles and texts go into the model cleaned: no control characters, no bidi overrides.
  const groupName = new Map(groups.map((g) => [g.id, cleanRemoteText(g.name)]));
  // Membership is given twice (child.group_id and group.components); either is enough.
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of group.components ?? []) groupOf.set(member, group.id);
  for (const c of components) if (c.group_id && groupIds.has(c.group_id)) groupOf.set(c.id, c.group_id);

  // Components shown "only if degraded" are still services: hiding them while operational would
  // make them appear and vanish, which reads as changes.
  // In the page's own order: top-level components and groups by position, members by position
  // within their group (an API without positions keeps the order it gave).
  const position = (c: RawComponent | undefined): number => c?.position ?? Number.MAX_SAFE_INTEGER;
  const byId = new Map(components.map((c) => [c.id, c]));
  const order = (c: RawComponent, index: number): [number, number, number] => {
    const groupId = groupOf.get(c.id);
    return groupId === undefined ? [position(c), -1, index] : [position(byId.get(groupId)), position(c), index];
  };
  const ranked = components.map((c, index) => ({ c, key: order(c, index) }));
  ranked.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  const services: Service[] = ranked
    .map(({ c }) => c)
    .filter((c) => c.group !== true)
    .map((c) => {
      const groupId = groupOf.get(c.id);
      return {
        id: c.id,
        name: cleanRemoteText(c.name),
        group: groupId === undefined ? null : (groupName.get(groupId) ?? null),
        status: componentLevel(c.status),
      };
    });
  const groupMembers = new Map<string, string[]>();
  for (const service of services) {
    const groupId = groupOf.get(service.id);
    if (groupId !== undefined) groupMembers.set(groupId, [...(groupMembers.get(groupId) ?? []), service.id]);
  }
  return { services, serviceIds: new Set(services.map((s) => s.id)), groupMembers };
}

const EMPTY_INDEX: ComponentIndex = { services: [], serviceIds: new Set(), groupMembers: new Map() };

/** Component ids named by an incident, as service ids: groups expand to their members. */
function serviceIdsOf(ids: readonly string[], index: ComponentIndex): string[] {
  const result = new Set<string>();
  for (const id of ids) {
    const members = index.groupMembers.get(id);
    if (members) members.forEach((member) => result.add(member));
    else if (index.serviceIds.size === 0 || index.serviceIds.has(id)) result.add(id);
  }
  return [...result];
}

function updatesOf(raw: RawIncident): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  for (const update of raw.incident_updates ?? []) {
    const at = toIsoUtc(update.display_at) ?? toIsoUtc(update.created_at) ?? toIsoUtc(update.updated_at);
    if (at === null) continue;
    updates.push({ at, status: cleanRemoteText(update.status ?? 'unknown'), body: cleanRemoteText(update.body ?? '') });
  }
  // Newest first, whatever order the page used.
  return updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function affectedIdsOf(raw: RawIncident): string[] {
  return [
    ...(raw.components ?? []).map((c) => c.id),
    ...(raw.incident_updates ?? []).flatMap((u) => (u.affected_components ?? []).map((a) => a.code)),
  ];
}

/**
 * The page of an incident or maintenance on the configured host. Statuspage's shortlinks are
 * http redirects through another host; the page itself is what a user (and an allow-list) expects.
 */
function pageUrl(base: string, id: string): string {
  return `${base}/incidents/${encodeURIComponent(id)}`;
}

function toIncident(raw: RawIncident, base: string, index: ComponentIndex): Incident {
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status: incidentStatusOf(raw.status),
    impact: impactOf(raw.impact),
    services: serviceIdsOf(affectedIdsOf(raw), index),
    startedAt: toIsoUtc(raw.started_at) ?? toIsoUtc(raw.created_at),
    updatedAt: toIsoUtc(raw.updated_at),
    resolvedAt: toIsoUtc(raw.resolved_at),
    url: pageUrl(base, raw.id),
    updates: updatesOf(raw),
  };
}

function toMaintenance(raw: RawScheduledMaintenance, base: string, index: ComponentIndex, now: Date): Maintenance {
  const scheduledFor = toIsoUtc(raw.scheduled_for);
  const status = maintenanceStatusOf(raw.status, scheduledFor, now);
  const latest = updatesOf(raw)[0];
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status,
    scheduledFor,
    scheduledUntil: toIsoUtc(raw.scheduled_until),
    services: serviceIdsOf(affectedIdsOf(raw), index),
    url: pageUrl(base, raw.id),
    ...(latest !== undefined && latest.body.trim() !== '' ? { details: latest.body } : {}),
    ...(status === 'completed' ? { completedAt: toIsoUtc(raw.resolved_at) } : {}),
  };
}

/** Normalises a summary.json body on its own (no memory of earlier snapshots). Throws `SourceError`. */
export function snapshotFromSummary(body: unknown, base: string, now: Date): SourceSnapshot {
  const summary = validate(summarySchema, body, `${base}${SUMMARY_PATH}`, 'a Statuspage summary');
  const index = indexComponents(summary.components ?? []);
  return goodSnapshot(
    {
      url: base,
      kind: 'statuspage',
      name: cleanRemoteText(summary.page.name).trim() || new URL(base).host,
      overall: worstLevel([...index.services.map((s) => s.status), indicatorLevel(summary.status.indicator)]),
      services: index.services,
      incidents: (summary.incidents ?? []).map((raw) => toIncident(raw, base, index)),
      maintenances: (summary.scheduled_maintenances ?? []).map((raw) => toMaintenance(raw, base, index, now)),
    },
    now,
  );
}

/** Normalises an incidents.json body. Service ids are kept only if `services` (when given) knows them. */
export function incidentsFromList(body: unknown, base: string, services: readonly Service[] = []): Incident[] {
  const list = validate(incidentListSchema, body, `${base}${INCIDENTS_PATH}`, 'a Statuspage incident list');
  const index = services.length > 0 ? indexServices(services) : EMPTY_INDEX;
  return list.incidents.map((raw) => toIncident(raw, base, index));
}

/** Normalises a scheduled-maintenances.json body. */
export function maintenancesFromList(
  body: unknown,
  base: string,
  now: Date,
  services: readonly Service[] = [],
): Maintenance[] {
  const list = validate(maintenanceListSchema, body, `${base}${MAINTENANCES_PATH}`, 'a Statuspage maintenance list');
  const index = services.length > 0 ? indexServices(services) : EMPTY_INDEX;
  return list.scheduled_maintenances.map((raw) => toMaintenance(raw, base, index, now));
}

/** Rebuilds an index from normalised services (groups are known by name only, so none expand). */
function indexServices(services: readonly Service[]): ComponentIndex {
  return { services: [...services], serviceIds: new Set(services.map((s) => s.id)), groupMembers: new Map() };
}

/**
 * What a list (incidents.json, scheduled-maintenances.json) says of the ids that left the summary:
 * those it lists, and those it does not (deleted, or older than the newest 50 it returns).
 */
function lookupIn<T extends { id: string }>(items: readonly T[], missing: readonly { id: string }[]): Lookup<T> {
  const listed = new Map(items.map((item) => [item.id, item]));
  const found = new Map<string, T>();
  const absent = new Set<string>();
  for (const { id } of missing) {
    const item = listed.get(id);
    if (item) found.set(id, item);
    else absent.add(id);
  }
  return { found, absent, gone: new Set() };
}

export function createStatuspageSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  // Lives as long as the source (in memory): see AbsentRounds.
  const absentIncidents: AbsentRounds = new Map();
  const absentMaintenances: AbsentRounds = new Map();

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const { body } = await deps.http.getJson(`${base}${SUMMARY_PATH}`);
    const now = deps.now();
    const live = snapshotFromSummary(body, base, now);
    const earlier = previous && previous.kind === 'statuspage' ? previous : null;

    const incidents = await carryIncidents(
      live.incidents,
      earlier?.incidents ?? [],
      (missing) =>
        lookUpOrNothing(async () => {
          const { body: list } = await deps.http.getJson(`${base}${INCIDENTS_PATH}`);
          return lookupIn(incidentsFromList(list, base, live.services), missing);
        }),
      now,
      absentIncidents,
    );
    const maintenances = await carryMaintenances(
      live.maintenances,
      earlier?.maintenances ?? [],
      (missing) =>
        lookUpOrNothing(async () => {
          const { body: list } = await deps.http.getJson(`${base}${MAINTENANCES_PATH}`);
          return lookupIn(maintenancesFromList(list, base, now, live.services), missing);
        }),
      now,
      absentMaintenances,
    );
    return { ...live, incidents, maintenances };
  }

  return { url: base, kind: 'statuspage', fetchSnapshot };
}

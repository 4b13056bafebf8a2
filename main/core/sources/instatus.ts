// Instatus pages: /summary.json (the page's state, its active incidents and maintenances) and
// /v2/components.json (components, with group containers listed next to their children). Instatus
// publishes no update history: an incident's timeline holds its current stage only, and says so.
import { z } from 'zod';
import { worstLevel } from '../../../common/levels';
import type { Incident, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import {
  carryByOmission,
  getOptionalJson,
  goodSnapshot,
  itemUrl,
  linkOnHost,
  newAbsentCounts,
  normaliseBaseUrl,
  pageName,
  toIsoUtc,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import {
  instatusComponentLevel,
  instatusImpactOf,
  instatusIncidentStatusOf,
  instatusMaintenanceStatusOf,
  instatusPageLevel,
} from './words';

export const INSTATUS_SUMMARY_PATH = '/summary.json';
export const INSTATUS_COMPONENTS_PATH = '/v2/components.json';

/** What an Instatus incident's timeline says in place of the updates the page does not publish. */
export const INSTATUS_NO_HISTORY = 'Instatus pages publish no update history: this is the current stage only.';

const text = z.string().nullish();

const activeItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: text,
  impact: text,
  url: text,
  started: text,
  start: text,
  // Minutes, as a string in the docs and a number elsewhere.
  duration: z.union([z.string(), z.number()]).nullish(),
  updatedAt: text,
});
type ActiveItem = z.infer<typeof activeItemSchema>;

/** `/summary.json`. A quiet page may send the page alone. */
export const instatusSummarySchema = z.object({
  page: z.object({ name: z.string(), url: text, status: z.string() }),
  activeIncidents: z.array(activeItemSchema).nullish(),
  activeMaintenances: z.array(activeItemSchema).nullish(),
});

const groupRefSchema = z.object({ id: text, name: text }).nullish();

const componentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: text,
  group: groupRefSchema,
  activeIncidents: z.array(z.object({ id: z.string() })).nullish(),
  // A variant seen in one client only nests members under their group.
  children: z.array(z.object({ id: z.string().min(1), name: z.string(), status: text })).nullish(),
});

export const instatusComponentsSchema = z.object({ components: z.array(componentSchema) });
type RawComponents = z.infer<typeof instatusComponentsSchema>['components'];

/** Members nested under their group become flat components pointing at it. */
function flatten(components: RawComponents): RawComponents {
  return components.flatMap((c) =>
    c.children && c.children.length > 0
      ? [{ ...c, children: null }, ...c.children.map((child) => ({ ...child, group: { id: c.id, name: c.name } }))]
      : [c],
  );
}

function servicesFrom(nested: RawComponents): { services: Service[]; incidentServices: Map<string, string[]> } {
  const components = flatten(nested);
  // A group is listed as a component too: the one others point at through `group.id`.
  const containers = new Set(components.map((c) => c.group?.id).filter((id): id is string => typeof id === 'string'));
  const services: Service[] = [];
  const incidentServices = new Map<string, string[]>();
  for (const c of components) {
    if (containers.has(c.id)) continue;
    const group = c.group?.name ? cleanRemoteText(c.group.name) : null;
    services.push({ id: c.id, name: cleanRemoteText(c.name), group, status: instatusComponentLevel(c.status) });
    for (const incident of c.activeIncidents ?? []) incidentServices.set(incident.id, [...(incidentServices.get(incident.id) ?? []), c.id]);
  }
  return { services, incidentServices };
}

function toIncident(raw: ActiveItem, base: string, services: string[]): Incident {
  const startedAt = toIsoUtc(raw.started);
  const updatedAt = toIsoUtc(raw.updatedAt) ?? startedAt;
  const status = instatusIncidentStatusOf(raw.status);
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status,
    impact: instatusImpactOf(raw.impact),
    services,
    startedAt,
    updatedAt,
    resolvedAt: status === 'resolved' ? updatedAt : null,
    url: linkOnHost(raw.url, base, itemUrl(base, 'incident', raw.id)),
    updates: updatedAt === null ? [] : [{ at: updatedAt, status: cleanRemoteText((raw.status ?? 'unknown').toLowerCase()), body: INSTATUS_NO_HISTORY }],
  };
}

function minutesOf(duration: ActiveItem['duration']): number | null {
  const minutes = typeof duration === 'number' ? duration : Number(duration ?? Number.NaN);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : null;
}

function toMaintenance(raw: ActiveItem, base: string, now: Date): Maintenance {
  const scheduledFor = toIsoUtc(raw.start);
  const minutes = minutesOf(raw.duration);
  const until = scheduledFor !== null && minutes !== null ? new Date(Date.parse(scheduledFor) + minutes * 60_000).toISOString() : null;
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status: instatusMaintenanceStatusOf(raw.status, scheduledFor, now),
    scheduledFor,
    scheduledUntil: until,
    services: [],
    url: linkOnHost(raw.url, base, itemUrl(base, 'maintenance', raw.id)),
  };
}

/** Normalises one poll's documents (`components` null when it could not be had). Throws `SourceError`. */
export function snapshotFromInstatus(documents: { summary: unknown; components: unknown }, base: string, now: Date): SourceSnapshot {
  const summary = validate(instatusSummarySchema, documents.summary, `${base}${INSTATUS_SUMMARY_PATH}`, 'an Instatus summary');
  // The component list is a second document: one of another shape leaves the page without
  // components rather than without its state.
  const parsedComponents = documents.components === null ? null : instatusComponentsSchema.safeParse(documents.components);
  const components = parsedComponents?.success ? parsedComponents.data.components : [];
  const { services, incidentServices } = servicesFrom(components);
  return goodSnapshot(
    {
      url: base,
      kind: 'instatus',
      name: pageName(summary.page.name, base),
      overall: worstLevel([...services.map((s) => s.status), instatusPageLevel(summary.page.status)]),
      services,
      incidents: (summary.activeIncidents ?? []).map((raw) => toIncident(raw, base, incidentServices.get(raw.id) ?? [])),
      maintenances: (summary.activeMaintenances ?? []).map((raw) => toMaintenance(raw, base, now)),
    },
    now,
  );
}

export function createInstatusSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  const absent = newAbsentCounts();

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const [summary, components] = await Promise.all([
      deps.http.getJson(`${base}${INSTATUS_SUMMARY_PATH}`),
      getOptionalJson(deps.http, `${base}${INSTATUS_COMPONENTS_PATH}`),
    ]);
    const now = deps.now();
    const live = snapshotFromInstatus({ summary: summary.body, components }, base, now);
    const earlier = previous && previous.kind === 'instatus' ? previous : null;
    // The page lists active items only: one it no longer lists is over.
    return carryByOmission(live, earlier, now, absent);
  }

  return { url: base, kind: 'instatus', fetchSnapshot };
}

// Cachet status pages, 2.x (/api/v1/..., paged with meta.pagination) and 3.x (/api/..., JSON:API
// style with `included`): components and their groups, incidents with their updates (the latest
// update's status is the incident's), schedules as maintenances. Cachet writes times without an
// offset and its API does not say its zone: they are read as UTC.
import { z } from 'zod';
import { worstLevel } from '../../../common/levels';
import type { Impact, Incident, IncidentUpdate, Level, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import { SourceError } from '../http';
import {
  carryDeletedQuietly,
  goodSnapshot,
  itemUrl,
  newAbsentCounts,
  newestFirst,
  normaliseBaseUrl,
  pageName,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import { cachetComponentLevel, cachetIncidentStatusOf, cachetScheduleStatusOf } from './words';

export type CachetVersion = 2 | 3;

export const CACHET2_PING_PATH = '/api/v1/ping';
export const CACHET2_STATUS_PATH = '/api/v1/status';
export const CACHET3_STATUS_PATH = '/api/status';
export const CACHET3_PING_PATH = '/api/ping';

/** Pages of components read at most, per poll (a page holds 100). */
export const CACHET_MAX_PAGES = 5;

const text = z.string().nullish();
const id = z.union([z.string().min(1), z.number()]).transform(String);

/**
 * A Cachet time ("2026-03-12 09:14:03", no offset) as ISO UTC; one with an offset or a `Z` is
 * taken as it says. Null if unreadable.
 */
export function cachetTime(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const bare = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value.trim());
  const ms = Date.parse(bare ? `${bare[1]}T${bare[2]}Z` : value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

// ---- 2.x -----------------------------------------------------------------------------------------

const paginationSchema = z
  .object({ pagination: z.object({ total_pages: z.number().nullish(), current_page: z.number().nullish() }).nullish() })
  .nullish();

const v2ComponentSchema = z.object({ id, name: z.string(), status: z.union([z.number(), z.string()]).nullish(), group_id: id.nullish(), enabled: z.boolean().nullish() });
const v2GroupSchema = z.object({ id, name: z.string() });
const v2UpdateSchema = z.object({ id: id.nullish(), status: z.union([z.number(), z.string()]).nullish(), message: text, created_at: text });
const v2IncidentSchema = z.object({
  id,
  name: z.string(),
  status: z.union([z.number(), z.string()]).nullish(),
  message: text,
  component_id: id.nullish(),
  created_at: text,
  updated_at: text,
  occurred_at: text,
  is_resolved: z.boolean().nullish(),
  latest_status: z.union([z.number(), z.string()]).nullish(),
  human_status: text,
  updates: z.array(v2UpdateSchema).nullish(),
});
const v2ScheduleSchema = z.object({
  id,
  name: z.string(),
  status: z.union([z.number(), z.string()]).nullish(),
  scheduled_at: text,
  completed_at: text,
  components: z.array(z.object({ component_id: id })).nullish(),
});

const v2List = <T extends z.ZodTypeAny>(item: T) => z.object({ meta: paginationSchema, data: z.array(item) });
export const cachet2ComponentsSchema = v2List(v2ComponentSchema);
export const cachet2GroupsSchema = v2List(v2GroupSchema);
export const cachet2IncidentsSchema = v2List(v2IncidentSchema);
export const cachet2SchedulesSchema = v2List(v2ScheduleSchema);
/** `/api/v1/ping` of 2.x and `/api/ping` of 3.x. */
export const cachetPingSchema = z.object({ data: z.literal('Pong!') });

export const CACHET2_PATHS = {
  components: (page: number) => `/api/v1/components?per_page=100&page=${page}`,
  groups: '/api/v1/components/groups?per_page=100',
  incidents: '/api/v1/incidents?per_page=50&sort=id&order=desc',
  schedules: '/api/v1/schedules?per_page=50&sort=id&order=desc',
} as const;

// ---- 3.x -----------------------------------------------------------------------------------------

const enumValue = z.union([z.object({ value: z.union([z.number(), z.string()]).nullish(), human: text }), z.number(), z.string()]).nullish();
const stamp = z.union([z.object({ string: text }), z.string()]).nullish();
const relationships = z.record(z.string(), z.object({ data: z.array(z.object({ id, type: text })).nullish() })).nullish();

function valueOf(field: z.infer<typeof enumValue>): number | string | null {
  if (field === null || field === undefined) return null;
  return typeof field === 'object' ? (field.value ?? null) : field;
}
function stampOf(field: z.infer<typeof stamp>): string | null {
  if (field === null || field === undefined) return null;
  return typeof field === 'string' ? field : (field.string ?? null);
}

const v3Resource = <T extends z.ZodTypeAny>(attributes: T) => z.object({ id, type: text, attributes, relationships });
const v3ComponentAttributes = z.object({ name: z.string(), status: enumValue, enabled: z.boolean().nullish() });
const v3Document = <T extends z.ZodTypeAny>(attributes: T) =>
  z.object({
    data: z.array(v3Resource(attributes)),
    included: z.array(z.object({ id, type: text, attributes: z.record(z.string(), z.unknown()) })).nullish(),
    links: z.object({ next: text }).nullish(),
  });

export const cachet3ComponentsSchema = v3Document(v3ComponentAttributes);
export const cachet3GroupsSchema = v3Document(z.object({ name: z.string() }));
export const cachet3IncidentsSchema = v3Document(
  z.object({ name: z.string(), message: text, status: enumValue, occurred: stamp, published: stamp, created: stamp, updated: stamp }),
);
export const cachet3SchedulesSchema = v3Document(z.object({ name: z.string(), status: enumValue, scheduled: stamp, completed: stamp }));
const v3UpdateAttributes = z.object({ message: text, status: enumValue, created: stamp });
/** `/api/status` of 3.x: the page's state in words. */
export const cachet3StatusSchema = z.object({ data: z.object({ status: z.string(), message: text }) });

export const CACHET3_PATHS = {
  components: '/api/components?per_page=100',
  groups: '/api/component-groups?include=components&per_page=100',
  incidents: '/api/incidents?include=updates&per_page=50&sort=-id',
  schedules: '/api/schedules?include=components&per_page=50&sort=-id',
} as const;

// ---- mapping ---------------------------------------------------------------------------------------

const IMPACT_OF_LEVEL: Record<Level, Impact> = {
  operational: 'none',
  maintenance: 'maintenance',
  degraded: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  unknown: 'unknown',
};

/** What one poll read, in one shape for both versions. */
export interface CachetDocuments {
  version: CachetVersion;
  components: unknown[];
  groups: unknown;
  incidents: unknown;
  schedules: unknown;
}

interface RawIncidentCommon {
  id: string;
  name: string;
  openingStatus: number | string | null;
  openingMessage: string | null;
  createdAt: string | null;
  startedAt: string | null;
  updatedAt: string | null;
  componentIds: string[];
  updates: Array<{ status: number | string | null; message: string | null; at: string | null }>;
}

function toIncident(raw: RawIncidentCommon, base: string, services: ReadonlyMap<string, Service>): Incident {
  const timeline: IncidentUpdate[] = [];
  const word = (status: number | string | null): string => cachetIncidentStatusOf(status);
  const opening = cachetTime(raw.createdAt);
  // The incident's own message is its first post; later posts are its updates.
  if (opening !== null) timeline.push({ at: opening, status: word(raw.openingStatus), body: cleanRemoteText(raw.openingMessage ?? '') });
  for (const update of raw.updates) {
    const at = cachetTime(update.at);
    if (at !== null) timeline.push({ at, status: word(update.status), body: cleanRemoteText(update.message ?? '') });
  }
  newestFirst(timeline);
  const latestUpdate = [...raw.updates].sort((a, b) => Date.parse(cachetTime(b.at) ?? '') - Date.parse(cachetTime(a.at) ?? ''))[0];
  const status = cachetIncidentStatusOf(latestUpdate ? latestUpdate.status : raw.openingStatus);
  const serviceIds = raw.componentIds.filter((cid) => services.has(cid));
  const levels = serviceIds.map((cid) => services.get(cid)?.status ?? 'unknown');
  const updatedAt = timeline[0]?.at ?? cachetTime(raw.updatedAt);
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status,
    impact: levels.length > 0 ? IMPACT_OF_LEVEL[worstLevel(levels)] : 'unknown',
    services: serviceIds,
    startedAt: cachetTime(raw.startedAt) ?? opening,
    updatedAt,
    resolvedAt: status === 'resolved' ? updatedAt : null,
    url: itemUrl(base, 'incidents', raw.id),
    updates: timeline,
  };
}

function toMaintenance(
  raw: { id: string; name: string; status: number | string | null; scheduled: string | null; completed: string | null; componentIds: string[] },
  base: string,
  services: ReadonlyMap<string, Service>,
  now: Date,
): Maintenance {
  const scheduledFor = cachetTime(raw.scheduled);
  const status = cachetScheduleStatusOf(raw.status, scheduledFor, now);
  return {
    id: raw.id,
    title: cleanRemoteText(raw.name),
    status,
    scheduledFor,
    // Schedules have no planned end; 2.x fills `completed_at` with the time of the request until
    // one is done, so it counts only once completed.
    scheduledUntil: status === 'completed' ? cachetTime(raw.completed) : null,
    services: raw.componentIds.filter((cid) => services.has(cid)),
    url: itemUrl(base, 'schedules', raw.id),
  };
}

function snapshotOf(base: string, now: Date, services: Service[], incidents: Incident[], maintenances: Maintenance[]): SourceSnapshot {
  return goodSnapshot(
    {
      url: base,
      kind: 'cachet',
      // Cachet's API does not name the page.
      name: pageName(null, base),
      overall: worstLevel(services.map((s) => s.status)),
      services,
      incidents,
      maintenances,
    },
    now,
  );
}

function snapshotFromCachet2(documents: CachetDocuments, base: string, now: Date): SourceSnapshot {
  const components = documents.components.flatMap(
    (page, index) => validate(cachet2ComponentsSchema, page, `${base}${CACHET2_PATHS.components(index + 1)}`, 'a Cachet component list').data,
  );
  const groups = validate(cachet2GroupsSchema, documents.groups, `${base}${CACHET2_PATHS.groups}`, 'a Cachet group list').data;
  const groupName = new Map(groups.map((g) => [g.id, cleanRemoteText(g.name)]));
  const services: Service[] = components
    .filter((c) => c.enabled !== false)
    .map((c) => ({ id: c.id, name: cleanRemoteText(c.name), group: groupName.get(c.group_id ?? '') ?? null, status: cachetComponentLevel(c.status) }));
  const byId = new Map(services.map((s) => [s.id, s]));
  const incidents = validate(cachet2IncidentsSchema, documents.incidents, `${base}${CACHET2_PATHS.incidents}`, 'a Cachet incident list').data.map((raw) =>
    toIncident(
      {
        id: raw.id,
        name: raw.name,
        openingStatus: raw.status ?? null,
        openingMessage: raw.message ?? null,
        createdAt: raw.created_at ?? null,
        startedAt: raw.occurred_at ?? null,
        updatedAt: raw.updated_at ?? null,
        componentIds: raw.component_id && raw.component_id !== '0' ? [raw.component_id] : [],
        updates: (raw.updates ?? []).map((u) => ({ status: u.status ?? null, message: u.message ?? null, at: u.created_at ?? null })),
      },
      base,
      byId,
    ),
  );
  const maintenances = validate(cachet2SchedulesSchema, documents.schedules, `${base}${CACHET2_PATHS.schedules}`, 'a Cachet schedule list').data.map((raw) =>
    toMaintenance(
      {
        id: raw.id,
        name: raw.name,
        status: raw.status ?? null,
        scheduled: raw.scheduled_at ?? null,
        completed: raw.completed_at ?? null,
        componentIds: (raw.components ?? []).map((c) => c.component_id),
      },
      base,
      byId,
      now,
    ),
  );
  return snapshotOf(base, now, services, incidents, maintenances);
}

function relatedIds(resource: { relationships?: z.infer<typeof relationships> }, name: string): string[] {
  return (resource.relationships?.[name]?.data ?? []).map((ref) => ref.id);
}

function snapshotFromCachet3(documents: CachetDocuments, base: string, now: Date): SourceSnapshot {
  const components = documents.components.flatMap(
    (page) => validate(cachet3ComponentsSchema, page, `${base}${CACHET3_PATHS.components}`, 'a Cachet component list').data,
  );
  const groups = validate(cachet3GroupsSchema, documents.groups, `${base}${CACHET3_PATHS.groups}`, 'a Cachet group list').data;
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of relatedIds(group, 'components')) groupOf.set(member, cleanRemoteText(group.attributes.name));
  const services: Service[] = components
    .filter((c) => c.attributes.enabled !== false)
    .map((c) => ({ id: c.id, name: cleanRemoteText(c.attributes.name), group: groupOf.get(c.id) ?? null, status: cachetComponentLevel(valueOf(c.attributes.status)) }));
  const byId = new Map(services.map((s) => [s.id, s]));

  const incidentList = validate(cachet3IncidentsSchema, documents.incidents, `${base}${CACHET3_PATHS.incidents}`, 'a Cachet incident list');
  const updates = new Map<string, z.infer<typeof v3UpdateAttributes>>();
  for (const member of incidentList.included ?? []) {
    if (member.type !== 'updates') continue;
    const parsed = v3UpdateAttributes.safeParse(member.attributes);
    if (parsed.success) updates.set(member.id, parsed.data);
  }
  const incidents = incidentList.data.map((raw) => {
    const own = relatedIds(raw, 'updates')
      .map((uid) => updates.get(uid))
      .filter((u): u is z.infer<typeof v3UpdateAttributes> => u !== undefined);
    return toIncident(
      {
        id: raw.id,
        name: raw.attributes.name,
        // 3.x gives the latest status as the incident's own: the opening post's is not kept apart.
        openingStatus: own.length > 0 ? null : valueOf(raw.attributes.status),
        openingMessage: raw.attributes.message ?? null,
        createdAt: stampOf(raw.attributes.published) ?? stampOf(raw.attributes.created),
        startedAt: stampOf(raw.attributes.occurred),
        updatedAt: stampOf(raw.attributes.updated),
        componentIds: relatedIds(raw, 'components'),
        updates: own.map((u) => ({ status: valueOf(u.status), message: u.message ?? null, at: stampOf(u.created) })),
      },
      base,
      byId,
    );
  });
  const maintenances = validate(cachet3SchedulesSchema, documents.schedules, `${base}${CACHET3_PATHS.schedules}`, 'a Cachet schedule list').data.map((raw) =>
    toMaintenance(
      {
        id: raw.id,
        name: raw.attributes.name,
        status: valueOf(raw.attributes.status),
        scheduled: stampOf(raw.attributes.scheduled),
        completed: stampOf(raw.attributes.completed),
        componentIds: relatedIds(raw, 'components'),
      },
      base,
      byId,
      now,
    ),
  );
  return snapshotOf(base, now, services, incidents, maintenances);
}

/** Normalises one poll's documents on their own. Throws `SourceError`. */
export function snapshotFromCachet(documents: CachetDocuments, base: string, now: Date): SourceSnapshot {
  return documents.version === 2 ? snapshotFromCachet2(documents, base, now) : snapshotFromCachet3(documents, base, now);
}

/** Which Cachet answers at `base`: 2.x's ping, else 3.x's. Throws the 3.x probe's error when neither. */
export async function cachetVersionAt(deps: SourceDeps, base: string): Promise<CachetVersion> {
  try {
    const { body } = await deps.http.getJson(`${base}${CACHET2_PING_PATH}`);
    if (cachetPingSchema.safeParse(body).success) return 2;
  } catch (error) {
    // A host that cannot be asked says nothing about the version.
    if (error instanceof SourceError && error.reason !== 'http' && error.reason !== 'invalid') throw error;
  }
  const { body } = await deps.http.getJson(`${base}${CACHET3_PING_PATH}`);
  validate(cachetPingSchema, body, `${base}${CACHET3_PING_PATH}`, 'a Cachet ping');
  return 3;
}

/** `version` when detection already knows it; otherwise asked on the first poll. */
export function createCachetSource(url: string, deps: SourceDeps, version: CachetVersion | null = null): StatusSource {
  const base = normaliseBaseUrl(url);
  const absent = newAbsentCounts();
  let known = version;

  async function componentPages(): Promise<unknown[]> {
    if (known === 2) {
      const first = (await deps.http.getJson(`${base}${CACHET2_PATHS.components(1)}`)).body;
      const parsed = cachet2ComponentsSchema.safeParse(first);
      const total = parsed.success ? (parsed.data.meta?.pagination?.total_pages ?? 1) : 1;
      const rest = [];
      for (let page = 2; page <= Math.min(total, CACHET_MAX_PAGES); page++) rest.push(deps.http.getJson(`${base}${CACHET2_PATHS.components(page)}`));
      return [first, ...(await Promise.all(rest)).map((r) => r.body)];
    }
    const pages: unknown[] = [];
    let next: string | null = `${base}${CACHET3_PATHS.components}`;
    while (next !== null && pages.length < CACHET_MAX_PAGES) {
      const body: unknown = (await deps.http.getJson(next)).body;
      pages.push(body);
      const parsed = cachet3ComponentsSchema.safeParse(body);
      const link = parsed.success ? parsed.data.links?.next : null;
      // Only pages of this host are followed.
      next = typeof link === 'string' && link.startsWith(`${base}/`) ? link : null;
    }
    return pages;
  }

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    known ??= await cachetVersionAt(deps, base);
    const paths = known === 2 ? CACHET2_PATHS : CACHET3_PATHS;
    const [components, groups, incidentList, schedules] = await Promise.all([
      componentPages(),
      deps.http.getJson(`${base}${paths.groups}`),
      deps.http.getJson(`${base}${paths.incidents}`),
      deps.http.getJson(`${base}${paths.schedules}`),
    ]);
    const now = deps.now();
    const live = snapshotFromCachet(
      { version: known, components, groups: groups.body, incidents: incidentList.body, schedules: schedules.body },
      base,
      now,
    );
    const earlier = previous && previous.kind === 'cachet' ? previous : null;
    // The lists hold resolved incidents and completed schedules too: one that vanished was deleted
    // (or fell off the first page), and is dropped quietly after a few polls.
    return carryDeletedQuietly(live, earlier, now, absent);
  }

  return { url: base, kind: 'cachet', fetchSnapshot };
}

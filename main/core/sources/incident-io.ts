// incident.io status pages: their Statuspage-shaped /api/v2/summary.json (status, incidents with
// updates, maintenances), /api/v2/components.json (the summary may list fewer components), and the
// widget API /api/v1/summary when the page enables it (groups, impacts, native incident ids).
import { z } from 'zod';
import { worstLevel } from '../../../common/levels';
import type { Incident, IncidentUpdate, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import { SourceError } from '../http';
import { carryIncidents, carryMaintenances, lookUpOrNothing, type AbsentRounds, type Lookup } from './carry';
import {
  allAbsent,
  getOptionalJson,
  goodSnapshot,
  itemUrl,
  maintenancesEndedByOmission,
  newestFirst,
  normaliseBaseUrl,
  pageName,
  toIsoUtc,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import { INCIDENTS_PATH, SUMMARY_PATH } from './statuspage';
import {
  componentSchema,
  incidentListSchema,
  summarySchema,
  type RawComponent,
  type RawIncident,
  type RawScheduledMaintenance,
} from './statuspage-schema';
import {
  impactOf,
  incidentIoComponentLevel,
  incidentIoImpactOf,
  incidentIoMaintenanceStatusOf,
  incidentStatusOf,
  indicatorLevel,
} from './words';

export const INCIDENT_IO_COMPONENTS_PATH = '/api/v2/components.json';
export const INCIDENT_IO_WIDGET_PATH = '/api/v1/summary';

const text = z.string().nullish();

export const componentListSchema = z.object({ components: z.array(componentSchema) });

/** components.json as `{components: [...]}` (Statuspage's envelope) or a bare list; null if neither. */
function componentListOf(body: unknown): { components: RawComponent[] } | null {
  const enveloped = componentListSchema.safeParse(body);
  if (enveloped.success) return enveloped.data;
  const bare = z.array(componentSchema).safeParse(body);
  return bare.success ? { components: bare.data } : null;
}

const widgetComponentSchema = z.object({
  id: z.string().min(1),
  name: text,
  group_name: text,
  current_status: text,
});

const widgetItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: text,
  url: text,
  last_update_at: text,
  last_update_message: text,
  current_worst_impact: text,
  affected_components: z.array(widgetComponentSchema).nullish(),
  // Maintenances: in progress ones say started_at/scheduled_end_at, scheduled ones starts_at/ends_at.
  started_at: text,
  scheduled_end_at: text,
  starts_at: text,
  ends_at: text,
});
type WidgetItem = z.infer<typeof widgetItemSchema>;

/** `/api/v1/summary`, the widget API. */
export const widgetSchema = z.object({
  page_title: text,
  page_url: text,
  ongoing_incidents: z.array(widgetItemSchema).nullish(),
  in_progress_maintenances: z.array(widgetItemSchema).nullish(),
  scheduled_maintenances: z.array(widgetItemSchema).nullish(),
});
type Widget = z.infer<typeof widgetSchema>;

/** 26 characters of Crockford base 32: how incident.io ids look (Statuspage's are 12 lowercase). */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * A Statuspage-shaped summary written by incident.io: no `page.time_zone` (Atlassian always sends
 * one) and ULID ids.
 */
export function looksLikeIncidentIo(summary: z.infer<typeof summarySchema>): boolean {
  if (summary.page.time_zone !== undefined && summary.page.time_zone !== null) return false;
  const ids = [summary.page.id, ...(summary.components ?? []).map((c) => c.id)].filter((id): id is string => typeof id === 'string');
  return ids.length > 0 && ids.every((id) => ULID.test(id));
}

/**
 * The native id of an item: the compat API's ids may differ from the ones the page (and the widget)
 * uses, which its shortlink names.
 */
function nativeIdOf(raw: { id: string; shortlink?: string | null | undefined }): string {
  const match = /\/incidents\/([0-9A-Za-z]+)\/?$/.exec(raw.shortlink ?? '');
  return match?.[1] ?? raw.id;
}

interface Documents {
  summary: unknown;
  /** null when components.json could not be had: the summary's list is used. */
  components: unknown;
  /** null when the page has no widget API. */
  widget: unknown;
}

interface Context {
  base: string;
  now: Date;
  serviceIds: Set<string>;
  widgetById: Map<string, WidgetItem>;
}

function updatesOf(raw: RawIncident, widget: WidgetItem | undefined): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  for (const update of raw.incident_updates ?? []) {
    const at = toIsoUtc(update.display_at) ?? toIsoUtc(update.created_at) ?? toIsoUtc(update.updated_at);
    if (at === null) continue;
    updates.push({ at, status: cleanRemoteText(update.status ?? 'unknown'), body: cleanRemoteText(update.body ?? '') });
  }
  // The compat API may send empty bodies; the widget has the latest message.
  const newest = newestFirst(updates)[0];
  const widgetAt = toIsoUtc(widget?.last_update_at);
  if (widget && widgetAt !== null && newest && newest.body === '' && newest.at === widgetAt) {
    newest.body = cleanRemoteText(widget.last_update_message ?? '');
  }
  return updates;
}

function servicesOf(ids: readonly string[], context: Context): string[] {
  return [...new Set(ids)].filter((id) => context.serviceIds.has(id));
}

function toIncident(raw: RawIncident, context: Context): Incident {
  const id = nativeIdOf(raw);
  const widget = context.widgetById.get(id);
  const fromWidget = (widget?.affected_components ?? []).map((c) => c.id);
  return {
    id,
    title: cleanRemoteText(raw.name),
    status: incidentStatusOf(raw.status),
    impact: widget ? incidentIoImpactOf(widget.current_worst_impact) : impactOf(raw.impact),
    services: servicesOf([...(raw.components ?? []).map((c) => c.id), ...fromWidget], context),
    startedAt: toIsoUtc(raw.started_at) ?? toIsoUtc(raw.created_at),
    updatedAt: toIsoUtc(raw.updated_at),
    resolvedAt: toIsoUtc(raw.resolved_at),
    url: itemUrl(context.base, 'incidents', id),
    updates: updatesOf(raw, widget),
  };
}

/** An ongoing incident only the widget knows (the compat summary lags or leaves it out). */
function incidentFromWidget(item: WidgetItem, context: Context): Incident {
  const at = toIsoUtc(item.last_update_at);
  return {
    id: item.id,
    title: cleanRemoteText(item.name),
    status: incidentStatusOf(item.status),
    impact: incidentIoImpactOf(item.current_worst_impact),
    services: servicesOf((item.affected_components ?? []).map((c) => c.id), context),
    startedAt: null,
    updatedAt: at,
    resolvedAt: null,
    url: itemUrl(context.base, 'incidents', item.id),
    updates: at === null ? [] : [{ at, status: cleanRemoteText(item.status ?? 'unknown'), body: cleanRemoteText(item.last_update_message ?? '') }],
  };
}

function toMaintenance(raw: RawScheduledMaintenance, context: Context): Maintenance {
  const id = nativeIdOf(raw);
  const widget = context.widgetById.get(id);
  const scheduledFor = toIsoUtc(raw.scheduled_for) ?? toIsoUtc(widget?.starts_at) ?? toIsoUtc(widget?.started_at);
  return {
    id,
    title: cleanRemoteText(raw.name),
    // The widget says which list it is in, in incident.io's own words: it wins.
    status: incidentIoMaintenanceStatusOf(widget?.status ?? raw.status, scheduledFor, context.now),
    scheduledFor,
    scheduledUntil: toIsoUtc(raw.scheduled_until) ?? toIsoUtc(widget?.ends_at) ?? toIsoUtc(widget?.scheduled_end_at),
    services: servicesOf([...(raw.components ?? []).map((c) => c.id), ...(widget?.affected_components ?? []).map((c) => c.id)], context),
    url: itemUrl(context.base, 'incidents', id),
  };
}

function maintenanceFromWidget(item: WidgetItem, context: Context): Maintenance {
  const scheduledFor = toIsoUtc(item.starts_at) ?? toIsoUtc(item.started_at);
  return {
    id: item.id,
    title: cleanRemoteText(item.name),
    status: incidentIoMaintenanceStatusOf(item.status, scheduledFor, context.now),
    scheduledFor,
    scheduledUntil: toIsoUtc(item.ends_at) ?? toIsoUtc(item.scheduled_end_at),
    services: servicesOf((item.affected_components ?? []).map((c) => c.id), context),
    url: itemUrl(context.base, 'incidents', item.id),
  };
}

function servicesFrom(components: readonly RawComponent[], widget: Widget | null): Service[] {
  // The compat API has no groups; the widget names the group of the components it mentions.
  const groupOf = new Map<string, string>();
  const items = [...(widget?.ongoing_incidents ?? []), ...(widget?.in_progress_maintenances ?? []), ...(widget?.scheduled_maintenances ?? [])];
  for (const item of items) {
    for (const c of item.affected_components ?? []) if (c.group_name) groupOf.set(c.id, cleanRemoteText(c.group_name));
  }
  return components
    .filter((c) => c.group !== true)
    .map((c) => ({ id: c.id, name: cleanRemoteText(c.name), group: groupOf.get(c.id) ?? null, status: incidentIoComponentLevel(c.status) }));
}

/** Normalises one poll's documents on their own (no memory of earlier snapshots). Throws `SourceError`. */
export function snapshotFromIncidentIo(documents: Documents, base: string, now: Date): SourceSnapshot {
  const summary = validate(summarySchema, documents.summary, `${base}${SUMMARY_PATH}`, 'an incident.io summary');
  // components.json adds what the summary leaves out; a list of another shape is passed over
  // (its envelope is not documented), not a reason to show nothing.
  const listed = documents.components === null ? null : componentListOf(documents.components);
  const parsedWidget = documents.widget === null ? null : widgetSchema.safeParse(documents.widget);
  const widget = parsedWidget?.success ? parsedWidget.data : null;

  const services = servicesFrom(listed?.components ?? summary.components ?? [], widget);
  const widgetItems = [...(widget?.ongoing_incidents ?? []), ...(widget?.in_progress_maintenances ?? []), ...(widget?.scheduled_maintenances ?? [])];
  const context: Context = {
    base,
    now,
    serviceIds: new Set(services.map((s) => s.id)),
    widgetById: new Map(widgetItems.map((item) => [item.id, item])),
  };

  const incidents = (summary.incidents ?? []).map((raw) => toIncident(raw, context));
  const known = new Set(incidents.map((i) => i.id));
  for (const item of widget?.ongoing_incidents ?? []) if (!known.has(item.id)) incidents.push(incidentFromWidget(item, context));

  const maintenances = (summary.scheduled_maintenances ?? []).map((raw) => toMaintenance(raw, context));
  const knownMaintenances = new Set(maintenances.map((m) => m.id));
  for (const item of [...(widget?.in_progress_maintenances ?? []), ...(widget?.scheduled_maintenances ?? [])]) {
    if (!knownMaintenances.has(item.id)) maintenances.push(maintenanceFromWidget(item, context));
  }

  const widgetLevels = (widget?.ongoing_incidents ?? []).flatMap((i) => (i.affected_components ?? []).map((c) => incidentIoComponentLevel(c.current_status)));
  return goodSnapshot(
    {
      url: base,
      kind: 'incident-io',
      name: pageName(summary.page.name || widget?.page_title, base),
      overall: worstLevel([...services.map((s) => s.status), indicatorLevel(summary.status.indicator), ...widgetLevels]),
      services,
      incidents,
      maintenances,
    },
    now,
  );
}

export function createIncidentIoSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  const absentIncidents: AbsentRounds = new Map();
  const absentMaintenances: AbsentRounds = new Map();
  // Pages without the widget API answer 404 for it: asked once, not every poll.
  let widgetMissing = false;

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const widgetRequest = widgetMissing
      ? Promise.resolve(null)
      : deps.http.getJson(`${base}${INCIDENT_IO_WIDGET_PATH}`).then(
          (r) => r.body,
          (error: unknown) => {
            if (error instanceof SourceError && (error.status === 404 || error.status === 410)) widgetMissing = true;
            return null;
          },
        );
    const [summary, components, widget] = await Promise.all([
      deps.http.getJson(`${base}${SUMMARY_PATH}`),
      getOptionalJson(deps.http, `${base}${INCIDENT_IO_COMPONENTS_PATH}`),
      widgetRequest,
    ]);
    const now = deps.now();
    const live = snapshotFromIncidentIo({ summary: summary.body, components, widget }, base, now);
    const earlier = previous && previous.kind === 'incident-io' ? previous : null;

    const incidents = await carryIncidents(
      live.incidents,
      earlier?.incidents ?? [],
      (missing) =>
        lookUpOrNothing(async () => {
          const { body } = await deps.http.getJson(`${base}${INCIDENTS_PATH}`);
          const list = validate(incidentListSchema, body, `${base}${INCIDENTS_PATH}`, 'an incident.io incident list');
          const context: Context = { base, now, serviceIds: new Set(live.services.map((s) => s.id)), widgetById: new Map() };
          const listedById = new Map(list.incidents.map((raw) => [nativeIdOf(raw), toIncident(raw, context)]));
          const lookup: Lookup<Incident> = { found: new Map(), absent: new Set(), gone: new Set() };
          for (const { id } of missing) {
            const incident = listedById.get(id);
            if (incident) lookup.found.set(id, incident);
            else lookup.absent.add(id);
          }
          return lookup;
        }),
      now,
      absentIncidents,
    );
    // The widget lists every maintenance in progress or scheduled: one that left it (and the
    // summary) is over. Without the widget nothing says so; an ended window completes it.
    const widgetRead = widget !== null && widgetSchema.safeParse(widget).success;
    const maintenances = await carryMaintenances(
      live.maintenances,
      earlier?.maintenances ?? [],
      (missing) => Promise.resolve(widgetRead ? maintenancesEndedByOmission(missing) : allAbsent(missing)),
      now,
      absentMaintenances,
    );
    return { ...live, incidents, maintenances };
  }

  return { url: base, kind: 'incident-io', fetchSnapshot };
}

// status.io pages: the public status API https://api.status.io/1.0/status/<page id>, the id read
// once from the page's HTML (or given directly as that API address). Components are listed per
// container (a region, a data centre); incidents and maintenances list only what is open.
import { z } from 'zod';
import { worstLevel } from '../../../common/levels';
import type { Incident, IncidentUpdate, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import { SourceError, hostOf } from '../http';
import {
  carryByOmission,
  goodSnapshot,
  newAbsentCounts,
  newestFirst,
  normaliseBaseUrl,
  pageName,
  toIsoUtc,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import { statusioImpactOf, statusioIncidentStatusOf, statusioLevel } from './words';

export const STATUSIO_API = 'https://api.status.io';
const STATUS_PATH = /\/1\.0\/status\/([0-9a-f]{24})$/;

const text = z.string().nullish();
const code = z.union([z.number(), z.string()]).nullish();
const named = z.object({ _id: z.string().min(1), name: text });

const itemSchema = z.object({
  _id: z.string().min(1),
  name: z.string(),
  datetime_open: text,
  datetime_planned_start: text,
  datetime_planned_end: text,
  messages: z.array(z.object({ details: text, state: code, status: code, datetime: text })).nullish(),
  components_affected: z.array(named).nullish(),
  containers_affected: z.array(named).nullish(),
});
type RawItem = z.infer<typeof itemSchema>;

const containerSchema = z.object({ id: z.string().min(1), name: z.string(), status_code: code });

export const statusioSchema = z.object({
  result: z.object({
    status_overall: z.object({ status_code: code, status: text }),
    status: z.array(containerSchema.extend({ containers: z.array(containerSchema).nullish() })).nullish(),
    incidents: z.array(itemSchema).nullish(),
    maintenance: z.object({ active: z.array(itemSchema).nullish(), upcoming: z.array(itemSchema).nullish() }).nullish(),
  }),
});

/**
 * Where the page's status API is, from its HTML: a link to `<origin>/1.0/status/<id>` on the page's
 * own origin (a page serving its API itself), else the id (in an api.status.io link, or a
 * `statuspage_id`) on api.status.io. Null when the HTML names none.
 */
export function statusioApiFromHtml(html: string, base: string): string | null {
  const origin = new URL(base).origin;
  const escapedOrigin = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = new RegExp(`${escapedOrigin}(/[^"'\\s<>]*?)?/1\\.0/status/([0-9a-f]{24})`).exec(html);
  if (own) return `${origin}${own[1] ?? ''}/1.0/status/${own[2] ?? ''}`;
  const id =
    /api\.status\.io\/1\.0\/status\/([0-9a-f]{24})/.exec(html)?.[1] ??
    /statuspage_?id["'\s:=]+([0-9a-f]{24})/i.exec(html)?.[1] ??
    null;
  return id === null ? null : `${STATUSIO_API}/1.0/status/${id}`;
}

/** The page id of a status API address; null if it is not one. */
export function statusioPageId(apiUrl: string): string | null {
  return STATUS_PATH.exec(apiUrl)?.[1] ?? null;
}

interface Context {
  base: string;
  pageId: string;
  /** Component id -> its services' ids (one per container). */
  servicesOfComponent: Map<string, string[]>;
}

function serviceId(componentId: string, containerId: string | null): string {
  return containerId === null ? componentId : `${componentId}/${containerId}`;
}

function servicesOf(raw: RawItem, context: Context): string[] {
  const containers = new Set((raw.containers_affected ?? []).map((c) => c._id));
  const ids: string[] = [];
  for (const component of raw.components_affected ?? []) {
    const all = context.servicesOfComponent.get(component._id) ?? [];
    // The pairs of an affected component and an affected container; all its containers if none is named.
    const picked = all.filter((sid) => containers.size === 0 || containers.has(sid.split('/')[1] ?? sid));
    ids.push(...(picked.length > 0 ? picked : all));
  }
  return [...new Set(ids)];
}

function timelineOf(raw: RawItem): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  for (const message of raw.messages ?? []) {
    const at = toIsoUtc(message.datetime);
    if (at !== null) updates.push({ at, status: statusioIncidentStatusOf(message.state), body: cleanRemoteText(message.details ?? '') });
  }
  return newestFirst(updates);
}

function latestMessage(raw: RawItem): NonNullable<RawItem['messages']>[number] | undefined {
  return [...(raw.messages ?? [])].sort((a, b) => Date.parse(b.datetime ?? '') - Date.parse(a.datetime ?? ''))[0];
}

function toIncident(raw: RawItem, context: Context): Incident {
  const updates = timelineOf(raw);
  const latest = latestMessage(raw);
  return {
    id: raw._id,
    title: cleanRemoteText(raw.name),
    status: statusioIncidentStatusOf(latest?.state),
    impact: statusioImpactOf(latest?.status),
    services: servicesOf(raw, context),
    startedAt: toIsoUtc(raw.datetime_open),
    updatedAt: updates[0]?.at ?? toIsoUtc(raw.datetime_open),
    resolvedAt: null,
    url: `${context.base}/pages/incident/${context.pageId}/${encodeURIComponent(raw._id)}`,
    updates,
  };
}

function toMaintenance(raw: RawItem, context: Context, status: Maintenance['status']): Maintenance {
  return {
    id: raw._id,
    title: cleanRemoteText(raw.name),
    status,
    scheduledFor: toIsoUtc(raw.datetime_planned_start),
    scheduledUntil: toIsoUtc(raw.datetime_planned_end),
    services: servicesOf(raw, context),
    url: `${context.base}/pages/maintenance/${context.pageId}/${encodeURIComponent(raw._id)}`,
  };
}

/** Normalises a status API answer on its own. `base` is the page (for links). Throws `SourceError`. */
export function snapshotFromStatusio(body: unknown, base: string, apiUrl: string, now: Date): SourceSnapshot {
  const { result } = validate(statusioSchema, body, apiUrl, 'a status.io status');
  const services: Service[] = [];
  const servicesOfComponent = new Map<string, string[]>();
  for (const component of result.status ?? []) {
    const containers = component.containers ?? [];
    const own =
      containers.length === 0
        ? [{ id: serviceId(component.id, null), name: cleanRemoteText(component.name), group: null, status: statusioLevel(component.status_code) }]
        : containers.map((container) => ({
            id: serviceId(component.id, container.id),
            name: cleanRemoteText(container.name),
            group: cleanRemoteText(component.name),
            status: statusioLevel(container.status_code),
          }));
    services.push(...own);
    servicesOfComponent.set(component.id, own.map((s) => s.id));
  }
  const context: Context = { base, pageId: statusioPageId(apiUrl) ?? '', servicesOfComponent };
  return goodSnapshot(
    {
      url: base,
      kind: 'statusio',
      // The status API does not name the page.
      name: pageName(null, base),
      overall: worstLevel([...services.map((s) => s.status), statusioLevel(result.status_overall.status_code)]),
      services,
      incidents: (result.incidents ?? []).map((raw) => toIncident(raw, context)),
      maintenances: [
        ...(result.maintenance?.active ?? []).map((raw) => toMaintenance(raw, context, 'in_progress')),
        ...(result.maintenance?.upcoming ?? []).map((raw) => toMaintenance(raw, context, 'scheduled')),
      ],
    },
    now,
  );
}

export function createStatusioSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  const absent = newAbsentCounts();
  // Read once from the page: a page keeps its id.
  let apiUrl: string | null = statusioPageId(base) === null ? null : base;

  async function api(): Promise<string> {
    if (apiUrl !== null) return apiUrl;
    const { text: html } = await deps.http.getText(base);
    const found = statusioApiFromHtml(html, base);
    if (found === null) {
      throw new SourceError('invalid', `${hostOf(base)} does not name a status.io page id`, { url: base, case: 'unexpected-data', detail: 'status.io page id' });
    }
    apiUrl = found;
    return found;
  }

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const target = await api();
    const { body } = await deps.http.getJson(target);
    const now = deps.now();
    const live = snapshotFromStatusio(body, base, target, now);
    const earlier = previous && previous.kind === 'statusio' ? previous : null;
    // The page lists active items only: one it no longer lists is over.
    return carryByOmission(live, earlier, now, absent);
  }

  return { url: base, kind: 'statusio', fetchSnapshot };
}

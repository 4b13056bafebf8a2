// Better Stack (Better Uptime) status pages: <page>/index.json, one JSON:API document with the
// page's state, its sections and resources, and its status reports (incidents and maintenances)
// with their updates. Hosted pages answer any path with a 200 web page: only the body says.
import { z } from 'zod';
import { worstLevel } from '../../../common/levels';
import type { Incident, IncidentUpdate, Maintenance, Service, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import {
  carryDeletedQuietly,
  goodSnapshot,
  itemUrl,
  newAbsentCounts,
  newestFirst,
  normaliseBaseUrl,
  pageName,
  toIsoUtc,
  validate,
  type SourceDeps,
  type StatusSource,
} from './common';
import { betterstackImpactOf, betterstackLevel, betterstackReportStatusOf } from './words';

export const BETTERSTACK_INDEX_PATH = '/index.json';

const text = z.string().nullish();
const id = z.union([z.string().min(1), z.number()]).transform(String);
const reference = z.object({ id, type: text });

const affectedSchema = z.array(z.object({ status_page_resource_id: id, status: text })).nullish();

const sectionSchema = z.object({ name: text, position: z.number().nullish() });
const resourceSchema = z.object({
  status_page_section_id: id.nullish(),
  public_name: z.string(),
  status: text,
  position: z.number().nullish(),
});
const reportSchema = z.object({
  title: z.string(),
  report_type: text,
  starts_at: text,
  ends_at: text,
  aggregate_state: text,
  affected_resources: affectedSchema,
});
const updateSchema = z.object({ message: text, published_at: text, affected_resources: affectedSchema });

/** `index.json`: the members this adapter reads; other included types are passed over. */
export const betterstackIndexSchema = z.object({
  data: z.object({
    id,
    type: z.literal('status_page'),
    attributes: z.object({ company_name: text, aggregate_state: text, timezone: text }),
  }),
  included: z
    .array(
      z.object({
        id,
        type: z.string(),
        attributes: z.record(z.string(), z.unknown()),
        relationships: z.record(z.string(), z.object({ data: z.array(reference).nullish() })).nullish(),
      }),
    )
    .nullish(),
});
type Included = NonNullable<z.infer<typeof betterstackIndexSchema>['included']>[number];

function membersOf<T>(included: readonly Included[], type: string, schema: z.ZodType<T>, url: string, what: string): Array<{ id: string; item: T; raw: Included }> {
  return included
    .filter((member) => member.type === type)
    .map((raw) => ({ id: raw.id, item: validate(schema, raw.attributes, url, what), raw }));
}

/** The status word an update states: the worst state of what it affects, else "update". */
function updateWord(affected: z.infer<typeof affectedSchema>): string {
  const words = (affected ?? []).map((a) => a.status ?? '').filter((w) => w !== '');
  if (words.includes('downtime')) return 'downtime';
  if (words.includes('degraded')) return 'degraded';
  return words[0] ?? 'update';
}

/** Normalises an index.json body on its own. Throws `SourceError`. */
export function snapshotFromBetterstack(body: unknown, base: string, now: Date): SourceSnapshot {
  const url = `${base}${BETTERSTACK_INDEX_PATH}`;
  const index = validate(betterstackIndexSchema, body, url, 'a Better Stack status page');
  const included = index.included ?? [];
  const sections = new Map(membersOf(included, 'status_page_section', sectionSchema, url, 'a Better Stack section').map((s) => [s.id, s.item]));
  const resources = membersOf(included, 'status_page_resource', resourceSchema, url, 'a Better Stack resource');
  const updates = new Map(membersOf(included, 'status_update', updateSchema, url, 'a Better Stack status update').map((u) => [u.id, u.item]));
  const reports = membersOf(included, 'status_report', reportSchema, url, 'a Better Stack status report');

  const services: Service[] = resources.map(({ id: resourceId, item }) => {
    const section = item.status_page_section_id === undefined || item.status_page_section_id === null ? undefined : sections.get(item.status_page_section_id);
    return {
      id: resourceId,
      name: cleanRemoteText(item.public_name),
      group: section?.name ? cleanRemoteText(section.name) : null,
      status: betterstackLevel(item.status),
    };
  });
  const serviceIds = new Set(services.map((s) => s.id));
  const affectedIds = (affected: z.infer<typeof affectedSchema>): string[] =>
    [...new Set((affected ?? []).map((a) => a.status_page_resource_id))].filter((rid) => serviceIds.has(rid));

  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  for (const { id: reportId, item, raw } of reports) {
    const reportUpdates = (raw.relationships?.['status_updates']?.data ?? [])
      .map((ref) => updates.get(ref.id))
      .filter((u): u is z.infer<typeof updateSchema> => u !== undefined);
    const services = affectedIds([...(item.affected_resources ?? []), ...reportUpdates.flatMap((u) => u.affected_resources ?? [])]);
    const startsAt = toIsoUtc(item.starts_at);
    const endsAt = toIsoUtc(item.ends_at);
    const ended = item.aggregate_state === 'resolved' || (endsAt !== null && Date.parse(endsAt) <= now.getTime());
    const reportUrl = itemUrl(base, 'incidents', reportId);
    if (item.report_type === 'maintenance') {
      const starts = startsAt === null ? Number.NaN : Date.parse(startsAt);
      maintenances.push({
        id: reportId,
        title: cleanRemoteText(item.title),
        status: ended ? 'completed' : starts > now.getTime() ? 'scheduled' : 'in_progress',
        scheduledFor: startsAt,
        scheduledUntil: endsAt,
        services,
        url: reportUrl,
      });
      continue;
    }
    const timeline: IncidentUpdate[] = [];
    for (const update of reportUpdates) {
      const at = toIsoUtc(update.published_at);
      if (at !== null) timeline.push({ at, status: cleanRemoteText(updateWord(update.affected_resources)), body: cleanRemoteText(update.message ?? '') });
    }
    newestFirst(timeline);
    const status = ended ? 'resolved' : betterstackReportStatusOf(item.aggregate_state);
    const latest = timeline[0]?.at ?? startsAt;
    incidents.push({
      id: reportId,
      title: cleanRemoteText(item.title),
      status,
      impact: betterstackImpactOf(ended ? 'resolved' : item.aggregate_state),
      services,
      startedAt: startsAt,
      updatedAt: latest,
      resolvedAt: status === 'resolved' ? (endsAt ?? latest) : null,
      url: reportUrl,
      updates: timeline,
    });
  }

  return goodSnapshot(
    {
      url: base,
      kind: 'betterstack',
      name: pageName(index.data.attributes.company_name, base),
      overall: worstLevel([...services.map((s) => s.status), betterstackLevel(index.data.attributes.aggregate_state)]),
      services,
      incidents,
      maintenances,
    },
    now,
  );
}

export function createBetterstackSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  const absent = newAbsentCounts();

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    const { body } = await deps.http.getJson(`${base}${BETTERSTACK_INDEX_PATH}`);
    const now = deps.now();
    const live = snapshotFromBetterstack(body, base, now);
    const earlier = previous && previous.kind === 'betterstack' ? previous : null;
    // index.json keeps recent resolved reports: one that vanished was deleted, and is dropped
    // quietly after a few polls (the carry rules).
    return carryDeletedQuietly(live, earlier, now, absent);
  }

  return { url: base, kind: 'betterstack', fetchSnapshot };
}

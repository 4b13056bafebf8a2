// The one schema of what the core publishes: snapshots, change events and source problems. The
// state file, the window and the dashboard read with it, all with the bounds of limits.ts, and the
// compile-time checks at the end keep it and the model's types describing the same thing.
import { z } from 'zod';
import { LIMITS } from './limits';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  LEVELS,
  MAINTENANCE_STATUSES,
  SOURCE_ERROR_REASONS,
  SOURCE_KINDS,
  SOURCE_PROBLEM_CASES,
  type ChangeEvent,
  type SourceProblem,
  type SourceSnapshot,
  type StatusSnapshot,
} from './model';

const id = z.string().max(LIMITS.idChars);
const name = z.string().max(LIMITS.nameChars);
const body = z.string().max(LIMITS.bodyChars);
const url = z.string().max(LIMITS.urlChars);
const time = z.string().max(LIMITS.timeChars);
const word = z.string().max(LIMITS.wordChars);
const serviceIds = z.array(id).max(LIMITS.servicesPerItem);
const serviceNames = z.array(name).max(LIMITS.servicesPerItem);
const count = z.number().finite().min(0).max(1e9).nullable();

const problemShape = z.object({
  reason: z.enum([...SOURCE_ERROR_REASONS, 'not-refreshed']),
  case: z.enum(SOURCE_PROBLEM_CASES).nullable(),
  host: z.string().max(LIMITS.detailChars).nullable(),
  status: z.number().int().min(100).max(999).nullable(),
  retryAfterSeconds: count,
  limit: count,
  detail: z.string().max(LIMITS.detailChars).nullable(),
});

/**
 * A problem read back: missing (files and pushes from before it existed) or unreadable, it is null,
 * and the English `error` next to it is shown instead; never a reason to refuse the whole record.
 */
export const sourceProblemSchema = problemShape.nullable().catch(null);

const updateSchema = z.object({ at: time, status: word, body });

const serviceSchema = z.object({ id, name, group: name.nullable(), status: z.enum(LEVELS) });

const incidentSchema = z.object({
  id,
  title: name,
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  services: serviceIds,
  startedAt: time.nullable(),
  updatedAt: time.nullable(),
  resolvedAt: time.nullable(),
  url,
  updates: z.array(updateSchema).max(LIMITS.updatesPerIncident),
  unlisted: z.boolean().optional(),
});

const maintenanceSchema = z.object({
  id,
  title: name,
  status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: time.nullable(),
  scheduledUntil: time.nullable(),
  services: serviceIds,
  url,
  details: body.optional(),
  completedAt: time.nullable().optional(),
});

export const sourceSnapshotSchema = z.object({
  url,
  kind: z.enum(SOURCE_KINDS),
  name,
  overall: z.enum(LEVELS),
  fetchedAt: time.nullable(),
  stale: z.boolean(),
  error: body.nullable(),
  // Missing or unreadable: null, and `error` is shown as it is.
  problem: sourceProblemSchema,
  services: z.array(serviceSchema).max(LIMITS.servicesPerSource),
  incidents: z.array(incidentSchema).max(LIMITS.incidentsPerSource),
  maintenances: z.array(maintenanceSchema).max(LIMITS.maintenancesPerSource),
});

export const statusSnapshotSchema = z.object({
  overall: z.enum(LEVELS),
  sources: z.array(sourceSnapshotSchema).max(LIMITS.sources),
});

const base = { at: time, sourceUrl: url, sourceName: name, key: z.string().max(LIMITS.keyChars), url };

const incidentEventSchema = z.object({
  ...base,
  type: z.enum(['incident.opened', 'incident.updated', 'incident.resolved']),
  incidentId: id,
  title: name,
  status: z.enum(INCIDENT_STATUSES),
  previousStatus: z.enum(INCIDENT_STATUSES).nullable(),
  impact: z.enum(IMPACTS),
  services: serviceNames,
  serviceIds,
  update: updateSchema.nullable(),
});

const maintenanceEventSchema = z.object({
  ...base,
  type: z.enum(['maintenance.scheduled', 'maintenance.started', 'maintenance.completed', 'maintenance.reminder']),
  maintenanceId: id,
  title: name,
  status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: time.nullable(),
  scheduledUntil: time.nullable(),
  services: serviceNames,
  serviceIds,
});

const serviceChangedEventSchema = z.object({
  ...base,
  type: z.literal('service.changed'),
  serviceId: id,
  serviceName: name,
  from: z.enum(LEVELS),
  to: z.enum(LEVELS),
  flapping: z.literal(true).optional(),
});

const overallChangedEventSchema = z.object({
  ...base,
  type: z.literal('overall.changed'),
  from: z.enum(LEVELS),
  to: z.enum(LEVELS),
});

const sourceHealthEventSchema = z.object({
  ...base,
  type: z.enum(['source.unreachable', 'source.recovered']),
  error: body.nullable(),
  problem: sourceProblemSchema,
});

export const changeEventSchema = z.union([
  incidentEventSchema,
  maintenanceEventSchema,
  serviceChangedEventSchema,
  overallChangedEventSchema,
  sourceHealthEventSchema,
]);

// The schemas and the model's types must describe the same thing: these lines fail to compile if
// one of them gains a field the other lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventMatchesModel: Same<z.infer<typeof changeEventSchema>, ChangeEvent> = true;
const problemMatchesModel: Same<z.infer<typeof problemShape>, SourceProblem> = true;
const sourceMatchesModel: Same<z.infer<typeof sourceSnapshotSchema>, SourceSnapshot> = true;
const snapshotMatchesModel: Same<z.infer<typeof statusSnapshotSchema>, StatusSnapshot> = true;
void [eventMatchesModel, problemMatchesModel, sourceMatchesModel, snapshotMatchesModel];

/** A schema's verdict as data: the value, or the first place it went wrong. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function check<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): Checked<z.output<Schema>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { ok: false, error: `unreadable ${what}${where}` };
}

// A change event read back from somewhere we do not control (a file on disk, the bridge): every
// field of its type checked, so code that formats it can trust what it reads.
import { z } from 'zod';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  LEVELS,
  MAINTENANCE_STATUSES,
  SOURCE_ERROR_REASONS,
  SOURCE_PROBLEM_CASES,
  type ChangeEvent,
  type SourceProblem,
} from './model';

const text = z.string().max(100_000);
const time = z.string().max(64);
const names = z.array(z.string().max(2000)).max(1000);

const count = z.number().finite().min(0).max(1e9).nullable();

const problemShape = z.object({
  reason: z.enum([...SOURCE_ERROR_REASONS, 'not-refreshed']),
  case: z.enum(SOURCE_PROBLEM_CASES).nullable(),
  host: z.string().max(2000).nullable(),
  status: z.number().int().min(100).max(999).nullable(),
  retryAfterSeconds: count,
  limit: count,
  detail: z.string().max(2000).nullable(),
});

/**
 * A problem read back: missing (files and pushes from before it existed) or unreadable, it is null,
 * and the English `error` next to it is shown instead; never a reason to refuse the whole record.
 */
export const sourceProblemSchema = problemShape.nullable().catch(null);

const base = { at: time, sourceUrl: text, sourceName: text, key: text, url: text };

const incidentEventSchema = z.object({
  ...base,
  type: z.enum(['incident.opened', 'incident.updated', 'incident.resolved']),
  incidentId: z.string().max(200),
  title: text,
  status: z.enum(INCIDENT_STATUSES),
  previousStatus: z.enum(INCIDENT_STATUSES).nullable(),
  impact: z.enum(IMPACTS),
  services: names,
  serviceIds: names,
  update: z.object({ at: time, status: text, body: text }).nullable(),
});

const maintenanceEventSchema = z.object({
  ...base,
  type: z.enum(['maintenance.scheduled', 'maintenance.started', 'maintenance.completed', 'maintenance.reminder']),
  maintenanceId: z.string().max(200),
  title: text,
  status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: time.nullable(),
  scheduledUntil: time.nullable(),
  services: names,
  serviceIds: names,
});

const serviceChangedEventSchema = z.object({
  ...base,
  type: z.literal('service.changed'),
  serviceId: z.string().max(200),
  serviceName: text,
  from: z.enum(LEVELS),
  to: z.enum(LEVELS),
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
  error: text.nullable(),
  problem: sourceProblemSchema,
});

export const changeEventSchema = z.union([
  incidentEventSchema,
  maintenanceEventSchema,
  serviceChangedEventSchema,
  overallChangedEventSchema,
  sourceHealthEventSchema,
]);

// The schema and the model's types must describe the same thing: this line fails to compile if
// one of them gains a field the other lacks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<z.infer<typeof changeEventSchema>, ChangeEvent> = true;
void schemaMatchesModel;
const problemMatchesModel: Same<z.infer<typeof problemShape>, SourceProblem> = true;
void problemMatchesModel;

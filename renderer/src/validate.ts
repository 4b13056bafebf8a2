// Checks what arrives over the bridge before it reaches the store. Anything unreadable is
// refused rather than guessed at, so a broken payload can never look like "all clear".
import { z } from 'zod';
import {
  IMPACTS,
  INCIDENT_STATUSES,
  LEVELS,
  MAINTENANCE_STATUSES,
  SOURCE_KINDS,
  type ChangeEvent,
  type StatusSnapshot,
} from '../../main/core/model';
import { changeEventSchema, sourceProblemSchema } from '../../main/core/event-schema';
import { settingsSchema, showTargetSchema, type AppState, type Settings, type ShowTarget } from '../../preload/contract';

const text = z.string().max(100_000);
const time = z.string().max(64);
const ids = z.array(z.string().max(200)).max(1000);

const serviceSchema = z.object({
  id: z.string().max(200),
  name: text,
  group: text.nullable(),
  status: z.enum(LEVELS),
});

const incidentSchema = z.object({
  id: z.string().max(200),
  title: text,
  status: z.enum(INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  services: ids,
  startedAt: time.nullable(),
  updatedAt: time.nullable(),
  resolvedAt: time.nullable(),
  url: text,
  updates: z.array(z.object({ at: time, status: text, body: text })).max(1000),
});

const maintenanceSchema = z.object({
  id: z.string().max(200),
  title: text,
  status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: time.nullable(),
  scheduledUntil: time.nullable(),
  services: ids,
  url: text,
});

const sourceSnapshotSchema = z.object({
  url: text,
  kind: z.enum(SOURCE_KINDS),
  name: text,
  overall: z.enum(LEVELS),
  fetchedAt: time.nullable(),
  stale: z.boolean(),
  error: text.nullable(),
  // Missing or unreadable: null, and `error` is shown as it is.
  problem: sourceProblemSchema,
  services: z.array(serviceSchema).max(5000),
  incidents: z.array(incidentSchema).max(1000),
  maintenances: z.array(maintenanceSchema).max(1000),
});

export const statusSnapshotSchema = z.object({
  overall: z.enum(LEVELS),
  sources: z.array(sourceSnapshotSchema).max(50),
});

const appInfoSchema = z.object({
  name: text,
  version: z.string().max(100),
  platform: z.enum(['electron', 'web']),
  locale: z.string().max(100),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function check<T>(schema: z.ZodType, value: unknown, what: string): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as T };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { ok: false, error: `unreadable ${what}${where}` };
}

export const checkSnapshot = (value: unknown): Checked<StatusSnapshot> => check(statusSnapshotSchema, value, 'status data');
export const checkEvent = (value: unknown): Checked<ChangeEvent> => check(changeEventSchema, value, 'change event');
export const checkSettings = (value: unknown): Checked<Settings> => check(settingsSchema, value, 'settings');
export const checkShowTarget = (value: unknown): Checked<ShowTarget> => check(showTargetSchema, value, 'show request');

const appStateSchema = z.object({
  snapshot: statusSnapshotSchema,
  settings: settingsSchema,
  info: appInfoSchema,
  snoozedUntil: time.nullable(),
  recentEvents: z.array(changeEventSchema).max(1000),
});

export const checkAppState = (value: unknown): Checked<AppState> => check(appStateSchema, value, 'app state');

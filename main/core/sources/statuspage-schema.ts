// The shapes of Atlassian Statuspage v2 documents, as far as we rely on them. Enum-like fields are
// plain strings here (an unknown word is mapped to `unknown` later, not rejected); identities and
// names are required; everything else may be missing or null, as real pages do.
import { z } from 'zod';

const time = z.string().nullish();
const text = z.string().nullish();

export const componentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: text,
  group_id: text,
  group: z.boolean().nullish(),
  /** On a group: the ids of its members. */
  components: z.array(z.string()).nullish(),
  only_show_if_degraded: z.boolean().nullish(),
  /** Order on the page: among top-level components and groups, or within a group. */
  position: z.number().finite().nullish(),
});
export type RawComponent = z.infer<typeof componentSchema>;

const affectedComponentSchema = z.object({
  code: z.string().min(1),
  name: text,
  old_status: text,
  new_status: text,
});

const incidentUpdateSchema = z.object({
  id: text,
  status: text,
  body: text,
  created_at: time,
  updated_at: time,
  display_at: time,
  affected_components: z.array(affectedComponentSchema).nullish(),
});

export const incidentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: text,
  impact: text,
  created_at: time,
  updated_at: time,
  started_at: time,
  monitoring_at: time,
  resolved_at: time,
  shortlink: text,
  incident_updates: z.array(incidentUpdateSchema).nullish(),
  components: z.array(componentSchema).nullish(),
});
export type RawIncident = z.infer<typeof incidentSchema>;

export const scheduledMaintenanceSchema = incidentSchema.extend({
  scheduled_for: time,
  scheduled_until: time,
});
export type RawScheduledMaintenance = z.infer<typeof scheduledMaintenanceSchema>;

const pageSchema = z.object({
  id: text,
  name: z.string(),
  url: text,
  time_zone: text,
  updated_at: time,
});

/** `/api/v2/summary.json` (also fits `/api/v2/status.json`, which has no lists). */
export const summarySchema = z.object({
  page: pageSchema,
  status: z.object({ indicator: text, description: text }),
  components: z.array(componentSchema).nullish(),
  incidents: z.array(incidentSchema).nullish(),
  scheduled_maintenances: z.array(scheduledMaintenanceSchema).nullish(),
});
export type RawSummary = z.infer<typeof summarySchema>;

/** `/api/v2/incidents.json` and `/api/v2/incidents/unresolved.json`. */
export const incidentListSchema = z.object({
  page: pageSchema.optional(),
  incidents: z.array(incidentSchema),
});

/** `/api/v2/scheduled-maintenances.json` (and its upcoming/active variants). */
export const maintenanceListSchema = z.object({
  page: pageSchema.optional(),
  scheduled_maintenances: z.array(scheduledMaintenanceSchema),
});

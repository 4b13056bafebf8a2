// The shapes of Gandi's legacy status API (status.gandi.net/api, 2014-2019, served by Gandi/baobab).
// Weather words and categories stay plain strings here; they are mapped (unknown -> `unknown`) later.
import { z } from 'zod';

const time = z.string().nullish();
/** Titles and comments were translated on the server; some clients saw the per-language object. */
const localised = z.union([z.string(), z.record(z.string(), z.string())]);

/** `GET /api/status` */
export const legacyStatusSchema = z.object({ status: z.string() });

/** `GET /api/status/schema`: `fields.status.value` lists `{CODE: description}`. */
export const legacyStatusSchemaDocSchema = z.object({
  fields: z.object({
    status: z.object({ value: z.array(z.record(z.string(), z.string())) }),
  }),
});

/** `GET /api` */
export const legacyIndexSchema = z.record(
  z.string(),
  z.object({ list_endpoint: z.string(), schema: z.string() }),
);

/** `GET /api/services` */
export const legacyServicesSchema = z.array(
  z.object({
    name: z.string().min(1),
    description: z.string().nullish(),
    status: z.string().nullish(),
  }),
);

/** One item of `GET /api/events`, or `GET /api/events/<id>` (which adds `summary` and `logs`). */
export const legacyEventSchema = z.object({
  // An integer on the server, a string in some clients' data: both name the same event.
  id: z.union([z.number().int(), z.string().min(1)]),
  category: z.string().nullish(),
  title: localised.nullish(),
  date_start: time,
  date_end: time,
  estimate_date_end: time,
  duration: z.number().nullish(),
  services: z.array(z.union([z.string(), z.object({ name: z.string() })])).nullish(),
  last_update: time,
  summary: localised.nullish(),
  logs: z
    .array(z.object({ comment: localised.nullish(), date: time, id: z.union([z.number(), z.string()]).nullish() }))
    .nullish(),
});
export type RawLegacyEvent = z.infer<typeof legacyEventSchema>;

export const legacyEventsSchema = z.array(legacyEventSchema);

/** The English text of a possibly translated field. */
export function localisedText(value: z.infer<typeof localised> | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return value.en ?? Object.values(value)[0] ?? null;
}

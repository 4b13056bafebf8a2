// The parts of Gandi's API v5 answers the checks read, as zod schemas (shapes and sources:
// test/fixtures/gandi-api-v5/SOURCES.md). Objects keep only the keys named here, so whatever else
// an answer holds (a domain's `authinfo` transfer code, contacts) never goes further than the parser.
// Remote text is cleaned as it is read.
import { z } from 'zod';
import { cleanRemoteLine } from '../../../common/remote-text';
import { clip, LIMITS } from '../../../common/limits';

const text = z.string().transform((value) => clip(cleanRemoteLine(value), LIMITS.nameChars));
/** A date as the API writes it; read with `apiDate`. */
const date = z.string().max(LIMITS.timeChars);
const optionalDate = date.nullish();

/**
 * An API date as a Date, or null when absent or unreadable. Lenient: `+00` (no minutes) is seen in
 * Simple Hosting answers.
 */
export function apiDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const at = Date.parse(/[+-]\d\d$/.test(value) ? `${value}:00` : value);
  return Number.isFinite(at) ? new Date(at) : null;
}

export const userInfoSchema = z.object({
  id: text,
  username: text.optional(),
  name: text.optional(),
});

export const domainSchema = z.object({
  fqdn: text,
  status: z.array(z.string()).default([]),
  // Only `registry_created_at` and `updated_at` are required by the docs: the end may be missing.
  dates: z.object({ registry_ends_at: optionalDate }).default({}),
  // A boolean in the list (an object in a domain's details).
  autorenew: z.union([z.boolean(), z.object({ enabled: z.boolean().optional() })]).nullish(),
  nameserver: z.object({ current: z.string() }).nullish(),
});
export type ApiDomain = z.infer<typeof domainSchema>;

export const snapshotSchema = z.object({
  created_at: date,
  automatic: z.boolean().optional(),
});

/** A zone's snapshots, newest first as asked (`sort_by=-date_created`). */
export const snapshotsSchema = z.array(snapshotSchema);

export const mailboxSchema = z.object({
  address: text,
  mailbox_type: z.string().max(LIMITS.wordChars),
  quota_used: z.number().finite().min(0),
});
export type ApiMailbox = z.infer<typeof mailboxSchema>;

export const mailSlotSchema = z.object({
  mailbox_type: z.string().max(LIMITS.wordChars),
  /** In MB (documented). */
  capacity: z.number().finite().positive(),
});

export const mailSlotsSchema = z.array(mailSlotSchema);

export const billingInfoSchema = z.object({
  // Not read, but required by the docs: without them any JSON object would pass as "no prepaid account, fine".
  annual_balance: z.number().finite(),
  outstanding_amount: z.number().finite(),
  prepaid: z
    .object({
      amount: z.number().finite().nullish(),
      warning_threshold: z.number().finite().nullish(),
      currency: text.nullish(),
    })
    .nullish(),
});

export const instanceSchema = z.object({
  name: text,
  status: z.string().max(LIMITS.wordChars),
  expire_at: optionalDate,
  datacenter: z.object({ code: text }).nullish(),
});
export type ApiInstance = z.infer<typeof instanceSchema>;

export const certificateSchema = z.object({
  cn: text,
  status: z.string().max(LIMITS.wordChars),
  dates: z.object({ ends_at: optionalDate }).default({}),
});
export type ApiCertificate = z.infer<typeof certificateSchema>;

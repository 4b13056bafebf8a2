// What the window is told of the account checks: whether a token is set and where it is kept
// (never the token itself), the last report, and whether a check is running. "Does it affect me?"
// is computed from `report.usage` and the status snapshot with accountImpact (account-impact.ts).
import { z } from 'zod';
import { LIMITS } from './limits';
import { accountReportSchema } from './account';

/**
 * Where the token is kept: `encrypted` by the OS keychain (Electron safeStorage), `plain-file` a file
 * readable by the user alone (accepted where there is no keyring), `this-run` in memory only (lost
 * at quit), `server` given to the dashboard's server at its start; `none` when there is no token.
 */
export const TOKEN_STORAGES = ['none', 'encrypted', 'plain-file', 'this-run', 'server'] as const;
export type TokenStorage = (typeof TOKEN_STORAGES)[number];

export const tokenStateSchema = z.object({
  set: z.boolean(),
  storage: z.enum(TOKEN_STORAGES),
  /** False where the OS offers no keyring (a Linux session without one): offer `plain-file` or `this-run`. */
  encryptionAvailable: z.boolean(),
  /** False in the dashboard: its token is given to the server at start, never through the browser. */
  settable: z.boolean(),
});
export type TokenState = z.infer<typeof tokenStateSchema>;

export const accountViewSchema = z.object({
  token: tokenStateSchema,
  /** The last report (possibly from before a restart); null before the first check. */
  report: accountReportSchema.nullable(),
  /** A check is running now. */
  checking: z.boolean(),
  /** When the next scheduled check is due; null without a token. */
  nextCheckAt: z.string().max(LIMITS.timeChars).nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Settings' token field: a token to keep (how), or null to forget it. */
export const setAccountTokenInputSchema = z.object({
  token: z.string().trim().min(1).max(1_000).nullable(),
  /** Where no keyring is available: keep it for this run only (default) or in a plain file. */
  fallback: z.enum(['this-run', 'plain-file']).optional(),
});
export type SetAccountTokenInput = z.input<typeof setAccountTokenInputSchema>;

export const setAccountTokenResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), account: accountViewSchema }),
  z.object({ ok: z.literal(false), error: z.string().max(LIMITS.bodyChars) }),
]);
export type SetAccountTokenResult = z.infer<typeof setAccountTokenResultSchema>;

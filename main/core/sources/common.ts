// What every source adapter shares: its interface, time normalisation and validation. The rules that
// carry incidents and maintenances from one snapshot to the next are in carry.ts.
import { parseSourceUrl, SOURCE_URL_PROBLEMS } from '../../../common/settings';
import type { HttpClient } from '../http';
import { SourceError } from '../http';
import type { IsoTime, SourceKind, SourceSnapshot } from '../../../common/model';
import type { Clock } from '../ports';
import type { z } from 'zod';

export interface StatusSource {
  /** Base URL, normalised (no trailing slash). */
  readonly url: string;
  /** The API this source speaks (for an auto-detected source: `statuspage` until detected). */
  readonly kind: SourceKind;
  /**
   * Fetches and normalises the page. `previous` (the last good snapshot, if any) lets the source
   * keep incidents and maintenances that left the live feed until their end is confirmed.
   * Throws `SourceError` on any failure; never returns partial data.
   */
  fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot>;
}

export interface SourceDeps {
  http: HttpClient;
  now: Clock;
}

/** Normalises an API timestamp (milliseconds, `Z` or an offset) to ISO UTC; null if unreadable. */
export function toIsoUtc(value: string | null | undefined): IsoTime | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The base URL of a status page: http(s), no query, no trailing slash. Throws `SourceError`. */
export function normaliseBaseUrl(url: string): string {
  const parsed = parseSourceUrl(url);
  if (parsed.ok) return parsed.url;
  if (parsed.problem === 'not-http') {
    throw new SourceError('invalid', `not an http(s) address: ${url}`, { case: 'not-http', detail: url });
  }
  const why = parsed.problem === 'bad-address' ? '' : ` (${SOURCE_URL_PROBLEMS[parsed.problem]})`;
  throw new SourceError('invalid', `not a valid status page address${why}: ${url}`, { case: 'bad-address', detail: url });
}

/** Validates a body with a schema; a mismatch is a `SourceError` naming where it failed. */
export function validate<T>(schema: z.ZodType<T>, body: unknown, url: string, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  const where = issue && path !== null ? ` (at ${path}: ${issue.message})` : '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  // The path alone goes into the problem: zod's own words are English.
  throw new SourceError('invalid', `${host} sent data that is not ${what}${where}`, {
    url,
    case: 'unexpected-data',
    ...(path === null ? {} : { detail: path }),
  });
}

/** Assembles a fresh, good snapshot. */
export function goodSnapshot(
  fields: Omit<SourceSnapshot, 'fetchedAt' | 'stale' | 'error' | 'problem'>,
  now: Date,
): SourceSnapshot {
  return { ...fields, fetchedAt: now.toISOString(), stale: false, error: null, problem: null };
}

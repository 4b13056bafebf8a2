// Which API a status page speaks, decided by what its answers validate against: Statuspage's
// summary first (status.gandi.net today), then Gandi's legacy /api/status.
import { SourceError, hostOf, type HttpClient } from '../http';
import type { SourceKind } from '../../../common/model';
import { LEGACY_STATUS_PATH } from './legacy';
import { legacyStatusSchema } from './legacy-schema';
import { SUMMARY_PATH } from './statuspage';
import { summarySchema } from './statuspage-schema';

/**
 * Failures that say nothing about the API (the host is down, slow, busy, or sent more than we read):
 * do not guess past them.
 */
function isInconclusive(error: SourceError): boolean {
  return (
    error.reason === 'timeout' ||
    error.reason === 'network' ||
    error.reason === 'too-large' ||
    (error.reason === 'http' && (error.status === 429 || (error.status ?? 0) >= 500))
  );
}

/** What one probe learnt: the API answered, or it did not (with the error, if there was one). */
type ProbeResult = { fits: true } | { fits: false; error: SourceError | null };

async function probe(http: HttpClient, url: string, accepts: (body: unknown) => boolean): Promise<ProbeResult> {
  try {
    const { body } = await http.getJson(url);
    return accepts(body) ? { fits: true } : { fits: false, error: null };
  } catch (error) {
    if (error instanceof SourceError && !isInconclusive(error)) return { fits: false, error };
    throw error;
  }
}

/**
 * Detects the API of `base` (normalised base URL). Throws the `SourceError` of a probe when the host
 * cannot be asked at all; the summary's own error when the summary path answered something that is
 * not JSON (a broken page is news, not a sign of another API) and the legacy API does not answer
 * either; otherwise an `invalid` one saying neither API answers.
 */
export async function detectKind(http: HttpClient, base: string): Promise<SourceKind> {
  const summary = await probe(http, `${base}${SUMMARY_PATH}`, (body) => summarySchema.safeParse(body).success);
  if (summary.fits) return 'statuspage';
  const legacy = await probe(http, `${base}${LEGACY_STATUS_PATH}`, (body) => legacyStatusSchema.safeParse(body).success);
  if (legacy.fits) return 'gandi-legacy';
  if (summary.error?.reason === 'invalid' && summary.error.unreadable) throw summary.error;
  throw new SourceError(
    'invalid',
    `${hostOf(base)} does not answer like a Statuspage page nor like Gandi's legacy status API`,
    { url: base, case: 'unknown-api' },
  );
}

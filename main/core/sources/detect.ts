// Which API a status page speaks, decided by what its answers validate against: Statuspage's
// summary first (status.gandi.net today), then Gandi's legacy /api/status.
import { SourceError, hostOf, type HttpClient } from '../http';
import type { SourceKind } from '../model';
import { LEGACY_STATUS_PATH } from './legacy';
import { legacyStatusSchema } from './legacy-schema';
import { SUMMARY_PATH } from './statuspage';
import { summarySchema } from './statuspage-schema';

/** Failures that say nothing about the API (the host is down, slow or busy): do not guess past them. */
function isInconclusive(error: SourceError): boolean {
  return (
    error.reason === 'timeout' ||
    error.reason === 'network' ||
    (error.reason === 'http' && (error.status === 429 || (error.status ?? 0) >= 500))
  );
}

async function probe(http: HttpClient, url: string, accepts: (body: unknown) => boolean): Promise<boolean> {
  try {
    const { body } = await http.getJson(url);
    return accepts(body);
  } catch (error) {
    if (error instanceof SourceError && !isInconclusive(error)) return false;
    throw error;
  }
}

/**
 * Detects the API of `base` (normalised base URL). Throws the `SourceError` of the first probe
 * when the host cannot be asked at all, or an `invalid` one when neither API answers.
 */
export async function detectKind(http: HttpClient, base: string): Promise<SourceKind> {
  if (await probe(http, `${base}${SUMMARY_PATH}`, (body) => summarySchema.safeParse(body).success)) {
    return 'statuspage';
  }
  if (await probe(http, `${base}${LEGACY_STATUS_PATH}`, (body) => legacyStatusSchema.safeParse(body).success)) {
    return 'gandi-legacy';
  }
  throw new SourceError(
    'invalid',
    `${hostOf(base)} does not answer like a Statuspage page nor like Gandi's legacy status API`,
    { url: base },
  );
}

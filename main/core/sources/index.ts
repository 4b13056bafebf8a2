// Makes the source for one configured status page. With kind 'auto' the API is detected on the
// first fetch and remembered; until then the source reports the likelier kind, Statuspage.
import { SourceError } from '../http';
import type { SourceKind, SourceSnapshot } from '../../../common/model';
import type { SourceConfig } from '../ports';
import { normaliseBaseUrl, type SourceDeps, type StatusSource } from './common';
import { detectKind } from './detect';
import { createLegacySource } from './legacy';
import { createStatuspageSource } from './statuspage';


function sourceOfKind(kind: SourceKind, base: string, deps: SourceDeps): StatusSource {
  return kind === 'gandi-legacy' ? createLegacySource(base, deps) : createStatuspageSource(base, deps);
}

/**
 * An answer that no longer fits the detected API (gone, or JSON of another shape): detect again next
 * time. A body that is not JSON at all is a broken page, not another API: detecting again would only
 * hide its error behind "does not answer like ...".
 */
function fitsAnotherApi(error: SourceError): boolean {
  return (error.reason === 'invalid' && !error.unreadable) || error.status === 404 || error.status === 410;
}

/** Throws `SourceError` (reason 'invalid') at once if the URL is not an http(s) address. */
export function createSource(config: SourceConfig, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(config.url);
  const kind = config.kind ?? 'auto';
  if (kind !== 'auto') return sourceOfKind(kind, base, deps);

  let detected: StatusSource | null = null;
  // One detection at a time: concurrent first fetches share it.
  let detecting: Promise<StatusSource> | null = null;

  // Detected afresh in each run rather than trusted from a saved snapshot: pages do change API
  // (status.gandi.net did in 2019).
  async function resolve(): Promise<StatusSource> {
    if (detected) return detected;
    detecting ??= detectKind(deps.http, base)
      .then((found) => (detected = sourceOfKind(found, base, deps)))
      .finally(() => {
        detecting = null;
      });
    return detecting;
  }

  return {
    url: base,
    get kind(): SourceKind {
      return detected?.kind ?? 'statuspage';
    },
    async fetchSnapshot(previous: SourceSnapshot | null) {
      const source = await resolve();
      try {
        return await source.fetchSnapshot(previous);
      } catch (error) {
        if (error instanceof SourceError && fitsAnotherApi(error)) detected = null;
        throw error;
      }
    },
  };
}

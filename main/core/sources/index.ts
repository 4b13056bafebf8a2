// Makes the source for one configured status page. With kind 'auto' the format is detected on the
// first fetch and remembered; until then the source reports the likelier kind, Statuspage.
import { SourceError } from '../http';
import type { SourceKind, SourceSnapshot } from '../../../common/model';
import type { SourceConfig } from '../ports';
import { createBetterstackSource } from './betterstack';
import { createCachetSource, type CachetVersion } from './cachet';
import { normaliseBaseUrl, type SourceDeps, type StatusSource } from './common';
import { detectFormat, type Detection } from './detect';
import { detectionAnswers } from './detection-answers';
import { createFeedSource } from './feed';
import { createIncidentIoSource } from './incident-io';
import { createInstatusSource } from './instatus';
import { createLegacySource } from './legacy';
import { createStatuspageSource } from './statuspage';
import { createStatusioSource } from './statusio';

/** One adapter per format: a new format is one more line here. */
const ADAPTERS: Record<SourceKind, (base: string, deps: SourceDeps, cachetVersion: CachetVersion | null) => StatusSource> = {
  statuspage: (base, deps) => createStatuspageSource(base, deps),
  'gandi-legacy': (base, deps) => createLegacySource(base, deps),
  'incident-io': (base, deps) => createIncidentIoSource(base, deps),
  instatus: (base, deps) => createInstatusSource(base, deps),
  betterstack: (base, deps) => createBetterstackSource(base, deps),
  cachet: (base, deps, version) => createCachetSource(base, deps, version),
  statusio: (base, deps) => createStatusioSource(base, deps),
  feed: (base, deps) => createFeedSource(base, deps),
};

function sourceOf(detection: Pick<Detection, 'kind' | 'cachetVersion'>, base: string, deps: SourceDeps): StatusSource {
  return ADAPTERS[detection.kind](base, deps, detection.cachetVersion ?? null);
}

/**
 * Wrong-shape answers in a row after which the format is detected again: one may be a page's
 * passing hiccup; several mean it changed format (status.gandi.net did in 2019).
 */
export const REDETECT_AFTER_WRONG_SHAPES = 3;

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
  if (kind !== 'auto') return sourceOf({ kind }, base, deps);

  let detected: StatusSource | null = null;
  let wrongShapes = 0;
  // One detection at a time: concurrent first fetches share it.
  let detecting: Promise<StatusSource> | null = null;
  const answers = detectionAnswers(deps.http);

  // Detected afresh in each run rather than trusted from a saved snapshot: pages do change format.
  async function resolve(): Promise<StatusSource> {
    if (detected) return detected;
    detecting ??= detectFormat(answers.recording, base)
      .then((found) => (detected = sourceOf(found, base, { ...deps, http: answers.replaying })))
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
        const snapshot = await source.fetchSnapshot(previous);
        wrongShapes = 0;
        return snapshot;
      } catch (error) {
        if (error instanceof SourceError && fitsAnotherApi(error)) {
          wrongShapes += 1;
          if (wrongShapes >= REDETECT_AFTER_WRONG_SHAPES) {
            detected = null;
            wrongShapes = 0;
          }
        } else {
          wrongShapes = 0;
        }
        throw error;
      } finally {
        answers.clear();
      }
    },
  };
}

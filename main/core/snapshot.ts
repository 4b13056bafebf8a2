// The snapshot of a source nothing is known about yet: never an "all clear".
import { hostOf } from './http';
import type { SourceKind, SourceSnapshot } from './model';

/** A source with no good data: level unknown, never fetched; stale with the error when one is given. */
export function unknownSnapshot(url: string, kind: SourceKind, error: string | null): SourceSnapshot {
  return {
    url,
    kind,
    name: hostOf(url),
    overall: 'unknown',
    fetchedAt: null,
    stale: error !== null,
    error,
    services: [],
    incidents: [],
    maintenances: [],
  };
}

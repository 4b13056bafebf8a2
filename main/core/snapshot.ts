// The snapshot of a source nothing is known about yet: never an "all clear".
import { hostOf } from './http';
import type { SourceKind, SourceProblem, SourceSnapshot } from '../../common/model';

/** A source with no good data: level unknown, never fetched; stale with the error when one is given. */
export function unknownSnapshot(
  url: string,
  kind: SourceKind,
  error: string | null,
  problem: SourceProblem | null = null,
): SourceSnapshot {
  return {
    url,
    kind,
    name: hostOf(url),
    overall: 'unknown',
    fetchedAt: null,
    stale: error !== null,
    error,
    problem,
    services: [],
    incidents: [],
    maintenances: [],
  };
}

/** The problem of a snapshot saved by the last run and not fetched again yet. */
export const NOT_REFRESHED_PROBLEM: SourceProblem = {
  reason: 'not-refreshed',
  case: null,
  host: null,
  status: null,
  retryAfterSeconds: null,
  limit: null,
  detail: null,
};

// Status levels and their order: the one ranking every front door uses (tray, window, dashboard,
// command line), so they never disagree about which level is worse.
import type { Incident, IncidentStatus, Level, SourceSnapshot } from './model';

const RANK: Record<Level, number> = {
  operational: 0,
  maintenance: 1,
  degraded: 2,
  partial_outage: 3,
  major_outage: 4,
  unknown: -1,
};

/**
 * Severity of a level, 0 (operational) to 4 (major_outage).
 * `unknown` is -1: it is the absence of knowledge, not a severity, so it never wins a comparison.
 */
export function levelRank(level: Level): number {
  return RANK[level];
}

/** The worst known level; `unknown` only when no level in the list is known (or the list is empty). */
export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'unknown';
  for (const level of levels) {
    if (RANK[level] > RANK[worst]) worst = level;
  }
  return worst;
}

/**
 * The overall level across sources: the worst known one among sources that have good data
 * (`fetchedAt` set, even if stale since). `unknown` only if no source ever had good data.
 */
export function overallOf(snapshots: readonly SourceSnapshot[]): Level {
  return worstLevel(snapshots.filter((s) => s.fetchedAt !== null).map((s) => s.overall));
}

/** An incident is over only when the page says so; `unknown` counts as still open. */
export function isIncidentClosed(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'postmortem';
}

export function isOpenIncident(incident: Incident): boolean {
  return !isIncidentClosed(incident.status);
}

// Status levels, their order, and the mapping of each API's words onto the model's enums.
// Pure functions: every word an API may send maps to something, and whatever we do not know
// maps to `unknown` (never to `operational`).
import type { Impact, IncidentStatus, Level, MaintenanceStatus, SourceSnapshot } from './model';

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

function lookup<T extends string>(table: Record<string, T>, value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  return Object.prototype.hasOwnProperty.call(table, value) ? (table[value] as T) : fallback;
}

// ---- Statuspage v2 -------------------------------------------------------------------------------

const COMPONENT_STATUS: Record<string, Level> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
};

/** Statuspage component `status`. */
export function componentLevel(status: unknown): Level {
  return lookup(COMPONENT_STATUS, status, 'unknown');
}

const INDICATOR: Record<string, Level> = {
  none: 'operational',
  maintenance: 'maintenance',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
};

/** Statuspage page-wide `status.indicator`. */
export function indicatorLevel(indicator: unknown): Level {
  return lookup(INDICATOR, indicator, 'unknown');
}

const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
};

/** Statuspage incident `status`. */
export function incidentStatusOf(status: unknown): IncidentStatus {
  return lookup(INCIDENT_STATUS, status, 'unknown');
}

/** An incident is over only when the page says so; `unknown` counts as still open. */
export function isIncidentClosed(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'postmortem';
}

const IMPACT: Record<string, Impact> = {
  none: 'none',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  maintenance: 'maintenance',
};

/** Statuspage incident or maintenance `impact`. */
export function impactOf(impact: unknown): Impact {
  return lookup(IMPACT, impact, 'unknown');
}

const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'in_progress',
  completed: 'completed',
};

/**
 * Statuspage maintenance `status`. The model has no `unknown` maintenance status, so an unknown
 * word takes the safest reading: `scheduled` if the window starts in the future, otherwise
 * `in_progress` (never `completed`: that would announce an end nobody confirmed).
 */
export function maintenanceStatusOf(
  status: unknown,
  scheduledFor: string | null,
  now: Date,
): MaintenanceStatus {
  const known = lookup<MaintenanceStatus | 'unknown'>(MAINTENANCE_STATUS, status, 'unknown');
  if (known !== 'unknown') return known;
  const start = scheduledFor === null ? Number.NaN : Date.parse(scheduledFor);
  return Number.isFinite(start) && start > now.getTime() ? 'scheduled' : 'in_progress';
}

// ---- Gandi legacy API ----------------------------------------------------------------------------

const LEGACY_STATUS: Record<string, Level> = {
  SUNNY: 'operational',
  CLOUDY: 'maintenance',
  FOGGY: 'degraded',
  STORMY: 'major_outage',
};

/** Legacy `/api/status` and `/api/services` weather words. */
export function legacyLevel(status: unknown): Level {
  return lookup(LEGACY_STATUS, status, 'unknown');
}

/**
 * Impact of a legacy incident, from the levels of the services it names. Gandi's server made an
 * incident with services STORMY and one without services FOGGY, so: no services -> minor,
 * services -> major unless the services themselves say only degraded.
 */
export function legacyIncidentImpact(serviceLevels: readonly Level[]): Impact {
  if (serviceLevels.length === 0) return 'minor';
  const worst = worstLevel(serviceLevels);
  return worst === 'degraded' ? 'minor' : 'major';
}

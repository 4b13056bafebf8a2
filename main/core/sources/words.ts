// The mapping of each status API's words onto the model's enums. Every word an API may send maps
// to something, and whatever we do not know maps to `unknown` (never to `operational`).
import { worstLevel } from '../../../common/levels';
import type { Impact, IncidentStatus, Level, MaintenanceStatus } from '../../../common/model';

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

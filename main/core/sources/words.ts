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

// ---- incident.io ---------------------------------------------------------------------------------

const INCIDENT_IO_COMPONENT_STATUS: Record<string, Level> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  full_outage: 'major_outage',
  // The Statuspage-compatible API may use Statuspage's word for a full outage.
  major_outage: 'major_outage',
};

/** incident.io component status (compat API and widget API alike). */
export function incidentIoComponentLevel(status: unknown): Level {
  return lookup(INCIDENT_IO_COMPONENT_STATUS, status, 'unknown');
}

const INCIDENT_IO_IMPACT: Record<string, Impact> = {
  degraded_performance: 'minor',
  partial_outage: 'major',
  full_outage: 'critical',
};

/** incident.io widget `current_worst_impact`. */
export function incidentIoImpactOf(impact: unknown): Impact {
  return lookup(INCIDENT_IO_IMPACT, impact, 'unknown');
}

const INCIDENT_IO_MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  ...MAINTENANCE_STATUS,
  maintenance_scheduled: 'scheduled',
  maintenance_in_progress: 'in_progress',
  maintenance_complete: 'completed',
  maintenance_completed: 'completed',
};

/** incident.io maintenance status, in either vocabulary; unknown words as in maintenanceStatusOf. */
export function incidentIoMaintenanceStatusOf(status: unknown, scheduledFor: string | null, now: Date): MaintenanceStatus {
  const known = lookup<MaintenanceStatus | 'unknown'>(INCIDENT_IO_MAINTENANCE_STATUS, status, 'unknown');
  return known === 'unknown' ? maintenanceStatusOf(status, scheduledFor, now) : known;
}

// ---- Instatus ------------------------------------------------------------------------------------

const INSTATUS_PAGE_STATUS: Record<string, Level> = {
  UP: 'operational',
  HASISSUES: 'degraded',
  UNDERMAINTENANCE: 'maintenance',
};

/** Instatus page-wide `page.status`. */
export function instatusPageLevel(status: unknown): Level {
  return lookup(INSTATUS_PAGE_STATUS, status, 'unknown');
}

const INSTATUS_COMPONENT_STATUS: Record<string, Level> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial_outage',
  MINOROUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};

/** Instatus component `status`. */
export function instatusComponentLevel(status: unknown): Level {
  return lookup(INSTATUS_COMPONENT_STATUS, status, 'unknown');
}

const INSTATUS_IMPACT: Record<string, Impact> = {
  OPERATIONAL: 'none',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'minor',
  MINOROUTAGE: 'minor',
  PARTIALOUTAGE: 'major',
  MAJOROUTAGE: 'critical',
};

/** Instatus incident `impact` (the component words). */
export function instatusImpactOf(impact: unknown): Impact {
  return lookup(INSTATUS_IMPACT, impact, 'unknown');
}

const INSTATUS_INCIDENT_STATUS: Record<string, IncidentStatus> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
};

/** Instatus incident `status`. */
export function instatusIncidentStatusOf(status: unknown): IncidentStatus {
  return lookup(INSTATUS_INCIDENT_STATUS, status, 'unknown');
}

const INSTATUS_MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
};

/** Instatus maintenance `status`; unknown words as in maintenanceStatusOf. */
export function instatusMaintenanceStatusOf(status: unknown, scheduledFor: string | null, now: Date): MaintenanceStatus {
  const known = lookup<MaintenanceStatus | 'unknown'>(INSTATUS_MAINTENANCE_STATUS, status, 'unknown');
  return known === 'unknown' ? maintenanceStatusOf(status, scheduledFor, now) : known;
}

// ---- Better Stack --------------------------------------------------------------------------------

const BETTERSTACK_STATE: Record<string, Level> = {
  operational: 'operational',
  maintenance: 'maintenance',
  degraded: 'degraded',
  downtime: 'major_outage',
  // A resource nobody watches has no state to tell.
  not_monitored: 'unknown',
};

/** Better Stack `aggregate_state` of the page and `status` of a resource. */
export function betterstackLevel(state: unknown): Level {
  return lookup(BETTERSTACK_STATE, state, 'unknown');
}

const BETTERSTACK_REPORT_STATUS: Record<string, IncidentStatus> = {
  // Better Stack has no stages: an open report is being worked on.
  degraded: 'investigating',
  downtime: 'investigating',
  resolved: 'resolved',
};

/** Better Stack status report `aggregate_state`, as an incident status. */
export function betterstackReportStatusOf(state: unknown): IncidentStatus {
  return lookup(BETTERSTACK_REPORT_STATUS, state, 'unknown');
}

const BETTERSTACK_IMPACT: Record<string, Impact> = {
  degraded: 'minor',
  downtime: 'major',
  maintenance: 'maintenance',
  resolved: 'none',
};

/** Better Stack report or affected-resource state, as an impact. */
export function betterstackImpactOf(state: unknown): Impact {
  return lookup(BETTERSTACK_IMPACT, state, 'unknown');
}

// ---- Cachet 2.x and 3.x --------------------------------------------------------------------------

const CACHET_COMPONENT_STATUS: Record<string, Level> = {
  '1': 'operational',
  '2': 'degraded',
  '3': 'partial_outage',
  '4': 'major_outage',
  // 3.x only: 5 "unknown", 6 "under maintenance".
  '5': 'unknown',
  '6': 'maintenance',
};

/** Cachet component status code (a number, or a 3.x `{value}` already unwrapped). */
export function cachetComponentLevel(status: unknown): Level {
  return lookup(CACHET_COMPONENT_STATUS, typeof status === 'number' ? String(status) : status, 'unknown');
}

const CACHET_INCIDENT_STATUS: Record<string, IncidentStatus> = {
  '1': 'investigating',
  '2': 'identified',
  '3': 'monitoring', // "Watching"
  '4': 'resolved', // "Fixed"
};

/** Cachet incident (or update) status code; 0 ("Reported" in 3.x, "Scheduled" in old 2.x) is unknown. */
export function cachetIncidentStatusOf(status: unknown): IncidentStatus {
  return lookup(CACHET_INCIDENT_STATUS, typeof status === 'number' ? String(status) : status, 'unknown');
}

const CACHET_SCHEDULE_STATUS: Record<string, MaintenanceStatus> = {
  '0': 'scheduled',
  '1': 'in_progress',
  '2': 'completed',
};

/** Cachet schedule status code; unknown codes as in maintenanceStatusOf. */
export function cachetScheduleStatusOf(status: unknown, scheduledFor: string | null, now: Date): MaintenanceStatus {
  const word = typeof status === 'number' ? String(status) : status;
  const known = lookup<MaintenanceStatus | 'unknown'>(CACHET_SCHEDULE_STATUS, word, 'unknown');
  return known === 'unknown' ? maintenanceStatusOf(status, scheduledFor, now) : known;
}

// ---- status.io -----------------------------------------------------------------------------------

const STATUSIO_CODE: Record<string, Level> = {
  '100': 'operational',
  '200': 'maintenance',
  '300': 'degraded',
  '400': 'partial_outage',
  '500': 'major_outage',
  // A security event: treated as the worst, since its reach is not said.
  '600': 'major_outage',
};

/** status.io sends its codes as numbers (or, in some answers, strings): one key for both. */
function statusioCode(code: unknown): unknown {
  return typeof code === 'number' ? String(code) : code;
}

/** status.io `status_code`. */
export function statusioLevel(code: unknown): Level {
  return lookup(STATUSIO_CODE, statusioCode(code), 'unknown');
}

const STATUSIO_IMPACT: Record<string, Impact> = {
  '200': 'maintenance',
  '300': 'minor',
  '400': 'major',
  '500': 'critical',
  '600': 'critical',
};

/** status.io message `status` code, as an impact. */
export function statusioImpactOf(code: unknown): Impact {
  return lookup(STATUSIO_IMPACT, statusioCode(code), 'unknown');
}

const STATUSIO_STATE: Record<string, IncidentStatus> = {
  '100': 'investigating',
  '200': 'identified',
  '300': 'monitoring',
};

/** status.io message `state` code. */
export function statusioIncidentStatusOf(state: unknown): IncidentStatus {
  return lookup(STATUSIO_STATE, statusioCode(state), 'unknown');
}

// ---- RSS / Atom feeds ----------------------------------------------------------------------------

const FEED_STAGE: Record<string, IncidentStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  update: 'investigating',
  resolved: 'resolved',
  completed: 'resolved',
  postmortem: 'postmortem',
  // Maintenance stages in a feed (Statuspage writes them this way).
  scheduled: 'investigating',
  'in progress': 'investigating',
  verifying: 'monitoring',
};

/**
 * The stage a feed entry states, from its leading word ("<strong>Resolved</strong> - ..." on
 * Statuspage feeds, "[Resolved] ..." elsewhere); unknown when it states none.
 */
export function feedStageOf(word: unknown): IncidentStatus {
  return lookup(FEED_STAGE, typeof word === 'string' ? word.trim().toLowerCase() : word, 'unknown');
}

// The normalised picture of a status page. These names are a contract: the command's JSON,
// the IPC bridge and the dashboard all carry exactly these shapes.

/** Ordered from least to most severe; `unknown` only where nothing is known. */
export const LEVELS = [
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
  'unknown',
] as const;
export type Level = (typeof LEVELS)[number];

/** The status page formats read (one adapter each in main/core/sources/). */
export const SOURCE_KINDS = [
  'statuspage',
  'gandi-legacy',
  'incident-io',
  'instatus',
  'betterstack',
  'cachet',
  'statusio',
  'feed',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What each format is called (product names, the same in every language). */
export const SOURCE_KIND_NAMES: Record<SourceKind, string> = {
  statuspage: 'Atlassian Statuspage',
  'gandi-legacy': "Gandi's legacy status API",
  'incident-io': 'incident.io',
  instatus: 'Instatus',
  betterstack: 'Better Stack',
  cachet: 'Cachet',
  statusio: 'status.io',
  feed: 'RSS/Atom feed',
};

export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  'unknown',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance', 'unknown'] as const;
export type Impact = (typeof IMPACTS)[number];

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** ISO 8601 timestamp string (UTC or with offset, as the API gave it, normalised to UTC `Z`). */
export type IsoTime = string;

export interface Service {
  id: string;
  name: string;
  /** Name of the component group, or null for a top-level service. */
  group: string | null;
  status: Level;
}

export interface IncidentUpdate {
  at: IsoTime;
  status: string;
  body: string;
}

export interface Incident {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  /** Service ids (matching `Service.id`). */
  services: string[];
  startedAt: IsoTime | null;
  updatedAt: IsoTime | null;
  resolvedAt: IsoTime | null;
  /** Public page of this incident. */
  url: string;
  /** Newest first. */
  updates: IncidentUpdate[];
  /**
   * The page no longer lists it and has not said it is resolved: the app is checking (it is
   * dropped after a few lookups that do not find it, resolved if one says so).
   */
  unlisted?: boolean;
}

export interface Maintenance {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: IsoTime | null;
  scheduledUntil: IsoTime | null;
  services: string[];
  url: string;
  /** What the page says about it (its latest update): which services, what will not work. */
  details?: string;
  /** When the page said it was over, if it said so (it can be before `scheduledUntil`). */
  completedAt?: IsoTime | null;
}

/** Why a status page could not be read (see `SourceError` in http.ts for the cases). */
export const SOURCE_ERROR_REASONS = ['timeout', 'network', 'http', 'too-large', 'invalid'] as const;
export type SourceErrorReason = (typeof SOURCE_ERROR_REASONS)[number];

/** The case within a reason, where a reason has several. */
export const SOURCE_PROBLEM_CASES = [
  'no-connection', // network: never connected
  'cut-short', // network: the connection broke during the body
  'truncated', // network: the body was shorter than announced
  'web-page', // invalid: HTML instead of JSON
  'not-json', // invalid: broken JSON
  'unexpected-data', // invalid: JSON of the wrong shape
  'unknown-api', // invalid: answers like none of the formats read
  'bad-address', // invalid: the configured address does not parse
  'not-http', // invalid: the configured address is not http(s)
] as const;
export type SourceProblemCase = (typeof SOURCE_PROBLEM_CASES)[number];

/**
 * `SourceSnapshot.error` as data, so each window can say it in its own language. Each field is null
 * where the sentence does not use it.
 */
export interface SourceProblem {
  /** `not-refreshed`: saved data from the last run, not fetched again yet (not a failure). */
  reason: SourceErrorReason | 'not-refreshed';
  case: SourceProblemCase | null;
  /** Host (and port) that failed. */
  host: string | null;
  /** HTTP status, for `http`. */
  status: number | null;
  /** How long the server asked to wait, for `http` 429 and 503. */
  retryAfterSeconds: number | null;
  /** The limit passed: seconds for `timeout`, kilobytes for `too-large`. */
  limit: number | null;
  /**
   * Words said the same in every language: a system error code (`no-connection`, `cut-short`), bytes
   * received/announced ("3/10", `truncated`), where the data went wrong (`unexpected-data`), the
   * address (`bad-address`, `not-http`).
   */
  detail: string | null;
}

export interface SourceSnapshot {
  /** Base URL of the status page, as configured (no trailing slash). */
  url: string;
  kind: SourceKind;
  /** Page name ("Gandi"), or the host when the API does not name itself. */
  name: string;
  overall: Level;
  /** When the data was last fetched successfully; null if never. */
  fetchedAt: IsoTime | null;
  /** True when the last attempt failed and this is the last good data (or none). */
  stale: boolean;
  /** The last error, in English words, when stale. */
  error: string | null;
  /** The same as data, to translate; null when there is none or it is not known (older files). */
  problem: SourceProblem | null;
  services: Service[];
  /** Open incidents, then incidents resolved recently (kept for 24 h). */
  incidents: Incident[];
  /** In progress and upcoming; completed ones briefly, so the window can show the end. */
  maintenances: Maintenance[];
}

export interface StatusSnapshot {
  overall: Level;
  sources: SourceSnapshot[];
}

// ---- change events ---------------------------------------------------------------------------

interface EventBase {
  /** When the core noticed the change. */
  at: IsoTime;
  /** Base URL of the source the event is about. */
  sourceUrl: string;
  sourceName: string;
  /** Stable identity of this announcement: the same change always yields the same key. */
  key: string;
  /** Page a user opens to read more. */
  url: string;
}

export interface IncidentEvent extends EventBase {
  type: 'incident.opened' | 'incident.updated' | 'incident.resolved';
  incidentId: string;
  title: string;
  status: IncidentStatus;
  previousStatus: IncidentStatus | null;
  impact: Impact;
  /** Names of the affected services (for display). */
  services: string[];
  serviceIds: string[];
  /** The newest update, if any. */
  update: IncidentUpdate | null;
}

export interface MaintenanceEvent extends EventBase {
  type: 'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed' | 'maintenance.reminder';
  maintenanceId: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: IsoTime | null;
  scheduledUntil: IsoTime | null;
  services: string[];
  serviceIds: string[];
}

export interface ServiceChangedEvent extends EventBase {
  type: 'service.changed';
  serviceId: string;
  serviceName: string;
  from: Level;
  to: Level;
  /**
   * Set only on the one notice that says the service keeps changing (main/core/notice-damper.ts);
   * its later changes are held until it settles. Events from the core never carry it.
   */
  flapping?: true;
}

export interface OverallChangedEvent extends EventBase {
  type: 'overall.changed';
  from: Level;
  to: Level;
}

export interface SourceHealthEvent extends EventBase {
  type: 'source.unreachable' | 'source.recovered';
  /** The error that made it unreachable (null on recovery). */
  error: string | null;
  /** The same as data, to translate (null on recovery, or when not known). */
  problem: SourceProblem | null;
}

export type ChangeEvent =
  | IncidentEvent
  | MaintenanceEvent
  | ServiceChangedEvent
  | OverallChangedEvent
  | SourceHealthEvent;

export type ChangeEventType = ChangeEvent['type'];

/** What the core pushes to its subscribers after each poll: the new picture and what changed. */
export interface CoreUpdate {
  snapshot: StatusSnapshot;
  events: ChangeEvent[];
}

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

export const SOURCE_KINDS = ['statuspage', 'gandi-legacy'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

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
}

export interface Maintenance {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: IsoTime | null;
  scheduledUntil: IsoTime | null;
  services: string[];
  url: string;
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
  /** The last error, in words, when stale. */
  error: string | null;
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
}

export type ChangeEvent =
  | IncidentEvent
  | MaintenanceEvent
  | ServiceChangedEvent
  | OverallChangedEvent
  | SourceHealthEvent;

export type ChangeEventType = ChangeEvent['type'];

export const CHANGE_EVENT_TYPES = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'maintenance.scheduled',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.reminder',
  'service.changed',
  'overall.changed',
  'source.unreachable',
  'source.recovered',
] as const satisfies readonly ChangeEventType[];

/** What the core pushes to its subscribers after each poll: the new picture and what changed. */
export interface CoreUpdate {
  snapshot: StatusSnapshot;
  events: ChangeEvent[];
}

// Scenarios: what is happening on the simulated platform. A scenario is a small story told in steps
// (an incident's life, a maintenance's life, a flapping component) or a fault every request meets.
// The story is kept API-neutral (a `World`); statuspage.ts and legacy.ts each tell it in their API's words,
// so both views of one scenario always agree.

export const FAULTS = [
  'error-500',
  'rate-limited',
  'unavailable',
  'stall',
  'invalid-json',
  'html-error',
  'html-error-200',
  'truncated',
  'huge',
] as const;
export type FaultName = (typeof FAULTS)[number];

export const LIVES = ['all-clear', 'incident-life', 'maintenance-life', 'flapping'] as const;
export type LifeName = (typeof LIVES)[number];

export const SCENARIOS = [...LIVES, ...FAULTS] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

export function isFault(name: ScenarioName): name is FaultName {
  return (FAULTS as readonly string[]).includes(name);
}

/** Statuspage component statuses (the legacy API's words are derived from them). */
export type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance';

export interface WorldUpdate {
  id: string;
  status: string;
  body: string;
  at: Date;
  /** Status of the affected components once this update was posted. */
  componentStatus: ComponentStatus;
}

interface WorldEventBase {
  /** Statuspage id (12 lowercase characters, like the real ones). */
  id: string;
  /** Legacy API id (an integer on Gandi's server). */
  legacyId: number;
  name: string;
  componentIds: string[];
  createdAt: Date;
  /** Oldest first. */
  updates: WorldUpdate[];
}

export interface WorldIncident extends WorldEventBase {
  kind: 'incident';
  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  impact: 'minor' | 'major' | 'critical';
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  /** When the legacy API expected the end. */
  estimatedEnd: Date;
}

export interface WorldMaintenance extends WorldEventBase {
  kind: 'maintenance';
  status: 'scheduled' | 'in_progress' | 'completed';
  scheduledFor: Date;
  scheduledUntil: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface World {
  /** Component id -> status, for components that are not operational. */
  componentStatus: Map<string, ComponentStatus>;
  /** Component id -> when its status last changed in this story. */
  componentChangedAt: Map<string, Date>;
  incidents: WorldIncident[];
  maintenances: WorldMaintenance[];
  /** Last change of the story (the page's `updated_at`). */
  updatedAt: Date;
}

/** Real Gandi component ids (statuspage-gandi-summary-all-ok.json). */
export const INCIDENT_COMPONENT = { id: 'wgtyj8zkfgdr', name: 'PAAS FR-SD5', legacyService: 'PAAS' } as const;
export const MAINTENANCE_COMPONENT = { id: 'ztbrfyff8zgd', name: 'IAAS FR-SD3', legacyService: 'IAAS' } as const;
export const FLAPPING_COMPONENT = { id: 'k466qqxbp2qr', name: 'LiveDNS', legacyService: 'Domain' } as const;

export const INCIDENT_ID = 'k7ptrj0y5gqz';
export const INCIDENT_LEGACY_ID = 8;
export const MAINTENANCE_ID = 'r9dz4pq1hx0c';
export const MAINTENANCE_LEGACY_ID = 9;

const MINUTE = 60_000;

const INCIDENT_PHASES = [
  {
    status: 'investigating',
    componentStatus: 'major_outage',
    body: 'Web hosting sites on FR-SD5 are unreachable. We are investigating.',
  },
  {
    status: 'identified',
    componentStatus: 'major_outage',
    body: 'A storage unit failed in FR-SD5. Our teams are replacing it.',
  },
  {
    status: 'monitoring',
    componentStatus: 'degraded_performance',
    body: 'The storage unit was replaced; sites are coming back. We are monitoring the platform.',
  },
  {
    status: 'resolved',
    componentStatus: 'operational',
    body: 'This incident has been resolved. All Web hosting sites on FR-SD5 answer normally.',
  },
] as const;

const MAINTENANCE_PHASES = [
  {
    status: 'scheduled',
    componentStatus: 'operational',
    body: 'We will upgrade the storage of IAAS FR-SD3. Servers may be slow to respond during the window.',
  },
  { status: 'in_progress', componentStatus: 'under_maintenance', body: 'Scheduled maintenance is currently in progress.' },
  { status: 'completed', componentStatus: 'operational', body: 'The scheduled maintenance has been completed.' },
] as const;

/** How far ahead the maintenance is announced, relative to the moment the scenario starts. */
export const MAINTENANCE_STARTS_AFTER_MS = 120 * MINUTE;
export const MAINTENANCE_LASTS_MS = 120 * MINUTE;

/** Number of distinct steps a scenario has (a step past the last one changes nothing), or null if endless. */
export function stepCount(name: ScenarioName): number | null {
  if (name === 'incident-life') return INCIDENT_PHASES.length;
  if (name === 'maintenance-life') return MAINTENANCE_PHASES.length;
  if (name === 'flapping') return null;
  return 1;
}

function emptyWorld(updatedAt: Date): World {
  return { componentStatus: new Map(), componentChangedAt: new Map(), incidents: [], maintenances: [], updatedAt };
}

function updateId(prefix: string, index: number): string {
  return `${prefix.slice(0, 10)}u${index}`;
}

function incidentWorld(stepTimes: Date[]): World {
  const phases = INCIDENT_PHASES.slice(0, stepTimes.length);
  const last = phases.length - 1;
  const current = phases[last] ?? INCIDENT_PHASES[0];
  const at = (i: number): Date => stepTimes[i] ?? stepTimes[0] ?? new Date(0);
  const createdAt = at(0);
  const monitoringIndex = phases.findIndex((p) => p.status === 'monitoring');
  const incident: WorldIncident = {
    kind: 'incident',
    id: INCIDENT_ID,
    legacyId: INCIDENT_LEGACY_ID,
    name: 'Web hosting unreachable on FR-SD5',
    status: current.status,
    impact: 'major',
    componentIds: [INCIDENT_COMPONENT.id],
    createdAt,
    monitoringAt: monitoringIndex >= 0 ? at(monitoringIndex) : null,
    resolvedAt: current.status === 'resolved' ? at(last) : null,
    estimatedEnd: new Date(createdAt.getTime() + 120 * MINUTE),
    updates: phases.map((p, i) => ({
      id: updateId(INCIDENT_ID, i),
      status: p.status,
      body: p.body,
      at: at(i),
      componentStatus: p.componentStatus,
    })),
  };
  const world = emptyWorld(at(last));
  world.incidents.push(incident);
  if (current.componentStatus !== 'operational') {
    world.componentStatus.set(INCIDENT_COMPONENT.id, current.componentStatus);
  }
  world.componentChangedAt.set(INCIDENT_COMPONENT.id, at(last));
  return world;
}

function maintenanceWorld(stepTimes: Date[]): World {
  const phases = MAINTENANCE_PHASES.slice(0, stepTimes.length);
  const last = phases.length - 1;
  const current = phases[last] ?? MAINTENANCE_PHASES[0];
  const at = (i: number): Date => stepTimes[i] ?? stepTimes[0] ?? new Date(0);
  const createdAt = at(0);
  const scheduledFor = new Date(createdAt.getTime() + MAINTENANCE_STARTS_AFTER_MS);
  const maintenance: WorldMaintenance = {
    kind: 'maintenance',
    id: MAINTENANCE_ID,
    legacyId: MAINTENANCE_LEGACY_ID,
    name: 'Storage upgrade on IAAS FR-SD3',
    status: current.status,
    componentIds: [MAINTENANCE_COMPONENT.id],
    createdAt,
    scheduledFor,
    scheduledUntil: new Date(scheduledFor.getTime() + MAINTENANCE_LASTS_MS),
    // A step may start the work before the announced time: the actual start is the step's time.
    startedAt: phases.length > 1 ? at(1) : null,
    completedAt: current.status === 'completed' ? at(last) : null,
    updates: phases.map((p, i) => ({
      id: updateId(MAINTENANCE_ID, i),
      status: p.status,
      body: p.body,
      at: at(i),
      componentStatus: p.componentStatus,
    })),
  };
  const world = emptyWorld(at(last));
  world.maintenances.push(maintenance);
  if (current.componentStatus !== 'operational') {
    world.componentStatus.set(MAINTENANCE_COMPONENT.id, current.componentStatus);
  }
  world.componentChangedAt.set(MAINTENANCE_COMPONENT.id, at(last));
  return world;
}

function flappingWorld(stepTimes: Date[]): World {
  const last = stepTimes[stepTimes.length - 1] ?? new Date(0);
  const world = emptyWorld(last);
  // Step 0 is degraded so the flap is visible at once; then it alternates on every step.
  if ((stepTimes.length - 1) % 2 === 0) world.componentStatus.set(FLAPPING_COMPONENT.id, 'degraded_performance');
  world.componentChangedAt.set(FLAPPING_COMPONENT.id, last);
  return world;
}

/** The story of a scenario after `stepTimes.length - 1` steps (stepTimes[0] is when it was switched on). */
export function buildWorld(name: ScenarioName, stepTimes: Date[]): World {
  switch (name) {
    case 'incident-life':
      return incidentWorld(stepTimes);
    case 'maintenance-life':
      return maintenanceWorld(stepTimes);
    case 'flapping':
      return flappingWorld(stepTimes);
    default:
      // all-clear, and the platform behind every fault (a fault replaces the answer, not the story).
      return emptyWorld(stepTimes[0] ?? new Date(0));
  }
}

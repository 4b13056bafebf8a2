// Test pages for the speed benchmarks: Gandi's real summaries, and a large page built by scaling
// the real one (same shapes and fields, many more components, incidents and updates).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REAL_FIXTURES_DIR } from '../test/simulator/fixtures';

export type JsonObject = { [key: string]: unknown };

export const GANDI_SUMMARIES = [
  'statuspage-gandi-summary-all-ok.json',
  'statuspage-gandi-summary-major-outage-and-maintenances.json',
] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown, what: string): JsonObject[] {
  if (!Array.isArray(value) || !value.every(isObject)) throw new Error(`bench: ${what} is not a list of objects`);
  return value;
}

export function readRealSummary(file: string): JsonObject {
  const full = path.join(REAL_FIXTURES_DIR, file);
  const parsed: unknown = JSON.parse(readFileSync(full, 'utf8'));
  if (!isObject(parsed)) throw new Error(`bench: ${full} is not a JSON object`);
  return parsed;
}

export interface PageSize {
  components: number;
  incidents: number;
  updatesPerIncident: number;
  maintenances: number;
}

export const LARGE_PAGE: PageSize = { components: 500, incidents: 50, updatesPerIncident: 20, maintenances: 10 };

/** A 12-character id like Statuspage's, unique per (original, copy). */
function copyId(id: unknown, copy: number): string {
  return `${String(id).slice(0, 8)}${copy.toString(36).padStart(4, '0')}`;
}

function minutesAfter(start: number, minutes: number): string {
  return new Date(start + minutes * 60_000).toISOString();
}

const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring'] as const;

/** Gandi's page scaled up: the real components copied (groups kept), incidents with long histories. */
export function largeSummary(size: PageSize = LARGE_PAGE): JsonObject {
  const real = readRealSummary('statuspage-gandi-summary-major-outage-and-maintenances.json');
  const realComponents = objects(real.components, 'components');
  const realIncident = objects(real.incidents, 'incidents')[0];
  const realMaintenances = objects(real.scheduled_maintenances, 'scheduled_maintenances');
  if (!realIncident || realMaintenances.length === 0) throw new Error('bench: the Gandi fixture has no incident or maintenance');

  const components: JsonObject[] = [];
  for (let copy = 0; components.length < size.components; copy += 1) {
    for (const c of realComponents) {
      if (components.length >= size.components) break;
      const members = Array.isArray(c.components) ? c.components.map((id) => copyId(id, copy)) : c.components;
      const groupId = typeof c.group_id === 'string' ? copyId(c.group_id, copy) : null;
      components.push({ ...c, id: copyId(c.id, copy), name: `${String(c.name)} ${copy}`, group_id: groupId, components: members });
    }
  }
  const leaves = components.filter((c) => c.group !== true);
  const start = Date.parse('2024-03-01T08:00:00Z');

  const incidents = Array.from({ length: size.incidents }, (_, i): JsonObject => {
    const id = copyId('inc', i).padStart(12, 'x');
    const affected = [leaves[(i * 7) % leaves.length], leaves[(i * 7 + 3) % leaves.length]].filter(isObject);
    const updates = Array.from({ length: size.updatesPerIncident }, (_, u): JsonObject => {
      const at = minutesAfter(start, i * 30 + u * 5);
      const status = INCIDENT_STATUSES[Math.min(2, Math.floor((u * 3) / size.updatesPerIncident))] ?? 'investigating';
      return {
        ...objects(realIncident.incident_updates, 'incident_updates')[0],
        id: copyId(`upd${i}`, u),
        status,
        body: `Update ${u} on incident ${i}: our teams are working on the storage units of the affected hosts.`,
        incident_id: id,
        created_at: at,
        updated_at: at,
        display_at: at,
        affected_components: affected.map((c) => ({ code: c.id, name: c.name, old_status: 'operational', new_status: 'major_outage' })),
      };
    }).reverse();
    return {
      ...realIncident,
      id,
      name: `Incident ${i} on ${affected.map((c) => String(c.name)).join(', ')}`,
      status: updates[0]?.status ?? 'investigating',
      created_at: minutesAfter(start, i * 30),
      started_at: minutesAfter(start, i * 30),
      updated_at: updates[0]?.updated_at ?? null,
      incident_updates: updates,
      components: affected,
    };
  });

  const maintenances = Array.from({ length: size.maintenances }, (_, m): JsonObject => {
    const base = realMaintenances[m % realMaintenances.length] ?? {};
    return { ...base, id: copyId(base.id, m), scheduled_for: minutesAfter(start, 600 + m * 60), scheduled_until: minutesAfter(start, 660 + m * 60) };
  });

  return { ...real, components, incidents, scheduled_maintenances: maintenances, status: { indicator: 'major', description: 'Partial System Outage' } };
}

/**
 * The same page a while later, with something of every kind changed: a tenth of the components
 * change level, ten incidents get a new update (five of them resolved), five are new, and two
 * maintenances start.
 */
export function changedSummary(page: JsonObject): JsonObject {
  const next = structuredClone(page);
  const components = objects(next.components, 'components');
  components.forEach((c, i) => {
    if (i % 10 === 0 && c.group !== true) c.status = c.status === 'operational' ? 'partial_outage' : 'operational';
  });
  const incidents = objects(next.incidents, 'incidents');
  const later = '2024-03-05T12:00:00.000Z';
  incidents.slice(0, 10).forEach((incident, i) => {
    const status = i < 5 ? 'resolved' : 'monitoring';
    const updates = objects(incident.incident_updates, 'incident_updates');
    const newest = { ...updates[0], id: copyId('new', i), status, body: `Now ${status}.`, created_at: later, display_at: later, updated_at: later };
    Object.assign(incident, { status, updated_at: later, resolved_at: status === 'resolved' ? later : null, incident_updates: [newest, ...updates] });
  });
  for (let i = 0; i < 5; i += 1) {
    const fresh = structuredClone(incidents[incidents.length - 1 - i] ?? {});
    incidents.push({ ...fresh, id: copyId('fresh', i).padStart(12, 'y'), name: `New incident ${i}` });
  }
  objects(next.scheduled_maintenances, 'scheduled_maintenances')
    .slice(0, 2)
    .forEach((m) => Object.assign(m, { status: 'in_progress' }));
  return next;
}

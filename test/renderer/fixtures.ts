// Store fixtures built from the real status-page documents in test/fixtures/real, turned into
// snapshots by the same Statuspage parser the core uses.
import type { IncidentEvent, SourceProblem, SourceSnapshot, StatusSnapshot } from '../../common/model';
import { incidentsFromList, maintenancesFromList, snapshotFromSummary } from '../../main/core/sources/statuspage';
import { defaultSettings, type Settings } from '../../common/settings';
import { type AppInfo, type AppState } from '../../common/window-api';
import { createFakeBridge } from '../support/fake-bridge';
import gandiOutageJson from '../fixtures/real/statuspage-gandi-summary-major-outage-and-maintenances.json';
import gandiAllOkJson from '../fixtures/real/statuspage-gandi-summary-all-ok.json';
import githubSummaryJson from '../fixtures/real/statuspage-github-summary-all-operational.json';
import githubResolvedJson from '../fixtures/real/statuspage-github-incidents-resolved-with-affected-components.json';
import discordMaintenanceJson from '../fixtures/real/statuspage-discord-scheduled-maintenances-completed.json';

export const GANDI = 'https://status.gandi.net';
export const GITHUB = 'https://www.githubstatus.com';
/** A minute after the real Gandi outage fixture was captured. */
export const OUTAGE_NOW = Date.parse('2020-01-15T10:13:00.000Z');

export function wrap(...sources: SourceSnapshot[]): StatusSnapshot {
  const order = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage', 'unknown'] as const;
  const overall = sources.reduce<(typeof order)[number]>(
    (worst, s) => (order.indexOf(s.overall) > order.indexOf(worst) ? s.overall : worst),
    'operational',
  );
  return { overall: sources.length > 0 ? overall : 'unknown', sources };
}

/** Gandi's real summary with two open "Hard drive issues" incidents and three scheduled maintenances. */
export function gandiOutageSource(now = OUTAGE_NOW): SourceSnapshot {
  return snapshotFromSummary(gandiOutageJson, GANDI, new Date(now));
}

export function gandiAllOkSource(now = OUTAGE_NOW): SourceSnapshot {
  return snapshotFromSummary(gandiAllOkJson, GANDI, new Date(now));
}

/** GitHub's real summary plus its two real resolved incidents (full update timelines). */
export function githubResolvedSource(now = Date.parse('2024-09-17T08:00:00Z')): SourceSnapshot {
  const source = snapshotFromSummary(githubSummaryJson, GITHUB, new Date(now));
  return { ...source, incidents: incidentsFromList(githubResolvedJson, GITHUB, source.services) };
}

/** Discord's real completed maintenance, attached to Gandi's all-ok page. */
export function discordMaintenances(now: number) {
  return maintenancesFromList(discordMaintenanceJson, 'https://discordstatus.com', new Date(now));
}

/** The same source after a failed poll: last good data kept, marked stale. */
export function staleSource(
  source: SourceSnapshot,
  error = 'HTTP 503 Service Unavailable',
  problem: SourceProblem | null = null,
): SourceSnapshot {
  return { ...source, stale: true, error, problem };
}

export const INFO: AppInfo = { name: 'Gandi Status', version: '0.1.0', platform: 'electron', locale: 'en-GB' };

export function appState(snapshot: StatusSnapshot, overrides: Partial<AppState> = {}): AppState {
  return { snapshot, settings: defaultSettings(), info: INFO, recentEvents: [], ...overrides };
}

export function incidentOpenedEvent(source: SourceSnapshot, index = 0): IncidentEvent {
  const incident = source.incidents[index];
  if (!incident) throw new Error('fixture has no such incident');
  return {
    type: 'incident.opened',
    at: incident.startedAt ?? '2020-01-15T10:12:20.260Z',
    sourceUrl: source.url,
    sourceName: source.name,
    key: `${source.url}|incident|${incident.id}|opened`,
    url: incident.url,
    incidentId: incident.id,
    title: incident.title,
    status: incident.status,
    previousStatus: null,
    impact: incident.impact,
    services: incident.services,
    serviceIds: incident.services,
    update: incident.updates[0] ?? null,
  };
}

/**
 * A bridge double: records calls and lets a test push what main would push, and (like the
 * browser bridge) report its connection dropping and coming back. Derived from the window API's
 * table (test/support/fake-bridge.ts), with the answers the desktop gives.
 */
export function fakeApi(state: AppState | (() => Promise<AppState>)) {
  return createFakeBridge({
    getState: () => (typeof state === 'function' ? state() : state),
    refresh: () => null,
    openExternal: () => true,
    setSettings: (settings) => ({ ok: true, settings }),
    copyText: () => true,
  });
}

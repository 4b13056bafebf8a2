// What the daemon exports to Prometheus, as plain data: families of samples computed from the
// status picture and the record of polls. No library here, so the names, labels and values are
// tested as a table; main/cli/metrics.ts hands them to prom-client.
//
// Names follow Prometheus' guidelines and the status-page exporters: one prefix not tied to one
// provider, units in names, timestamps in seconds, label values bounded by the configuration (source
// URLs, component names of the pages watched). Free text (incident titles) only in `_info` series.
import { isOpenIncident, levelRank } from '../../common/levels';
import { LEVELS, type Level, type StatusSnapshot } from '../../common/model';
import type { PollAttempt } from './status-core';

export const METRIC_PREFIX = 'statuspage_';

export type MetricType = 'gauge' | 'counter';

export interface MetricSample {
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  labelNames: readonly string[];
  samples: MetricSample[];
}

/** What the polls of one source have been, beyond what its snapshot says. */
export interface PollRecord {
  lastOk: boolean;
  consecutiveFailures: number;
  lastDurationSeconds: number;
  successes: number;
  failures: number;
}

export interface PollLedger {
  record(attempt: PollAttempt): void;
  get(url: string): PollRecord | undefined;
}

export function createPollLedger(): PollLedger {
  const records = new Map<string, PollRecord>();
  return {
    record(attempt) {
      const record = records.get(attempt.url) ?? { lastOk: false, consecutiveFailures: 0, lastDurationSeconds: 0, successes: 0, failures: 0 };
      record.lastOk = attempt.ok;
      record.lastDurationSeconds = attempt.durationMs / 1000;
      if (attempt.ok) {
        record.successes += 1;
        record.consecutiveFailures = 0;
      } else {
        record.failures += 1;
        record.consecutiveFailures += 1;
      }
      records.set(attempt.url, record);
    },
    get: (url) => records.get(url),
  };
}

/** A level as a number: 0 operational, 1 maintenance, 2 degraded, 3 partial outage, 4 major outage, -1 unknown. */
export function levelValue(level: Level): number {
  return levelRank(level);
}

function seconds(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function family(name: string, help: string, labelNames: readonly string[], type: MetricType = 'gauge'): MetricFamily {
  return { name: `${METRIC_PREFIX}${name}`, help, type, labelNames, samples: [] };
}

/** Every family, always in the same order and always present (empty when nothing applies). */
export function statusMetrics(snapshot: StatusSnapshot, polls: PollLedger): MetricFamily[] {
  const info = family('source_info', 'A watched status page: its name and format (always 1).', ['source', 'name', 'kind']);
  const up = family('up', '1 when the last read of the status page succeeded, else 0.', ['source']);
  const lastSuccess = family('last_success_timestamp_seconds', 'When the status page was last read successfully (Unix time).', ['source']);
  const duration = family('poll_duration_seconds', 'How long the last read of the status page took.', ['source']);
  const failuresInRow = family('consecutive_failures', 'Failed reads of the status page since the last good one.', ['source']);
  const pollsTotal = family('polls_total', 'Reads of the status page by this process, by result.', ['source', 'result'], 'counter');
  const level = family('status_level', 'Overall level of the page: 0 operational, 1 maintenance, 2 degraded, 3 partial outage, 4 major outage, -1 unknown.', ['source']);
  const state = family('status', 'Overall level of the page, one series per level: 1 for the current one.', ['source', 'status']);
  const componentLevel = family('component_status_level', 'Level of a component: 0 operational, 1 maintenance, 2 degraded, 3 partial outage, 4 major outage, -1 unknown.', ['source', 'component', 'group']);
  const componentState = family('component_status', 'Level of a component, one series per level: 1 for the current one.', ['source', 'component', 'group', 'status']);
  const incidents = family('incidents_open', 'Incidents not resolved yet.', ['source']);
  const incidentInfo = family('incident_info', 'An open incident: its title, status and impact (always 1).', ['source', 'id', 'title', 'status', 'impact']);
  const inProgress = family('maintenances_in_progress', 'Maintenances under way.', ['source']);
  const upcoming = family('maintenances_upcoming', 'Maintenances scheduled and not started.', ['source']);
  const nextStart = family('next_maintenance_start_timestamp_seconds', 'When the next scheduled maintenance starts (Unix time); absent when none is planned.', ['source']);

  for (const source of snapshot.sources) {
    const labels = { source: source.url };
    const record = polls.get(source.url);
    info.samples.push({ labels: { ...labels, name: source.name, kind: source.kind }, value: 1 });
    up.samples.push({ labels, value: (record ? record.lastOk : !source.stale && source.fetchedAt !== null) ? 1 : 0 });
    const fetched = seconds(source.fetchedAt);
    if (fetched !== null) lastSuccess.samples.push({ labels, value: fetched });
    if (record) {
      duration.samples.push({ labels, value: record.lastDurationSeconds });
      pollsTotal.samples.push({ labels: { ...labels, result: 'success' }, value: record.successes });
      pollsTotal.samples.push({ labels: { ...labels, result: 'failure' }, value: record.failures });
    }
    failuresInRow.samples.push({ labels, value: record?.consecutiveFailures ?? 0 });
    level.samples.push({ labels, value: levelValue(source.overall) });
    for (const each of LEVELS) state.samples.push({ labels: { ...labels, status: each }, value: each === source.overall ? 1 : 0 });

    for (const service of source.services) {
      const serviceLabels = { ...labels, component: service.name, group: service.group ?? '' };
      componentLevel.samples.push({ labels: serviceLabels, value: levelValue(service.status) });
      for (const each of LEVELS) componentState.samples.push({ labels: { ...serviceLabels, status: each }, value: each === service.status ? 1 : 0 });
    }

    const open = source.incidents.filter(isOpenIncident);
    incidents.samples.push({ labels, value: open.length });
    for (const incident of open) {
      incidentInfo.samples.push({ labels: { ...labels, id: incident.id, title: incident.title, status: incident.status, impact: incident.impact }, value: 1 });
    }
    inProgress.samples.push({ labels, value: source.maintenances.filter((m) => m.status === 'in_progress').length });
    const scheduled = source.maintenances.filter((m) => m.status === 'scheduled');
    upcoming.samples.push({ labels, value: scheduled.length });
    const starts = scheduled.map((m) => seconds(m.scheduledFor)).filter((at): at is number => at !== null);
    if (starts.length > 0) nextStart.samples.push({ labels, value: Math.min(...starts) });
  }
  return [info, up, lastSuccess, duration, failuresInRow, pollsTotal, level, state, componentLevel, componentState, incidents, incidentInfo, inProgress, upcoming, nextStart];
}

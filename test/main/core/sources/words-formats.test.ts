// Every word each format may send, mapped one by one; a word not in a table is `unknown`.
import { describe, expect, it } from 'vitest';
import * as words from '../../../../main/core/sources/words';

const NOW = new Date('2026-03-12T10:00:00Z');
const FUTURE = '2026-03-15T02:00:00.000Z';
const PAST = '2026-03-01T02:00:00.000Z';

const TABLES: Array<[name: string, map: (word: unknown) => string, cases: Array<[unknown, string]>]> = [
  ['incident.io component', words.incidentIoComponentLevel, [
    ['operational', 'operational'], ['under_maintenance', 'maintenance'], ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'], ['full_outage', 'major_outage'], ['major_outage', 'major_outage'],
    ['FULL_OUTAGE', 'unknown'], ['', 'unknown'], [null, 'unknown'],
  ]],
  ['incident.io impact', words.incidentIoImpactOf, [
    ['degraded_performance', 'minor'], ['partial_outage', 'major'], ['full_outage', 'critical'], ['operational', 'unknown'],
  ]],
  ['Instatus page', words.instatusPageLevel, [
    ['UP', 'operational'], ['HASISSUES', 'degraded'], ['UNDERMAINTENANCE', 'maintenance'], ['up', 'unknown'], ['DOWN', 'unknown'],
  ]],
  ['Instatus component', words.instatusComponentLevel, [
    ['OPERATIONAL', 'operational'], ['UNDERMAINTENANCE', 'maintenance'], ['DEGRADEDPERFORMANCE', 'degraded'],
    ['PARTIALOUTAGE', 'partial_outage'], ['MINOROUTAGE', 'partial_outage'], ['MAJOROUTAGE', 'major_outage'], ['operational', 'unknown'],
  ]],
  ['Instatus impact', words.instatusImpactOf, [
    ['OPERATIONAL', 'none'], ['UNDERMAINTENANCE', 'maintenance'], ['DEGRADEDPERFORMANCE', 'minor'], ['MINOROUTAGE', 'minor'],
    ['PARTIALOUTAGE', 'major'], ['MAJOROUTAGE', 'critical'], ['SEVERE', 'unknown'],
  ]],
  ['Instatus incident', words.instatusIncidentStatusOf, [
    ['INVESTIGATING', 'investigating'], ['IDENTIFIED', 'identified'], ['MONITORING', 'monitoring'], ['RESOLVED', 'resolved'], ['resolved', 'unknown'],
  ]],
  ['Better Stack state', words.betterstackLevel, [
    ['operational', 'operational'], ['maintenance', 'maintenance'], ['degraded', 'degraded'], ['downtime', 'major_outage'],
    ['not_monitored', 'unknown'], ['resolved', 'unknown'], ['partial', 'unknown'],
  ]],
  ['Better Stack report', words.betterstackReportStatusOf, [
    ['degraded', 'investigating'], ['downtime', 'investigating'], ['resolved', 'resolved'], ['operational', 'unknown'], ['maintenance', 'unknown'],
  ]],
  ['Better Stack impact', words.betterstackImpactOf, [
    ['degraded', 'minor'], ['downtime', 'major'], ['maintenance', 'maintenance'], ['resolved', 'none'], ['operational', 'unknown'],
  ]],
  ['Cachet component', words.cachetComponentLevel, [
    [1, 'operational'], [2, 'degraded'], [3, 'partial_outage'], [4, 'major_outage'], [5, 'unknown'], [6, 'maintenance'],
    ['3', 'partial_outage'], [0, 'unknown'], [7, 'unknown'], ['Operational', 'unknown'],
  ]],
  ['Cachet incident', words.cachetIncidentStatusOf, [
    [1, 'investigating'], [2, 'identified'], [3, 'monitoring'], [4, 'resolved'], [0, 'unknown'], [5, 'unknown'], ['Fixed', 'unknown'],
  ]],
  ['status.io code', words.statusioLevel, [
    [100, 'operational'], [200, 'maintenance'], [300, 'degraded'], [400, 'partial_outage'], [500, 'major_outage'], [600, 'major_outage'],
    ['400', 'partial_outage'], [700, 'unknown'], [0, 'unknown'],
  ]],
  ['status.io impact', words.statusioImpactOf, [
    [200, 'maintenance'], [300, 'minor'], [400, 'major'], [500, 'critical'], [600, 'critical'], [100, 'unknown'],
  ]],
  ['status.io state', words.statusioIncidentStatusOf, [
    [100, 'investigating'], [200, 'identified'], [300, 'monitoring'], [400, 'unknown'],
  ]],
  ['feed stage', words.feedStageOf, [
    ['Investigating', 'investigating'], ['Identified', 'identified'], ['Monitoring', 'monitoring'], ['Update', 'investigating'],
    ['Resolved', 'resolved'], ['Completed', 'resolved'], ['Postmortem', 'postmortem'], ['Scheduled', 'investigating'],
    ['In progress', 'investigating'], ['Verifying', 'monitoring'], ['Fixed?', 'unknown'], [undefined, 'unknown'],
  ]],
];

describe.each(TABLES)('%s words', (_name, map, cases) => {
  it.each(cases)('%j -> %s', (word, expected) => {
    expect(map(word)).toBe(expected);
  });
});

describe('maintenance words', () => {
  it.each<[string, unknown, string | null, string]>([
    ['incident.io', 'maintenance_scheduled', FUTURE, 'scheduled'],
    ['incident.io', 'maintenance_in_progress', PAST, 'in_progress'],
    ['incident.io', 'maintenance_complete', PAST, 'completed'],
    ['incident.io', 'scheduled', FUTURE, 'scheduled'],
    ['incident.io', 'postponed', FUTURE, 'scheduled'],
    ['incident.io', 'postponed', PAST, 'in_progress'],
    ['Instatus', 'NOTSTARTEDYET', FUTURE, 'scheduled'],
    ['Instatus', 'INPROGRESS', PAST, 'in_progress'],
    ['Instatus', 'COMPLETED', PAST, 'completed'],
    ['Instatus', 'LATER', null, 'in_progress'],
    ['Cachet', 0, FUTURE, 'scheduled'],
    ['Cachet', 1, PAST, 'in_progress'],
    ['Cachet', 2, PAST, 'completed'],
    ['Cachet', 9, FUTURE, 'scheduled'],
  ])('%s %j -> %s', (format, word, scheduledFor, expected) => {
    const map =
      format === 'incident.io' ? words.incidentIoMaintenanceStatusOf : format === 'Instatus' ? words.instatusMaintenanceStatusOf : words.cachetScheduleStatusOf;
    expect(map(word, scheduledFor, NOW)).toBe(expected);
  });
});

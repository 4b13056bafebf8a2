import { describe, expect, it } from 'vitest';
import { isIncidentClosed, levelRank, overallOf, worstLevel } from '../../../common/levels';
import {
  componentLevel,
  impactOf,
  incidentStatusOf,
  indicatorLevel,
  legacyIncidentImpact,
  legacyLevel,
  maintenanceStatusOf,
} from '../../../main/core/sources/words';
import { LEVELS, type Level, type SourceSnapshot } from '../../../common/model';

describe('levelRank', () => {
  it('orders levels from operational to major_outage, unknown below all', () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4, -1]);
  });
});

describe('worstLevel', () => {
  it.each<[Level[], Level]>([
    [[], 'unknown'],
    [['unknown'], 'unknown'],
    [['unknown', 'unknown'], 'unknown'],
    [['operational'], 'operational'],
    [['operational', 'unknown'], 'operational'],
    [['unknown', 'maintenance', 'operational'], 'maintenance'],
    [['degraded', 'maintenance'], 'degraded'],
    [['partial_outage', 'degraded', 'unknown'], 'partial_outage'],
    [['operational', 'major_outage', 'partial_outage'], 'major_outage'],
  ])('%j -> %s', (levels, expected) => {
    expect(worstLevel(levels)).toBe(expected);
    expect(worstLevel(new Set(levels))).toBe(expected);
  });
});

describe('overallOf', () => {
  const snap = (overall: Level, fetchedAt: string | null, stale = false): SourceSnapshot => ({
    url: 'https://example.test',
    kind: 'statuspage',
    name: 'x',
    overall,
    fetchedAt,
    stale,
    error: stale ? 'down' : null,
    problem: null,
    services: [],
    incidents: [],
    maintenances: [],
  });
  const t = '2026-01-01T00:00:00.000Z';

  it.each<[SourceSnapshot[], Level]>([
    [[], 'unknown'],
    [[snap('unknown', null)], 'unknown'],
    [[snap('major_outage', null)], 'unknown'],
    [[snap('operational', t)], 'operational'],
    [[snap('operational', t), snap('unknown', null, true)], 'operational'],
    [[snap('degraded', t, true), snap('operational', t)], 'degraded'],
    [[snap('maintenance', t), snap('partial_outage', t), snap('unknown', t)], 'partial_outage'],
    [[snap('unknown', t)], 'unknown'],
  ])('case %#', (snapshots, expected) => {
    expect(overallOf(snapshots)).toBe(expected);
  });
});

describe('Statuspage words', () => {
  it.each([
    ['operational', 'operational'],
    ['under_maintenance', 'maintenance'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['major_outage', 'major_outage'],
    ['OPERATIONAL', 'unknown'],
    ['exploded', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    [3, 'unknown'],
    ['toString', 'unknown'],
  ])('component %j -> %s', (word, level) => {
    expect(componentLevel(word)).toBe(level);
  });

  it.each([
    ['none', 'operational'],
    ['maintenance', 'maintenance'],
    ['minor', 'degraded'],
    ['major', 'partial_outage'],
    ['critical', 'major_outage'],
    ['catastrophic', 'unknown'],
    [null, 'unknown'],
  ])('indicator %j -> %s', (word, level) => {
    expect(indicatorLevel(word)).toBe(level);
  });

  it.each([
    ['investigating', 'investigating', false],
    ['identified', 'identified', false],
    ['monitoring', 'monitoring', false],
    ['resolved', 'resolved', true],
    ['postmortem', 'postmortem', true],
    ['closed', 'unknown', false],
    [null, 'unknown', false],
  ])('incident status %j -> %s (closed: %s)', (word, status, closed) => {
    expect(incidentStatusOf(word)).toBe(status);
    expect(isIncidentClosed(incidentStatusOf(word))).toBe(closed);
  });

  it.each([
    ['none', 'none'],
    ['minor', 'minor'],
    ['major', 'major'],
    ['critical', 'critical'],
    ['maintenance', 'maintenance'],
    ['apocalyptic', 'unknown'],
    [undefined, 'unknown'],
  ])('impact %j -> %s', (word, impact) => {
    expect(impactOf(word)).toBe(impact);
  });

  const now = new Date('2026-03-01T12:00:00Z');
  it.each([
    ['scheduled', null, 'scheduled'],
    ['in_progress', null, 'in_progress'],
    ['verifying', null, 'in_progress'],
    ['completed', null, 'completed'],
    // Unknown words: never "completed"; scheduled only if the window is still ahead.
    ['postponed', '2026-03-02T00:00:00Z', 'scheduled'],
    ['postponed', '2026-03-01T11:00:00Z', 'in_progress'],
    ['postponed', null, 'in_progress'],
    [null, 'not a date', 'in_progress'],
  ])('maintenance %j starting %j -> %s', (word, start, status) => {
    expect(maintenanceStatusOf(word, start, now)).toBe(status);
  });
});

describe('legacy words', () => {
  it.each([
    ['SUNNY', 'operational'],
    ['CLOUDY', 'maintenance'],
    ['FOGGY', 'degraded'],
    ['STORMY', 'major_outage'],
    ['sunny', 'unknown'],
    ['RAINY', 'unknown'],
    [null, 'unknown'],
  ])('%j -> %s', (word, level) => {
    expect(legacyLevel(word)).toBe(level);
  });

  it.each<[Level[], string]>([
    [[], 'minor'],
    [['major_outage'], 'major'],
    [['operational', 'major_outage'], 'major'],
    [['degraded'], 'minor'],
    [['unknown'], 'major'],
    [['operational'], 'major'],
  ])('incident over services %j -> impact %s', (levels, impact) => {
    expect(legacyIncidentImpact(levels)).toBe(impact);
  });
});

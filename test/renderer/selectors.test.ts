import { describe, expect, it } from 'vitest';
import type { Incident, Maintenance, Service } from '../../common/model';
import { incident as makeIncident, maintenance as makeMaintenance, service, sourceSnapshot, statusSnapshot } from '../support/snapshots';
import {
  groupServices,
  incidentNaming,
  maintenancesSoon,
  orderedIncidents,
  problemServices,
} from '../../renderer/src/selectors';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

const source = sourceSnapshot;
const incident = (id: string, impact: Incident['impact'], updatedAt: string, services: string[] = [], status: Incident['status'] = 'investigating'): Incident =>
  makeIncident({ id, impact, services, status, startedAt: updatedAt, updatedAt, resolvedAt: status === 'resolved' ? updatedAt : null });
const maintenance = (id: string, status: Maintenance['status'], scheduledFor: string): Maintenance => makeMaintenance({ id, status, scheduledFor });
const wrap = statusSnapshot;

describe('orderedIncidents', () => {
  it('puts the worst impact first, then the latest activity; resolved ones last', () => {
    const { open, resolved } = orderedIncidents(
      wrap(
        source({
          incidents: [
            incident('minor-new', 'minor', '2026-12-01T11:50:00Z'),
            incident('critical-old', 'critical', '2026-12-01T08:00:00Z'),
            incident('major', 'major', '2026-12-01T10:00:00Z'),
            incident('minor-old', 'minor', '2026-12-01T09:00:00Z'),
            incident('done', 'critical', '2026-12-01T11:00:00Z', [], 'resolved'),
          ],
        }),
      ),
    );
    expect(open.map((x) => x.item.id)).toEqual(['critical-old', 'major', 'minor-new', 'minor-old']);
    expect(resolved.map((x) => x.item.id)).toEqual(['done']);
  });
});

describe('groupServices', () => {
  const page = source({ services: [service('a', 'operational'), service('b', 'major_outage'), service('c', 'degraded', 'Mail')] });
  const words = (level: Service['status']) => ({ major_outage: 'Panne majeure Major outage' })[level as 'major_outage'] ?? level;

  it('finds services by the words of their status, in either language', () => {
    expect(groupServices(page, { filter: 'panne', levelWords: words }).flatMap((g) => g.services.map((s) => s.id))).toEqual(['b']);
    expect(groupServices(page, { filter: 'outage', levelWords: words }).flatMap((g) => g.services.map((s) => s.id))).toEqual(['b']);
  });

  it('keeps only services with problems when asked', () => {
    const groups = groupServices(page, { filter: '', onlyProblems: true });
    expect(groups.map((g) => [g.name, g.services.map((s) => s.id)])).toEqual([
      ['Hosting', ['b']],
      ['Mail', ['c']],
    ]);
  });
});

describe('problemServices and incidentNaming', () => {
  it('lists services that are not operational, worst first, and finds the incident naming one', () => {
    const page = source({
      services: [service('a', 'degraded'), service('b', 'operational'), service('c', 'major_outage')],
      incidents: [incident('i-minor', 'minor', '2026-12-01T11:00:00Z', ['c']), incident('i-major', 'major', '2026-12-01T10:00:00Z', ['c'])],
    });
    expect(problemServices(wrap(page)).map((x) => x.item.id)).toEqual(['c', 'a']);
    expect(incidentNaming(page, 'c')?.id).toBe('i-major');
    expect(incidentNaming(page, 'a')).toBeNull();
  });
});

describe('maintenancesSoon', () => {
  it('counts maintenances in progress and those starting within 24 hours', () => {
    const page = source({
      maintenances: [
        maintenance('now', 'in_progress', '2026-12-01T11:00:00Z'),
        maintenance('tonight', 'scheduled', '2026-12-01T23:00:00Z'),
        maintenance('next-week', 'scheduled', '2026-12-08T23:00:00Z'),
        maintenance('done', 'completed', '2026-12-01T01:00:00Z'),
      ],
    });
    expect(maintenancesSoon(wrap(page), NOW)).toBe(2);
  });
});

describe("the page's own order", () => {
  it("keeps status.gandi.net's order of groups, with services outside groups where the page puts them", async () => {
    const { snapshotFromSummary } = await import('../../main/core/sources/statuspage');
    const real = (await import('../fixtures/real/statuspage-gandi-summary-all-ok.json')).default;
    const page = snapshotFromSummary(real, 'https://status.gandi.net', new Date('2020-01-15T10:13:00Z'));
    const groups = groupServices(page, '');
    expect(groups.map((g) => g.name ?? g.services.map((s) => s.name).join(' + '))).toEqual([
      'Domain name registration',
      'DNS',
      'Gandimail',
      'Hosting',
      'Portal',
      'APIs',
      'Web redirection services + Network',
    ]);
    expect(groups[3]?.services.map((s) => s.name).slice(0, 3)).toEqual(['PAAS FR-SD3', 'PAAS FR-SD5', 'PAAS FR-SD6']);
  });
});

// Open incidents and maintenances that left the live feed and are never confirmed over: dropped
// quietly once the API has stopped knowing them, never dropped or resolved because it failed.
import { describe, expect, it } from 'vitest';
import { diffSource } from '../../../../main/core/differ';
import type { Incident, Maintenance, SourceSnapshot } from '../../../../common/model';
import {
  carryIncidents,
  carryMaintenances,
  DROP_AFTER_ABSENT_ROUNDS,
  nothingLearnt,
  type AbsentRounds,
  type Lookup,
} from '../../../../main/core/sources/carry';
import { createStatuspageSource } from '../../../../main/core/sources/statuspage';
import { fixture, httpFor, routedFetch, type Route } from './fixtures';

const NOW = new Date('2024-09-16T22:00:00Z');

const incident: Incident = {
  id: 'inc1',
  title: 'Mail delays',
  status: 'investigating',
  impact: 'minor',
  services: [],
  startedAt: '2024-09-16T20:00:00.000Z',
  updatedAt: '2024-09-16T20:00:00.000Z',
  resolvedAt: null,
  url: 'https://status.example.test/incidents/inc1',
  updates: [],
};

const maintenance: Maintenance = {
  id: 'mnt1',
  title: 'Storage upgrade',
  status: 'scheduled',
  scheduledFor: '2024-09-20T20:00:00.000Z',
  scheduledUntil: '2024-09-20T22:00:00.000Z',
  services: [],
  url: 'https://status.example.test/incidents/mnt1',
};

/** What one round's lookup answers about the item: `absent`, `gone`, `open` (listed, not over), `failed`. */
type Answer = 'absent' | 'gone' | 'open' | 'failed';

function lookupOf<T extends { id: string }>(item: T, answer: Answer): Lookup<T> {
  const lookup = nothingLearnt<T>();
  if (answer === 'absent') lookup.absent.add(item.id);
  if (answer === 'gone') lookup.gone.add(item.id);
  if (answer === 'open') lookup.found.set(item.id, item);
  return lookup;
}

const ROUNDS: Array<{ name: string; answers: Answer[]; keptAfter: boolean[] }> = [
  { name: 'absent from every good lookup: dropped at the 3rd', answers: ['absent', 'absent', 'absent'], keptAfter: [true, true, false] },
  { name: 'a lookup that fails never drops', answers: Array<Answer>(8).fill('failed'), keptAfter: Array<boolean>(8).fill(true) },
  { name: 'failures between misses neither count nor reset', answers: ['absent', 'failed', 'absent', 'failed', 'absent'], keptAfter: [true, true, true, true, false] },
  { name: 'listed again (still open) restarts the count', answers: ['absent', 'absent', 'open', 'absent', 'absent', 'absent'], keptAfter: [true, true, true, true, true, false] },
  { name: 'gone (its own page is a 404): dropped at once', answers: ['gone'], keptAfter: [false] },
];

describe('carrying an item the API never confirms over', () => {
  it('drops after DROP_AFTER_ABSENT_ROUNDS misses', () => {
    expect(DROP_AFTER_ABSENT_ROUNDS).toBe(3);
  });

  it.each(ROUNDS)('incident, $name', async ({ answers, keptAfter }) => {
    const rounds: AbsentRounds = new Map();
    let previous: Incident[] = [incident];
    const kept: boolean[] = [];
    for (const answer of answers) {
      previous = await carryIncidents([], previous, async () => lookupOf(incident, answer), NOW, rounds);
      kept.push(previous.length > 0);
      // Whatever happens, it is never called resolved.
      expect(previous.every((i) => i.status === 'investigating')).toBe(true);
    }
    expect(kept).toEqual(keptAfter);
    if (!kept.at(-1)) expect(rounds.size).toBe(0);
  });

  it.each(ROUNDS)('maintenance, $name', async ({ answers, keptAfter }) => {
    const rounds: AbsentRounds = new Map();
    let previous: Maintenance[] = [maintenance];
    const kept: boolean[] = [];
    for (const answer of answers) {
      previous = await carryMaintenances([], previous, async () => lookupOf(maintenance, answer), NOW, rounds);
      kept.push(previous.length > 0);
      expect(previous.every((m) => m.status === 'scheduled')).toBe(true);
    }
    expect(kept).toEqual(keptAfter);
  });

  it('forgets the count of an item that comes back to the live feed', async () => {
    const rounds: AbsentRounds = new Map();
    await carryIncidents([], [incident], async () => lookupOf(incident, 'absent'), NOW, rounds);
    expect(rounds.get(incident.id)).toBe(1);
    await carryIncidents([incident], [incident], async () => nothingLearnt(), NOW, rounds);
    expect(rounds.size).toBe(0);
  });
});

describe('a Statuspage incident deleted from the page', () => {
  const BASE = 'https://status.example.test';
  const SUMMARY = `${BASE}/api/v2/summary.json`;
  const INCIDENTS = `${BASE}/api/v2/incidents.json`;
  const OPEN = 'statuspage-github-summary-major-incident-investigating.json';
  const CALM = 'statuspage-github-summary-all-operational.json';
  // A successful incidents.json that does not list it (deleted, or beyond the newest 50).
  const WITHOUT_IT = fixture('statuspage-discord-incidents-unresolved-empty.json');

  async function polls(incidentsRoute: Route, rounds: number): Promise<{ snapshots: SourceSnapshot[]; events: string[] }> {
    const table = new Map<string, Route>([[SUMMARY, fixture(OPEN)], [INCIDENTS, incidentsRoute]]);
    let clock = new Date('2024-09-16T21:00:00Z');
    const s = createStatuspageSource(BASE, { http: httpFor(routedFetch(table)), now: () => clock });
    let previous = await s.fetchSnapshot(null);
    expect(previous.incidents.filter((i) => i.status !== 'resolved')).toHaveLength(1);
    table.set(SUMMARY, fixture(CALM));
    const snapshots: SourceSnapshot[] = [];
    const events: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      clock = new Date(clock.getTime() + 60_000);
      const next = await s.fetchSnapshot(previous);
      events.push(...diffSource(previous, next, clock).filter((e) => e.type.startsWith('incident.')).map((e) => e.type));
      snapshots.push(next);
      previous = next;
    }
    return { snapshots, events };
  }

  it('leaves the snapshot after 3 polls whose incidents.json does not list it, with no event', async () => {
    const { snapshots, events } = await polls(WITHOUT_IT, 4);
    expect(snapshots.map((s) => s.incidents.length)).toEqual([1, 1, 0, 0]);
    expect(events).toEqual([]);
  });

  it('stays open for as long as incidents.json cannot be had', async () => {
    const { snapshots, events } = await polls(() => new Response('busy', { status: 503 }), 6);
    expect(snapshots.map((s) => s.incidents.map((i) => i.status))).toEqual(Array(6).fill(['investigating']));
    expect(events).toEqual([]);
  });
});

// The legacy API's date filters, as baobab's EventsResource takes them (Meta.filtering:
// date_start gt/gte/lt/lte; refused next to `current`): how maintenances announced ahead are asked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legacyUpcomingPath } from '../../main/core/sources/legacy';
import { MAINTENANCE_LEGACY_ID } from './scenarios';
import { startSimulator, type Simulator } from './server';

let sim: Simulator;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00.000Z');
  sim = await startSimulator({ scenario: 'maintenance-life', now: () => clock });
});

afterEach(async () => {
  await sim.close();
});

async function ask(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.url}${path}`);
  return { status: response.status, body: (await response.json()) as unknown };
}

function ids(body: unknown): unknown[] {
  expect(Array.isArray(body)).toBe(true);
  return (body as Array<{ id: unknown }>).map((event) => event.id);
}

describe('simulator: legacy date filters', () => {
  it('lists a maintenance announced ahead by its start, though not current yet', async () => {
    expect(ids((await ask('/api/events?current=true')).body)).toEqual([]);
    const upcoming = await ask(legacyUpcomingPath(clock));
    expect(upcoming.status).toBe(200);
    expect(upcoming.body).toMatchObject([
      { id: MAINTENANCE_LEGACY_ID, category: 'Maintenance', date_start: '2026-03-02T11:00:00+00:00', date_end: null },
    ]);
  });

  it.each<[string, number[]]>([
    ['date_start__gt=2026-03-02T11:00:00Z', []],
    ['date_start__gte=2026-03-02T11:00:00Z', [MAINTENANCE_LEGACY_ID]],
    ['date_start__lt=2026-03-02T11:00:00Z', []],
    ['date_start__lte=2026-03-02', []],
    ['date_start__gte=2026-03-03', []],
    ['category=Incident&date_start__gte=2026-03-02', []],
  ])('%s -> %j', async (query, expected) => {
    expect(ids((await ask(`/api/events?${query}`)).body)).toEqual(expected);
  });

  it.each([
    ['/api/events?current=true&date_start__gte=2026-03-02', /Incompatible filter: "date_start__gte" with filter "current"/],
    ['/api/events?date_start__gte=someday', /Bad value for filter date_start__gte/],
  ])('refuses %s', async (path, message) => {
    const answer = await ask(path);
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(message);
  });
});

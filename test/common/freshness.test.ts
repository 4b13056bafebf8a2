// Skew never vouches for data: a clock behind the data's time, or stepped back, does not keep an
// all clear up while every source fails.
import { describe, expect, it } from 'vitest';
import { createFreshnessClock, STALE_GRACE_MS, vouchedLevel } from '../../common/freshness';
import type { StatusSnapshot } from '../../common/model';

const FETCHED = Date.parse('2026-03-01T12:00:00.000Z');

function failing(stale = true): StatusSnapshot {
  const source = {
    url: 'https://status.example.test',
    kind: 'statuspage' as const,
    name: 'Example',
    overall: 'operational' as const,
    fetchedAt: new Date(FETCHED).toISOString(),
    stale,
    error: stale ? 'could not reach status.example.test (ECONNREFUSED)' : null,
    problem: null,
    services: [],
    incidents: [],
    maintenances: [],
  };
  return { overall: 'operational', sources: [source] };
}

describe('vouchedLevel', () => {
  it('keeps an all clear during the grace period and drops it after', () => {
    expect(vouchedLevel(failing(), new Date(FETCHED + 60_000))).toBe('operational');
    expect(vouchedLevel(failing(), new Date(FETCHED + STALE_GRACE_MS + 1))).toBe('unknown');
  });

  it('does not vouch for data whose time is ahead of the reader (a browser behind the server)', () => {
    expect(vouchedLevel(failing(), new Date(FETCHED - 60 * 60_000))).toBe('unknown');
    // Fresh data needs no vouching, whatever the clocks say.
    expect(vouchedLevel(failing(false), new Date(FETCHED - 60 * 60_000))).toBe('operational');
  });
});

describe('createFreshnessClock', () => {
  it('ages the data on a monotonic clock when the wall clock steps back', () => {
    let wall = FETCHED + 1000;
    let monotonic = 0;
    const ageNow = createFreshnessClock(() => wall, () => monotonic);
    const snapshot = failing();
    expect(vouchedLevel(snapshot, ageNow(snapshot))).toBe('operational');
    wall -= 2 * 60 * 60_000; // the clock steps back two hours
    monotonic += STALE_GRACE_MS + 1000; // while the grace period passes
    wall += STALE_GRACE_MS + 1000;
    expect(vouchedLevel(snapshot, ageNow(snapshot))).toBe('unknown');
  });

  it('still ages the data by the wall clock for time the monotonic clock did not count (sleep)', () => {
    let wall = FETCHED + 1000;
    const ageNow = createFreshnessClock(() => wall, () => 0);
    const snapshot = failing();
    wall += 8 * 60 * 60_000;
    expect(vouchedLevel(snapshot, ageNow(snapshot))).toBe('unknown');
  });
});

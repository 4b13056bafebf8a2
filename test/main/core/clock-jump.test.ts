// Gandi's legacy API and a local clock that jumps forward: the page's own clock (its Date header)
// says what has started and ended, so the jump gives no false completion and the real one is heard.
import { afterEach, describe, expect, it } from 'vitest';
import type { PollerTimers } from '../../../main/core/poller';
import { createStatusCore } from '../../../main/core/status-core';
import { startSimulator, type Simulator } from '../../simulator/server';

const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
});

describe('a legacy page read with a clock that jumps', () => {
  it('announces each step of a maintenance once, by the page, not by the jump', async () => {
    sim = await startSimulator({ port: 0, scenario: 'maintenance-life' }); // starts in 2 h, lasts 2 h
    let aheadMs = 0;
    const heard: string[] = [];
    const core = createStatusCore({
      sources: [{ url: sim.url, kind: 'gandi-legacy' }],
      fetch: (url, init) => fetch(url, init),
      now: () => new Date(Date.now() + aheadMs),
      timers: idle,
    });
    core.subscribe(({ events }) => {
      for (const event of events) if (event.type.startsWith('maintenance.') && event.type !== 'maintenance.reminder') heard.push(event.type);
    });
    await core.start();
    await core.refreshNow();
    aheadMs = 5 * 60 * 60_000; // past the whole window, by our clock only
    await core.refreshNow();
    await core.refreshNow();
    expect(heard).toEqual(['maintenance.scheduled']);
    sim.step(); // the page starts it
    await core.refreshNow();
    sim.step(); // the page ends it
    await core.refreshNow();
    await core.refreshNow();
    expect(heard).toEqual(['maintenance.scheduled', 'maintenance.started', 'maintenance.completed']);
    await core.stop();
  });
});

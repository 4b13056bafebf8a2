// A service that passes through `unknown` (a level word we cannot read) keeps its real change: it is
// compared with its last known level, in the differ (pure) and in the status core (which keeps it).
import { describe, expect, it } from 'vitest';
import { diffSource, lastKnownLevelsAfter } from '../../../main/core/differ';
import type { Level, ServiceChangedEvent, SourceSnapshot } from '../../../common/model';
import type { PollerTimers } from '../../../main/core/poller';
import { createStatusCore } from '../../../main/core/status-core';
import { mutable } from './sources/fixtures';

const URL_ = 'https://status.example.test';

function snapshotAt(minute: number, web: Level): SourceSnapshot {
  return {
    url: URL_,
    kind: 'statuspage',
    name: 'Example',
    overall: web,
    fetchedAt: new Date(Date.UTC(2026, 2, 1, 12, minute)).toISOString(),
    stale: false,
    error: null,
    problem: null,
    services: [{ id: 'web', name: 'Web', group: null, status: web }],
    incidents: [],
    maintenances: [],
  };
}

/** Diffs the levels one after another as the core does, keeping the last known levels. */
function changes(levels: Level[]): string[] {
  let known: Map<string, Level> | undefined;
  const seen: string[] = [];
  levels.forEach((level, index) => {
    const next = snapshotAt(index, level);
    if (index > 0) {
      const previous = snapshotAt(index - 1, levels[index - 1] ?? 'unknown');
      const events = diffSource(previous, next, new Date(next.fetchedAt ?? ''), known ? { lastKnownLevels: known } : {});
      seen.push(...events.filter((e): e is ServiceChangedEvent => e.type === 'service.changed').map((e) => `${e.from}->${e.to}`));
    }
    known = lastKnownLevelsAfter(known, next);
  });
  return seen;
}

describe('service changes through unknown', () => {
  it.each<{ levels: Level[]; expected: string[] }>([
    { levels: ['operational', 'unknown', 'major_outage'], expected: ['operational->major_outage'] },
    { levels: ['operational', 'unknown', 'operational'], expected: [] },
    { levels: ['operational', 'unknown', 'unknown', 'unknown', 'degraded'], expected: ['operational->degraded'] },
    { levels: ['degraded', 'unknown', 'operational', 'unknown', 'degraded'], expected: ['degraded->operational', 'operational->degraded'] },
    // Never known: nothing to compare with.
    { levels: ['unknown', 'major_outage'], expected: [] },
    { levels: ['operational', 'major_outage', 'unknown'], expected: ['operational->major_outage'] },
  ])('$levels -> $expected', ({ levels, expected }) => {
    expect(changes(levels)).toEqual(expected);
  });

  it('keeps the last known levels of the services still present only', () => {
    const next = snapshotAt(1, 'unknown');
    next.services.push({ id: 'dns', name: 'DNS', group: null, status: 'unknown' });
    const known = lastKnownLevelsAfter(new Map<string, Level>([['web', 'degraded'], ['gone', 'operational']]), next);
    expect([...known]).toEqual([['web', 'degraded']]);
  });

  it('still announces unknown itself when asked to', () => {
    const events = diffSource(snapshotAt(0, 'unknown'), snapshotAt(1, 'major_outage'), new Date(), {
      includeUnknownLevels: true,
      lastKnownLevels: new Map([['web', 'operational']]),
    });
    expect(events).toMatchObject([{ type: 'service.changed', from: 'unknown', to: 'major_outage' }]);
  });
});

describe('the status core', () => {
  it('announces operational -> major_outage once when the service was unreadable in between', async () => {
    const summary = mutable<{ components: Array<{ id: string; group?: boolean; status: string }> }>(
      'statuspage-gandi-summary-all-ok.json',
    );
    const component = summary.components.find((c) => c.group !== true);
    if (!component) throw new Error('fixture without a component');
    const fetchLike = async (): Promise<Response> =>
      new Response(JSON.stringify(summary), { status: 200, headers: { 'content-type': 'application/json' } });
    const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
    const core = createStatusCore({ sources: [{ url: URL_, kind: 'statuspage' }], fetch: fetchLike, timers: idle });
    const changed: string[] = [];
    core.subscribe(({ events }) => {
      for (const e of events) if (e.type === 'service.changed' && e.serviceId === component.id) changed.push(`${e.from}->${e.to}`);
    });
    await core.start();
    for (const status of ['operational', 'being_repaired', 'major_outage', 'being_repaired', 'major_outage']) {
      component.status = status;
      await core.refreshNow();
    }
    await core.stop();
    expect(changed).toEqual(['operational->major_outage']);
  });
});

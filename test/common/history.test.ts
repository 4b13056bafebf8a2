// The app's own 90-day history: compact on quiet days, exact on bad ones, bounded, and honest about
// the days it did not watch.
import { describe, expect, it } from 'vitest';
import { dayCells, emptyHistory, historySchema, lastDays, recordObservation, uptimeOf, HISTORY_DAYS, HISTORY_LIMITS, type History } from '../../common/history';
import type { Level, StatusSnapshot } from '../../common/model';
import { incident, service, sourceSnapshot } from '../support/snapshots';

const URL_ = 'https://status.gandi.net';
function picture(dns: Level, extra: Partial<Parameters<typeof sourceSnapshot>[0]> = {}): StatusSnapshot {
  const source = sourceSnapshot({ url: URL_, services: [service('dns', dns, 'DNS', 'LiveDNS'), service('mail', 'operational', 'Mail', 'SMTP')], ...extra });
  return { overall: source.overall, sources: [source] };
}
/** Polls every `minutes` from `start` for `count` polls, each with the picture `at(i)` gives. */
function run(history: History, start: Date, count: number, minutes: number, at: (i: number) => StatusSnapshot): History {
  let kept = history;
  for (let i = 0; i < count; i += 1) {
    kept = recordObservation(kept, at(i), new Date(start.getTime() + i * minutes * 60_000), new Map([[URL_, i === 0 ? 0 : minutes]]));
  }
  return kept;
}

describe('the 90-day history', () => {
  it('costs one entry per page on a quiet day, and records the minutes a component was down', () => {
    const day = new Date(2026, 11, 1, 8, 0);
    const quiet = run(emptyHistory(), day, 60, 1, () => picture('operational'));
    expect(quiet.sources[0]?.days).toEqual([{ day: '2026-12-01', seen: 59 }]);
    expect(quiet.sources[0]?.services).toEqual([]);
    // The next day, DNS is down for 30 of 60 minutes.
    const bad = run(quiet, new Date(2026, 11, 2, 8, 0), 60, 1, (i) => picture(i >= 30 ? 'major_outage' : 'operational'));
    const dns = bad.sources[0]?.services.find((entry) => entry.id === 'dns');
    expect(dns?.days).toEqual([{ day: '2026-12-02', worst: 'major_outage', down: 30, maintenance: 0 }]);
    const cells = dayCells(bad.sources[0], ['dns'], new Date(2026, 11, 2, 12));
    expect(cells).toHaveLength(HISTORY_DAYS);
    expect(cells.slice(-2).map((cell) => cell.level)).toEqual(['operational', 'major_outage']);
    expect(cells[0]?.level).toBeNull(); // not watched then: blank, never "operational"
    // 59 minutes fine, then 30 of 59 minutes down (the first observation of a day counts 1 minute).
    expect(uptimeOf(cells)).toBeCloseTo((59 + 29) / 118, 2);
  });

  it('does not count what it did not see: stale pages, and the time asleep beyond 10 minutes', () => {
    const day = new Date(2026, 11, 1, 8, 0);
    const stale = picture('major_outage');
    stale.sources[0] = { ...stale.sources[0]!, stale: true };
    expect(recordObservation(emptyHistory(), stale, day, new Map([[URL_, 1]])).sources).toEqual([]);
    const asleep = recordObservation(emptyHistory(), picture('operational'), day, new Map([[URL_, 600]]));
    expect(asleep.sources[0]?.days[0]?.seen).toBe(10);
  });

  it('keeps each incident that ended once, newest first, and forgets everything past 90 days', () => {
    const resolved = (id: string, at: string) => incident({ id, title: `Outage ${id}`, status: 'resolved', resolvedAt: at, services: ['dns'] });
    const start = new Date(2026, 8, 1, 8);
    let kept = recordObservation(emptyHistory(), picture('operational', { incidents: [resolved('old', start.toISOString())] }), start, new Map());
    kept = recordObservation(kept, picture('degraded', { incidents: [resolved('old', start.toISOString())] }), new Date(start.getTime() + 60_000), new Map([[URL_, 1]]));
    expect(kept.sources[0]?.incidents.map((entry) => [entry.id, entry.services])).toEqual([['old', ['LiveDNS']]]);
    const later = new Date(start.getTime() + 100 * 86_400_000);
    kept = recordObservation(kept, picture('operational', { incidents: [resolved('new', later.toISOString())] }), later, new Map([[URL_, 1]]));
    expect(kept.sources[0]?.incidents.map((entry) => entry.id)).toEqual(['new']);
    expect(kept.sources[0]?.days.map((entry) => entry.day)).toEqual([lastDays(later).at(-1)]);
    expect(kept.sources[0]?.services).toEqual([]);
  });

  it('stays within its bounds after 90 days of a page of 600 components in trouble every day', () => {
    const services = Array.from({ length: 600 }, (_, i) => service(`c${i}`, 'degraded', 'Edge', `Edge ${i}`));
    let kept = emptyHistory();
    for (let d = 0; d < 95; d += 1) {
      const source = sourceSnapshot({ url: URL_, services });
      kept = recordObservation(kept, { overall: 'degraded', sources: [source] }, new Date(2026, 8, 1 + d, 12), new Map([[URL_, 5]]));
    }
    expect(historySchema.safeParse(kept).success).toBe(true);
    expect(kept.sources[0]?.services.length).toBe(500);
    expect(kept.sources[0]?.days.length).toBe(HISTORY_DAYS);
    expect(JSON.stringify(kept).length).toBeLessThan(6_000_000);
  });

  it('forgets a page no longer watched after 90 days, and never keeps more pages than its bound', () => {
    let kept = emptyHistory();
    const start = new Date(2026, 0, 1, 12);
    for (let n = 0; n < 60; n += 1) {
      const source = sourceSnapshot({ url: `https://status${n}.example.com`, services: [service('a', 'operational')] });
      kept = recordObservation(kept, { overall: 'operational', sources: [source] }, new Date(start.getTime() + n * 3_600_000), new Map());
    }
    expect(kept.sources.length).toBe(HISTORY_LIMITS.sources);
    expect(kept.sources[0]?.url).toBe('https://status59.example.com');
    expect(historySchema.safeParse(kept).success).toBe(true);
    const later = recordObservation(kept, picture('operational'), new Date(start.getTime() + 120 * 86_400_000), new Map());
    expect(later.sources.map((source) => source.url)).toEqual([URL_]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelayMs,
  clampIntervalMs,
  createPoller,
  MAX_BACKOFF_MS,
  type PollResult,
  type PollTarget,
} from '../../../main/core/poller';
import type { SourceSnapshot } from '../../../common/model';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function snapshot(url: string, overrides: Partial<SourceSnapshot> = {}): SourceSnapshot {
  return {
    url,
    kind: 'statuspage',
    name: 'Gandi.net Status',
    overall: 'operational',
    fetchedAt: new Date().toISOString(),
    stale: false,
    error: null,
    problem: null,
    services: [{ id: 'paas', name: 'PAAS', group: null, status: 'operational' }],
    incidents: [],
    maintenances: [],
    ...overrides,
  };
}

class Failure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

type Outcome = 'ok' | Error | (() => Promise<SourceSnapshot>);

/** A PollTarget that plays a script of outcomes (the last one repeats) and records when it was called. */
class ScriptedTarget implements PollTarget {
  calls: number[] = [];
  previous: Array<SourceSnapshot | null> = [];
  constructor(
    readonly url: string,
    private readonly script: Outcome[],
  ) {}

  fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    this.calls.push(Date.now() - T0);
    this.previous.push(previous);
    const outcome = this.script.length > 1 ? this.script.shift() : this.script[0];
    if (outcome === undefined || outcome === 'ok') return Promise.resolve(snapshot(this.url));
    if (outcome instanceof Error) return Promise.reject(outcome);
    return outcome();
  }
}

let results: PollResult[];

function poller(targets: Array<{ target: PollTarget; intervalSeconds?: number }>, extra: { random?: () => number; initial?: Map<string, SourceSnapshot> } = {}) {
  return createPoller({ targets, now: () => new Date(), onResult: (r) => results.push(r), ...extra });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  results = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('intervals', () => {
  it('defaults to 60 s and clamps to at least 15 s', () => {
    expect(clampIntervalMs(undefined)).toBe(60_000);
    expect(clampIntervalMs(Number.NaN)).toBe(60_000);
    expect(clampIntervalMs(5)).toBe(15_000);
    expect(clampIntervalMs(-1)).toBe(15_000);
    expect(clampIntervalMs(90)).toBe(90_000);
  });

  it('polls each source at once on start, then on its clamped interval', async () => {
    const fast = new ScriptedTarget('https://fast.example', ['ok']);
    const slow = new ScriptedTarget('https://slow.example', ['ok']);
    const p = poller([{ target: fast, intervalSeconds: 1 }, { target: slow }]);
    p.start();
    p.start(); // a second start changes nothing
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fast.calls).toEqual([0, 15_000, 30_000, 45_000, 60_000, 75_000, 90_000, 105_000, 120_000]);
    expect(slow.calls).toEqual([0, 60_000, 120_000]);
    await p.stop();
  });

  it('polls a URL configured twice only once per round', async () => {
    const target = new ScriptedTarget('https://dup.example', ['ok']);
    const p = poller([{ target }, { target, intervalSeconds: 15 }]);
    p.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(target.calls).toEqual([0, 60_000]);
    await p.stop();
  });
});

describe('back-off', () => {
  it('stays within [interval, min(15 min, interval * 2^n)]', () => {
    const interval = 60_000;
    for (const n of [1, 2, 3, 4, 5, 10, 40]) {
      const ceiling = Math.min(MAX_BACKOFF_MS, interval * 2 ** n);
      expect(backoffDelayMs(interval, n, () => 0)).toBe(interval);
      expect(backoffDelayMs(interval, n, () => 0.999999)).toBeCloseTo(ceiling, -1);
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelayMs(interval, n, Math.random);
        expect(delay).toBeGreaterThanOrEqual(interval);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelayMs(interval, 3, () => 0.5)).toBe(interval + 0.5 * (8 * interval - interval));
    expect(backoffDelayMs(15_000, 3, () => 0, 100_000)).toBe(100_000); // Retry-After is a floor
  });

  it('doubles the longest wait after each failure in a row, up to 15 min', async () => {
    const target = new ScriptedTarget('https://down.example', [new Failure('HTTP 500')]);
    const p = poller([{ target, intervalSeconds: 60 }], { random: () => 1 });
    p.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const gaps = target.calls.slice(1).map((t, i) => t - (target.calls[i] ?? 0));
    expect(gaps.slice(0, 6)).toEqual([120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(p.consecutiveFailures('https://down.example')).toBe(target.calls.length);
    await p.stop();
  });

  it('never retries sooner than Retry-After, and refreshNow leaves such a source alone', async () => {
    const target = new ScriptedTarget('https://limited.example', [new Failure('HTTP 429', 100_000), 'ok']);
    const p = poller([{ target, intervalSeconds: 15 }], { random: () => 0 });
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(target.calls).toEqual([0]);
    await p.refreshNow();
    expect(target.calls).toEqual([0]);
    await vi.advanceTimersByTimeAsync(99_999);
    expect(target.calls).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(target.calls).toEqual([0, 100_000]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    await p.stop();
  });

  it('refreshNow polls at once and restarts the back-off, but keeps counting failures', async () => {
    const target = new ScriptedTarget('https://down.example', [new Failure('HTTP 500')]);
    const p = poller([{ target, intervalSeconds: 15 }], { random: () => 1 });
    p.start();
    await vi.advanceTimersByTimeAsync(30_000 + 60_000); // failures at 0, 30 s, 90 s; next wait 120 s
    expect(target.calls).toEqual([0, 30_000, 90_000]);
    await vi.advanceTimersByTimeAsync(10_000);
    await p.refreshNow();
    expect(target.calls).toEqual([0, 30_000, 90_000, 100_000]);
    expect(p.consecutiveFailures('https://down.example')).toBe(4);
    // Back-off starts over: the next wait is 2 x 15 s again, not 16 x.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(target.calls.at(-1)).toBe(130_000);
    const last = results.at(-1);
    expect(last?.ok === false && last.consecutiveFailures).toBe(5);
    await p.stop();
  });
});

describe('stale snapshots', () => {
  it('keeps the last good snapshot, marked stale with the error, and passes it to the next fetch', async () => {
    const target = new ScriptedTarget('https://flaky.example', ['ok', new Failure('no answer within 10 s'), 'ok']);
    const p = poller([{ target, intervalSeconds: 15 }], { random: () => 0 });
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    const good = results[0];
    expect(good?.ok).toBe(true);
    await vi.advanceTimersByTimeAsync(15_000);
    const failed = results[1];
    expect(failed).toMatchObject({ ok: false, error: 'no answer within 10 s', consecutiveFailures: 1 });
    expect(failed?.snapshot).toEqual({ ...good?.snapshot, stale: true, error: 'no answer within 10 s' });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(target.previous[2]).toEqual(good?.snapshot); // the stale copy is not what the source builds on
    expect(results[2]).toMatchObject({ ok: true, snapshot: { stale: false, error: null } });
    expect(p.consecutiveFailures('https://flaky.example')).toBe(0);
    await p.stop();
  });

  it('reports a placeholder with overall unknown when nothing good was ever fetched', async () => {
    const target = new ScriptedTarget('https://status.example.org', [new Error('could not reach status.example.org')]);
    const p = poller([{ target }]);
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(results[0]).toEqual({
      url: 'https://status.example.org',
      ok: false,
      error: 'could not reach status.example.org',
      problem: null,
      consecutiveFailures: 1,
      snapshot: expect.objectContaining({
        overall: 'unknown',
        fetchedAt: null,
        stale: true,
        error: 'could not reach status.example.org',
        name: 'status.example.org',
        services: [],
      }),
    });
    await p.stop();
  });

  it('starts from the persisted snapshot when given one', async () => {
    const saved = snapshot('https://saved.example', { fetchedAt: '2026-03-01T08:00:00.000Z', overall: 'degraded' });
    const target = new ScriptedTarget('https://saved.example', [new Failure('HTTP 503')]);
    const p = poller([{ target }], { initial: new Map([[saved.url, saved]]) });
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(target.previous[0]).toBe(saved);
    expect(results[0]?.snapshot).toMatchObject({ overall: 'degraded', fetchedAt: saved.fetchedAt, stale: true, error: 'HTTP 503' });
    await p.stop();
  });
});

describe('independence and overlap', () => {
  it('a failing or hanging source never delays another', async () => {
    const hanging = new ScriptedTarget('https://hang.example', [() => new Promise<SourceSnapshot>(() => undefined)]);
    const failing = new ScriptedTarget('https://fail.example', [new Failure('HTTP 429', 600_000)]);
    const healthy = new ScriptedTarget('https://ok.example', ['ok']);
    const p = poller([{ target: hanging }, { target: failing }, { target: healthy, intervalSeconds: 15 }]);
    p.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(healthy.calls).toEqual([0, 15_000, 30_000, 45_000, 60_000]);
    expect(hanging.calls).toEqual([0]); // still in flight: never a second fetch
    expect(failing.calls).toEqual([0]);
    expect(results.filter((r) => r.url === 'https://ok.example')).toHaveLength(5);
  });

  it('refreshNow joins a fetch in flight instead of starting another', async () => {
    let release: (s: SourceSnapshot) => void = () => undefined;
    const slow = new ScriptedTarget('https://slow.example', [
      () => new Promise<SourceSnapshot>((resolve) => (release = resolve)),
      'ok',
    ]);
    const p = poller([{ target: slow, intervalSeconds: 15 }]);
    p.start();
    await vi.advanceTimersByTimeAsync(30_000);
    let refreshed = false;
    const refresh = p.refreshNow().then(() => (refreshed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.calls).toEqual([0]);
    expect(refreshed).toBe(false);
    release(snapshot(slow.url));
    await refresh;
    expect(slow.calls).toEqual([0]);
    expect(results).toHaveLength(1);
    // The next poll comes one interval after the slow one ended.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(slow.calls).toEqual([0, 45_000]);
    await p.stop();
  });

  it('a throwing onResult does not stop polling', async () => {
    const target = new ScriptedTarget('https://ok.example', ['ok']);
    let seen = 0;
    const p = createPoller({
      targets: [{ target, intervalSeconds: 15 }],
      now: () => new Date(),
      onResult: () => {
        seen += 1;
        throw new Error('subscriber bug');
      },
    });
    p.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen).toBe(3);
    await p.stop();
  });
});

describe('stop', () => {
  it('waits for fetches in flight, reports them, clears every timer and polls no more', async () => {
    let release: (s: SourceSnapshot) => void = () => undefined;
    const slow = new ScriptedTarget('https://slow.example', [
      'ok',
      () => new Promise<SourceSnapshot>((resolve) => (release = resolve)),
    ]);
    const other = new ScriptedTarget('https://other.example', ['ok']);
    const p = poller([{ target: slow, intervalSeconds: 15 }, { target: other, intervalSeconds: 15 }]);
    p.start();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(slow.calls).toEqual([0, 15_000]);
    let stopped = false;
    const stopping = p.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release(snapshot(slow.url));
    await stopping;
    expect(results.filter((r) => r.url === slow.url)).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(slow.calls).toHaveLength(2);
    expect(other.calls).toHaveLength(2);
  });

  it('can start again after stop', async () => {
    const target = new ScriptedTarget('https://ok.example', ['ok']);
    const p = poller([{ target, intervalSeconds: 15 }]);
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    await p.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(target.calls).toEqual([0, 20_000]);
    await p.stop();
  });
});

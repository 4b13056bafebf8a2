// Polls several status sources on their own schedules. Each source is independent: its failures,
// back-off and Retry-After never delay another; one source never has two fetches in flight.
//
// Back-off after a failure ("full jitter" above a floor): with `base` the source's interval and n the
// failures since the last success (or since refreshNow), the next attempt waits a uniformly random time in
// [base, min(15 min, base * 2^n)] — never sooner than the normal schedule, so a struggling status page is
// never polled harder than a healthy one — and never sooner than the server's Retry-After (capped at 1 h,
// so a wild header cannot silence a source for days).
import { MAX_RETRY_AFTER_MS, problemOf, type SourceError } from './http';
import type { Clock } from './ports';
import type { SourceKind, SourceProblem, SourceSnapshot } from '../../common/model';
import { unknownSnapshot } from './snapshot';

export interface PollTarget {
  url: string;
  /** Used for the placeholder snapshot of a source that never answered. */
  kind?: SourceKind;
  /** Fetches a fresh snapshot; throws (ideally a SourceError, maybe with `retryAfterMs`) on failure. */
  fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot>;
}

export type PollResult =
  | { url: string; ok: true; snapshot: SourceSnapshot }
  | {
      url: string;
      ok: false;
      error: string;
      /** `error` as data; null when the failure was not a `SourceError`. */
      problem: SourceProblem | null;
      /** The last good snapshot marked stale with the error, or a placeholder (overall unknown) if none. */
      snapshot: SourceSnapshot;
      consecutiveFailures: number;
    };

/** Timer functions, injectable for tests; the defaults look up the global ones at call time. */
export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollerOptions {
  targets: Array<{ target: PollTarget; intervalSeconds?: number }>;
  now: Clock;
  /** Uniform in [0, 1); injectable so the jitter can be tested. */
  random?: () => number;
  timers?: PollerTimers;
  /** Called after every attempt, in the order attempts finish. A throwing listener does not stop polling. */
  onResult: (result: PollResult) => void;
  /** Last good snapshots (from persisted state), by source URL. */
  initial?: Map<string, SourceSnapshot>;
}

export interface Poller {
  /** Polls every source at once, then each on its own schedule. Calling it again does nothing. */
  start(): void;
  /** Cancels every timer and waits for fetches in flight (their results are still reported). */
  stop(): Promise<void>;
  /**
   * Polls every source now and resets back-off; resolves when the round is done. A source with a fetch in
   * flight is not fetched twice (the round waits for that fetch); a source whose server asked to wait
   * (Retry-After) is left alone until then.
   */
  refreshNow(): Promise<void>;
  consecutiveFailures(url: string): number;
}

export const DEFAULT_INTERVAL_SECONDS = 60;
export const MIN_INTERVAL_SECONDS = 15;
export const MAX_INTERVAL_SECONDS = 24 * 60 * 60;
export const MAX_BACKOFF_MS = 15 * 60 * 1000;
export { MAX_RETRY_AFTER_MS };

/** The interval a source is polled at, in ms: default 60 s, clamped to [15 s, 24 h]. */
export function clampIntervalMs(intervalSeconds: number | undefined): number {
  const seconds =
    intervalSeconds === undefined || !Number.isFinite(intervalSeconds) ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, seconds)) * 1000;
}

/** Delay before retrying after the n-th failure in a row (n >= 1); see the module comment. */
export function backoffDelayMs(intervalMs: number, failures: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.max(intervalMs, Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 30)));
  const r = Math.min(1, Math.max(0, random()));
  const jittered = intervalMs + r * (ceiling - intervalMs);
  const floor = retryAfterMs === undefined ? 0 : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterMs));
  return Math.max(jittered, floor);
}

function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = (error as Pick<SourceError, 'retryAfterMs'>).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'unknown error';
}



interface SourceState {
  target: PollTarget;
  intervalMs: number;
  lastGood: SourceSnapshot | null;
  failures: number;
  /** Failures counted for back-off; refreshNow resets it, not `failures`. */
  backoffFailures: number;
  /** Epoch ms before which the server asked not to be called again. */
  retryNotBefore: number;
  timer: unknown;
  inFlight: Promise<void> | null;
}

const defaultTimers: PollerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createPoller(options: PollerOptions): Poller {
  const random = options.random ?? Math.random;
  const timers = options.timers ?? defaultTimers;
  const sources = new Map<string, SourceState>();
  for (const { target, intervalSeconds } of options.targets) {
    if (sources.has(target.url)) continue; // one schedule per source, even if configured twice
    sources.set(target.url, {
      target,
      intervalMs: clampIntervalMs(intervalSeconds),
      lastGood: options.initial?.get(target.url) ?? null,
      failures: 0,
      backoffFailures: 0,
      retryNotBefore: 0,
      timer: null,
      inFlight: null,
    });
  }
  let running = false;

  function report(result: PollResult): void {
    try {
      options.onResult(result);
    } catch {
      // A subscriber's bug must not stop the polling of every source.
    }
  }

  function cancelTimer(source: SourceState): void {
    if (source.timer !== null) {
      timers.clearTimeout(source.timer);
      source.timer = null;
    }
  }

  function schedule(source: SourceState, delayMs: number): void {
    cancelTimer(source);
    if (!running) return;
    source.timer = timers.setTimeout(() => {
      source.timer = null;
      void poll(source);
    }, delayMs);
  }

  async function attempt(source: SourceState): Promise<void> {
    const { target } = source;
    try {
      const snapshot = await target.fetchSnapshot(source.lastGood);
      source.lastGood = snapshot;
      source.failures = 0;
      source.backoffFailures = 0;
      source.retryNotBefore = 0;
      schedule(source, source.intervalMs);
      report({ url: target.url, ok: true, snapshot });
    } catch (caught) {
      const error = describe(caught);
      const problem = problemOf(caught);
      const retryAfterMs = retryAfterOf(caught);
      source.failures += 1;
      source.backoffFailures += 1;
      const delay = backoffDelayMs(source.intervalMs, source.backoffFailures, random, retryAfterMs);
      source.retryNotBefore =
        retryAfterMs === undefined ? 0 : options.now().getTime() + Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
      schedule(source, delay);
      const snapshot = source.lastGood
        ? { ...source.lastGood, stale: true, error, problem }
        : unknownSnapshot(target.url, target.kind ?? 'statuspage', error, problem);
      report({ url: target.url, ok: false, error, problem, snapshot, consecutiveFailures: source.failures });
    }
  }

  function poll(source: SourceState): Promise<void> {
    if (source.inFlight) return source.inFlight;
    cancelTimer(source);
    const flight = attempt(source).finally(() => {
      source.inFlight = null;
    });
    source.inFlight = flight;
    return flight;
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (const source of sources.values()) schedule(source, 0);
    },

    async stop() {
      running = false;
      for (const source of sources.values()) cancelTimer(source);
      await Promise.allSettled([...sources.values()].map((s) => s.inFlight));
    },

    async refreshNow() {
      const now = options.now().getTime();
      const round = [...sources.values()].map((source) => {
        source.backoffFailures = 0;
        if (!source.inFlight && source.retryNotBefore > now) return Promise.resolve();
        return poll(source);
      });
      await Promise.allSettled(round);
    },

    consecutiveFailures(url) {
      return sources.get(url)?.failures ?? 0;
    },
  };
}

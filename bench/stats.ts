// Small statistics and timing helpers shared by the benchmarks.
import { performance } from 'node:perf_hooks';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Least-squares slope of y over x (NaN with fewer than two points). */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

export interface SpeedResult {
  /** Median over the rounds of the mean time of one call, in µs. */
  medianUs: number;
  /** Slowest round's mean, in µs (shows how noisy the machine was). */
  worstRoundUs: number;
  opsPerSecond: number;
  calls: number;
}

export interface SpeedOptions {
  warmupMs?: number;
  rounds?: number;
  roundMs?: number;
}

/**
 * Times a synchronous call: a warm-up (so the JIT has optimised it), then several rounds of
 * repeated calls; each round gives a mean, and the median of the rounds resists the noise of a
 * shared machine. The call's result goes into a sink so it cannot be optimised away.
 */
export function measureSpeed(call: () => unknown, options: SpeedOptions = {}): SpeedResult {
  const { warmupMs = 300, rounds = 7, roundMs = 250 } = options;
  const sink: unknown[] = [];
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) sink[0] = call();

  const perCall: number[] = [];
  let calls = 0;
  for (let round = 0; round < rounds; round += 1) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      sink[0] = call();
      count += 1;
      elapsed = performance.now() - start;
    }
    perCall.push((elapsed * 1000) / count);
    calls += count;
  }
  const medianUs = median(perCall);
  return { medianUs, worstRoundUs: Math.max(...perCall), opsPerSecond: 1e6 / medianUs, calls };
}

/** Heap in use after a full collection; needs node's --expose-gc. */
export function settledHeapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') throw new Error('run node with --expose-gc to measure memory');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

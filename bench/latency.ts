// How soon the user is told: from the simulator switching scenario to the event on the `--watch`
// stream and to the desktop notification on a private D-Bus (dbus-monitor, dunst, Xvfb), at the
// intervals 15 s and 60 s.
//
// Time is scaled so 2 × 20 trials take minutes, not an hour: the watch's poll timers run TIME_SCALE
// times faster (the same code, its timers injected), so it polls every interval / TIME_SCALE.
// Only the wait for the next poll scales with the interval; the work after it (fetch, parse, diff,
// print, notify-send, D-Bus) does not. Each trial therefore measures both parts separately (the
// simulator's first request after the switch splits them) and reports
//   latency = wait × SCALE + work,
// which is what the same code would show at the real interval. The switch falls at a random point
// of the poll cycle, as a real incident does.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from '../main/cli/args';
import type { DesktopNotifier } from '../main/cli/desktop-notifier';
import { runWatch } from '../main/cli/watch';
import { createNotifySend } from '../main/core/notify-send';
import { startDesktopSession, type DesktopSession } from '../test/e2e/helpers/desktop-session';
import { startSimulator, type Simulator } from '../test/simulator/server';
import type { Measurement } from './report';
import { median } from './stats';

const SECTION = 'latency';
export const TIME_SCALE = 10;
const INTERVALS_S = [15, 60] as const;

interface Trial {
  /** Switch to the simulator's first request after it (scaled back to real time). */
  waitMs: number;
  /** That request to the event line on stdout. */
  streamWorkMs: number;
  /** That request to the Notify call on the bus; null when none came. */
  busWorkMs: number | null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until<T>(probe: () => T | null | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`latency bench: no ${what} within ${timeoutMs} ms`);
    await sleep(2);
  }
}

/** The scenario changes of one incident's life, each one an event the user should hear of. */
function* changes(simulator: Simulator): Generator<() => void> {
  for (;;) {
    yield () => simulator.setScenario('incident-life');
    for (let step = 0; step < 3; step += 1) yield () => simulator.step();
  }
}

async function measureInterval(intervalS: number, trials: number, session: DesktopSession | null): Promise<Trial[]> {
  const simulator = await startSimulator({ port: 0, scenario: 'all-clear' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gandi-latency-'));
  const controller = new AbortController();
  const lines: Array<{ at: number; text: string }> = [];
  const requests: number[] = [];
  let stderr = '';
  const notifySend = session === null ? null : createNotifySend({ appName: 'Gandi Status', env: session.env, onError: () => undefined });
  const notifier: DesktopNotifier = { notify: (notice) => notifySend?.show({ title: notice.title, body: notice.message }) };
  const options = parseArgs(['--watch', '--json', '--notify', '--interval', String(intervalS), '--url', simulator.url, '--state', path.join(dir, 'state.json')]);
  const watching = runWatch(options, {
    stdout: { write: (chunk: string) => lines.push({ at: performance.now(), text: chunk }) },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
    fetch: (url, init) => {
      requests.push(performance.now());
      return fetch(url, init);
    },
    env: {},
    now: () => new Date(),
    platform: 'linux',
    signal: controller.signal,
    notifier,
    // The poll schedule runs TIME_SCALE times faster; nothing else does.
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms / TIME_SCALE), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  });
  const results: Trial[] = [];
  try {
    await until(() => (stderr.includes('watching') ? true : null), 20_000, 'first round');
    const next = changes(simulator);
    for (let trial = 0; trial < trials; trial += 1) {
      // A random point of the poll cycle.
      await sleep(Math.random() * (intervalS / TIME_SCALE) * 1000);
      const linesBefore = lines.length;
      const busBefore = session?.notifications().length ?? 0;
      const switchedAt = performance.now();
      next.next().value?.();
      const line = await until(() => lines.slice(linesBefore).find((entry) => entry.text.includes('"type":"incident.')), (intervalS / TIME_SCALE) * 3000 + 5000, `event line (trial ${trial}, ${simulator.state().phase})`);
      const polledAt = requests.find((at) => at >= switchedAt) ?? line.at;
      let busAt: number | null = null;
      if (session !== null) {
        busAt = await until(() => (session.notifications().length > busBefore ? performance.now() : null), 5000, 'Notify call').catch(() => null);
      }
      results.push({
        waitMs: (polledAt - switchedAt) * TIME_SCALE,
        streamWorkMs: line.at - polledAt,
        busWorkMs: busAt === null ? null : busAt - polledAt,
      });
    }
  } finally {
    controller.abort();
    await watching.catch(() => 0);
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

function hasDesktopTools(): boolean {
  return ['dbus-daemon', 'Xvfb', 'dunst', 'dbus-monitor', 'notify-send'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
}

export async function runLatencyBench(trials = 20, intervals: readonly number[] = INTERVALS_S): Promise<Measurement[]> {
  const session = hasDesktopTools() ? await startDesktopSession() : null;
  const measurements: Measurement[] = [];
  try {
    for (const intervalS of intervals) {
      const results = await measureInterval(intervalS, trials, session);
      const goal = { max: (intervalS + 1) * 1000, why: 'worst ≤ interval + 1 s' };
      const stream = results.map((r) => r.waitMs + r.streamWorkMs);
      const detail = `${results.length} runs, time ×${TIME_SCALE}; median ${(median(stream) / 1000).toFixed(1)} s; work after the poll ≤ ${Math.round(Math.max(...results.map((r) => r.streamWorkMs)))} ms`;
      measurements.push({ section: SECTION, name: `to the --watch line, worst, ${intervalS} s interval`, value: Math.max(...stream), unit: 'ms', detail, goal });
      measurements.push({ section: SECTION, name: `to the --watch line, median, ${intervalS} s interval`, value: median(stream), unit: 'ms', detail: `${results.length} runs` });
      const bus = results.filter((r) => r.busWorkMs !== null).map((r) => r.waitMs + (r.busWorkMs ?? 0));
      if (session === null) continue;
      measurements.push({
        section: SECTION,
        name: `to the D-Bus notification, worst, ${intervalS} s interval`,
        value: bus.length === results.length ? Math.max(...bus) : Number.POSITIVE_INFINITY,
        unit: 'ms',
        detail: `${bus.length} of ${results.length} runs notified; median ${(median(bus) / 1000).toFixed(1)} s; work after the poll ≤ ${Math.round(Math.max(...results.map((r) => r.busWorkMs ?? 0)))} ms`,
        goal,
      });
      measurements.push({ section: SECTION, name: `to the D-Bus notification, median, ${intervalS} s interval`, value: median(bus), unit: 'ms', detail: `${bus.length} runs` });
    }
  } finally {
    await session?.close();
  }
  return measurements;
}

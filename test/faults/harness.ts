// What the fault suite and the soak share: a virtual clock with the poller's timers on it, and a
// fetch that sends a source's requests to a faulty twin of its simulator while a fault is on, so a
// fault never touches the story the page tells (the story simulator keeps it, step by step).
import type { PollerTimers } from '../../main/core/poller';
import type { FetchLike } from '../../main/core/ports';
import { startSimulator, type ScenarioName, type Simulator } from '../simulator/server';
import type { FaultName } from '../simulator/scenarios';

export const START = Date.parse('2026-03-02T08:00:00.000Z');

/** A clock that moves only when told, with the poller's timers on it. */
export interface VirtualTime {
  now: () => Date;
  timers: PollerTimers;
  /** Moves the clock to the next due timer within `ms` and fires it; false when none is due. */
  fireNext(untilMs: number): boolean;
  advance(ms: number): void;
  elapsed(): number;
  pending(): number;
}

export function virtualTime(start = START): VirtualTime {
  let at = start;
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => new Date(at),
    timers: {
      setTimeout: (callback, ms) => {
        const id = nextId++;
        due.set(id, { at: at + Math.max(0, ms), callback });
        return id;
      },
      clearTimeout: (handle) => {
        due.delete(handle as number);
      },
    },
    fireNext(untilMs) {
      let first: [number, { at: number; callback: () => void }] | null = null;
      for (const entry of due) if (first === null || entry[1].at < first[1].at) first = entry;
      if (first === null || first[1].at > start + untilMs) return false;
      due.delete(first[0]);
      at = Math.max(at, first[1].at);
      first[1].callback();
      return true;
    },
    advance(ms) {
      at += ms;
    },
    elapsed: () => at - start,
    pending: () => due.size,
  };
}

/** A story simulator and its faulty twin; `fetch` goes to the twin while `fault` is set. */
export interface FaultyPage {
  story: Simulator;
  faulty: Simulator;
  url: string;
  fetch: FetchLike;
  setFault(fault: FaultName | null): void;
  close(): Promise<void>;
}

export async function faultyPage(scenario: ScenarioName, now: () => Date, options: { stallMs?: number; hugeBytes?: number } = {}): Promise<FaultyPage> {
  const story = await startSimulator({ port: 0, scenario, now });
  const faulty = await startSimulator({ port: 0, scenario: 'error-500', now, stallMs: options.stallMs ?? 1000, hugeBytes: options.hugeBytes ?? 6 * 1024 * 1024 });
  let fault: FaultName | null = null;
  return {
    story,
    faulty,
    url: story.url,
    fetch: (url, init) => fetch(fault !== null && url.startsWith(story.url) ? faulty.url + url.slice(story.url.length) : url, init),
    setFault(next) {
      fault = next;
      if (next !== null) faulty.setScenario(next);
    },
    close: async () => {
      await Promise.all([story.close(), faulty.close()]);
    },
  };
}

// The core's front door: polls the configured sources, turns each poll result into a snapshot and
// change events, remembers what was announced (so nothing is said twice, even across restarts) and
// pushes every update to its subscribers. It knows nothing of Electron or the terminal.
//
// Before the first poll, getSnapshot() gives the snapshots persisted by the previous run, marked
// stale ("not refreshed yet"), so the tray shows the last known state at once; a source without
// persisted data is `unknown` with `fetchedAt` null. Persisted snapshots are also what the first
// poll is diffed against, so a change made while the app was closed is announced once.
import { diffSource, lastKnownLevelsAfter } from './differ';
import { createHttpClient } from './http';
import { boundSourceSnapshot } from '../../common/bound';
import { overallOf } from '../../common/levels';
import type { ChangeEvent, Level, SourceKind, SourceProblem, SourceSnapshot, StatusSnapshot } from '../../common/model';
import { createPoller, type Poller, type PollerTimers, type PollResult, type PollTarget } from './poller';
import type { Clock, CoreListener, FetchLike, PersistedState, SourceConfig, StateStore, StatusService } from './ports';
import { DEFAULT_REMINDER_MINUTES, dueReminders } from './reminders';
import { normaliseBaseUrl } from './sources/common';
import type { StatusSource } from './sources/common';
import { createSource } from './sources/index';
import { collectSkippedItems } from './sources/skipped-items';
import { boundAnnounced, MAX_ANNOUNCED_KEYS } from './state-store';
import { NOT_REFRESHED_PROBLEM, unknownSnapshot } from './snapshot';

export interface StatusCoreOptions {
  sources: SourceConfig[];
  fetch: FetchLike;
  now?: Clock;
  store?: StateStore;
  /** Minutes before a scheduled maintenance at which to remind (default 60). */
  reminderMinutes?: number;
  random?: () => number;
  timers?: PollerTimers;
  httpTimeoutMs?: number;
  /** Problems that do not stop the core (a source URL that cannot be used, a subscriber that threw). */
  onWarning?: (message: string) => void;
  /** Told of every read of a source as it ends, before its result is published (for metrics). */
  onPollAttempt?: (attempt: PollAttempt) => void;
}

/** One read of a source: how it ended and how long it took. */
export interface PollAttempt {
  url: string;
  ok: boolean;
  durationMs: number;
  endedAt: Date;
}

/** Failures in a row before a source is announced unreachable. */
export const UNREACHABLE_AFTER_FAILURES = 2;
export const NOT_REFRESHED_YET = 'not refreshed since the app started';

/** The outage an unreachable/recovered pair is about: named by the last good data before it. */
function outageId(snapshot: SourceSnapshot | undefined): string {
  return snapshot?.fetchedAt ?? 'never';
}

/** The status service with its settings hook (always present on the core itself). */
export type StatusCore = StatusService & Required<Pick<StatusService, 'updateSources' | 'setReminderMinutes'>>;

export function createStatusCore(options: StatusCoreOptions): StatusCore {
  const now = options.now ?? (() => new Date());
  let reminderMinutes = options.reminderMinutes ?? DEFAULT_REMINDER_MINUTES;
  const warn = (message: string): void => {
    try {
      options.onWarning?.(message);
    } catch {
      // The warning sink is best effort.
    }
  };
  const http = createHttpClient({
    fetch: options.fetch,
    now,
    ...(options.httpTimeoutMs === undefined ? {} : { timeoutMs: options.httpTimeoutMs }),
  });

  let configs: SourceConfig[] = [];
  /** Current snapshot of each configured source, in configuration order. */
  let snapshots = new Map<string, SourceSnapshot>();
  /** Announced keys, oldest first; the set mirrors the list for lookups. */
  let announcedList: string[] = [];
  let announcedSet = new Set<string>();
  /**
   * Per source URL, the last known level of each service (in memory only: after a restart it is
   * rebuilt from the next good snapshots). It lets a service that passed through `unknown` still
   * announce its real change.
   */
  const lastKnownLevels = new Map<string, Map<string, Level>>();
  /** Overall level last reported; null until some source has data. */
  let lastOverall: Level | null = null;
  const listeners = new Set<CoreListener>();
  let poller: Poller | null = null;
  let started = false;
  let loading: Promise<void> | null = null;
  let saving: Promise<void> | null = null;
  /** The source list waiting to be applied, and the change under way (see updateSources). */
  let wantedSources: SourceConfig[] | null = null;
  let sourcesChange: Promise<void> = Promise.resolve();

  function setSources(next: SourceConfig[]): { url: string; config: SourceConfig }[] {
    const usable: { url: string; config: SourceConfig }[] = [];
    for (const config of next) {
      try {
        const url = normaliseBaseUrl(config.url);
        if (!usable.some((entry) => entry.url === url)) usable.push({ url, config: { ...config, url } });
      } catch (error) {
        warn(`Ignoring status source "${config.url}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    configs = usable.map((entry) => entry.config);
    const kept = new Map<string, SourceSnapshot>();
    for (const { url, config } of usable) {
      const kind = config.kind === undefined || config.kind === 'auto' ? 'statuspage' : config.kind;
      kept.set(url, snapshots.get(url) ?? unknownSnapshot(url, kind, null));
    }
    snapshots = kept;
    for (const url of [...lastKnownLevels.keys()]) if (!kept.has(url)) lastKnownLevels.delete(url);
    return usable;
  }
  setSources(options.sources);

  function currentSnapshot(): StatusSnapshot {
    const sources = [...snapshots.values()];
    return { overall: overallOf(sources), sources };
  }

  function persisted(): PersistedState {
    return {
      version: 1,
      snapshots: [...snapshots.values()].filter((snapshot) => snapshot.fetchedAt !== null),
      announced: boundAnnounced(announcedList),
    };
  }

  function saveSoon(): Promise<void> {
    const store = options.store;
    if (!store) return Promise.resolve();
    // Results of one round arrive together: they share one write.
    saving ??= Promise.resolve().then(async () => {
      saving = null;
      await store.save(persisted());
    });
    return saving;
  }

  async function loadState(): Promise<void> {
    const state = await options.store?.load().catch(() => null);
    if (!state) return;
    announcedList = boundAnnounced(state.announced);
    announcedSet = new Set(announcedList);
    for (const saved of state.snapshots) {
      if (!snapshots.has(saved.url) || saved.fetchedAt === null) continue;
      snapshots.set(saved.url, { ...saved, stale: true, error: NOT_REFRESHED_YET, problem: NOT_REFRESHED_PROBLEM });
    }
    const overall = overallOf([...snapshots.values()]);
    lastOverall = overall === 'unknown' ? null : overall;
  }

  function remember(events: ChangeEvent[]): ChangeEvent[] {
    const fresh: ChangeEvent[] = [];
    for (const event of events) {
      if (announcedSet.has(event.key)) continue;
      announcedSet.add(event.key);
      announcedList.push(event.key);
      fresh.push(event);
    }
    if (announcedList.length > 2 * MAX_ANNOUNCED_KEYS) {
      announcedList = boundAnnounced(announcedList);
      announcedSet = new Set(announcedList);
    }
    return fresh;
  }

  function healthEvent(type: 'source.unreachable' | 'source.recovered', snapshot: SourceSnapshot, outage: string, error: string | null, problem: SourceProblem | null): ChangeEvent {
    return {
      type,
      at: now().toISOString(),
      sourceUrl: snapshot.url,
      sourceName: snapshot.name,
      key: `${type}|${snapshot.url}|${outage}`,
      url: snapshot.url,
      error,
      problem,
    };
  }

  function overallEvent(from: Level, to: Level, cause: SourceSnapshot): ChangeEvent {
    const at = now().toISOString();
    return { type: 'overall.changed', at, sourceUrl: cause.url, sourceName: cause.name, key: `overall.changed|${from}|${to}|${at}`, url: cause.url, from, to };
  }

  function handleResult(result: PollResult): void {
    const previous = snapshots.get(result.url);
    if (!previous) return; // a source removed from the settings while its fetch was in flight
    const at = now();
    const events: ChangeEvent[] = [];
    let next: SourceSnapshot;
    if (result.ok) {
      next = boundSourceSnapshot(result.snapshot);
      // Recovery is news only if the outage was announced (also by a previous run); it comes
      // before what it made visible.
      const unreachableKey = `source.unreachable|${result.url}|${outageId(previous)}`;
      if (previous.stale && announcedSet.has(unreachableKey)) {
        events.push(healthEvent('source.recovered', next, outageId(previous), null, null));
      }
      // Until this run has seen a good answer, what is known is what the previous snapshot says.
      const known = lastKnownLevels.get(result.url) ?? lastKnownLevelsAfter(undefined, previous);
      events.push(...diffSource(previous.fetchedAt === null ? null : previous, next, at, { lastKnownLevels: known }));
      lastKnownLevels.set(result.url, lastKnownLevelsAfter(known, next));
    } else {
      next = previous.fetchedAt !== null && result.snapshot.fetchedAt === null
        ? { ...previous, stale: true, error: result.error, problem: result.problem }
        : boundSourceSnapshot(result.snapshot);
      if (result.consecutiveFailures >= UNREACHABLE_AFTER_FAILURES) {
        events.push(healthEvent('source.unreachable', next, outageId(next), result.error, result.problem));
      }
    }
    snapshots.set(result.url, next);
    events.push(...dueReminders(next, at, reminderMinutes));

    // Sources without any data do not count (overallOf), and a stale source keeps its last level:
    // a failure alone never moves the overall level.
    const overall = overallOf([...snapshots.values()]);
    if (overall !== 'unknown') {
      // A source's first data is not a change of the picture (its ongoing events say what is new).
      const hadData = previous.fetchedAt !== null;
      if (hadData && lastOverall !== null && lastOverall !== overall) events.push(overallEvent(lastOverall, overall, next));
      lastOverall = overall;
    }

    publish(remember(events));
    void saveSoon();
  }

  function publish(events: ChangeEvent[]): void {
    const update = { snapshot: currentSnapshot(), events };
    for (const listener of [...listeners]) {
      try {
        listener(update);
      } catch (error) {
        warn(`A status subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Per source URL, what its last good read left out: said once, and again only when it changes. */
  const leftOutSaid = new Map<string, string>();

  function readingTarget(source: StatusSource): PollTarget {
    return {
      url: source.url,
      get kind() {
        return source.kind;
      },
      async fetchSnapshot(previous) {
        const started = performance.now();
        const attempted = (ok: boolean): void => {
          try {
            options.onPollAttempt?.({ url: source.url, ok, durationMs: performance.now() - started, endedAt: now() });
          } catch {
            // An observer never changes what a poll found.
          }
        };
        const { result, skipped } = await collectSkippedItems(() => source.fetchSnapshot(previous)).catch((error: unknown) => {
          attempted(false);
          throw error;
        });
        attempted(true);
        const said = skipped.join('; ');
        if (said !== (leftOutSaid.get(source.url) ?? '')) {
          if (said !== '') warn(`${said}; the rest of the page is shown`);
          leftOutSaid.set(source.url, said);
        }
        return result;
      },
    };
  }

  function buildPoller(): Poller {
    const targets = configs.map((config) => ({
      target: readingTarget(createSource(config, { http, now })),
      ...(config.intervalSeconds === undefined ? {} : { intervalSeconds: config.intervalSeconds }),
    }));
    const initial = new Map<string, SourceSnapshot>();
    for (const [url, snapshot] of snapshots) {
      if (snapshot.fetchedAt !== null) initial.set(url, { ...snapshot, stale: false, error: null, problem: null });
    }
    return createPoller({
      targets,
      now,
      ...(options.random ? { random: options.random } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
      onResult: handleResult,
      initial,
    });
  }

  const service: StatusCore = {
    async start() {
      if (started) return;
      started = true;
      loading ??= loadState();
      await loading;
      if (!started) return; // stopped while loading
      poller = buildPoller();
      poller.start();
    },

    async stop() {
      started = false;
      const stopping = poller;
      poller = null;
      await stopping?.stop();
      if (options.store) await options.store.save(persisted());
    },

    async refreshNow() {
      await poller?.refreshNow();
    },

    getSnapshot: currentSnapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    setReminderMinutes(minutes) {
      reminderMinutes = minutes;
    },

    updateSources(next) {
      // One change at a time, the newest winning: two saves close together (during a slow poll)
      // must not end with the core polling the older list while the settings name the newer.
      wantedSources = next;
      const applied = sourcesChange.then(async () => {
        if (wantedSources === null) return; // a later call already applied the newest list
        const target = wantedSources;
        wantedSources = null;
        await applySources(target);
      });
      sourcesChange = applied.catch(() => undefined);
      return applied;
    },
  };

  async function applySources(next: SourceConfig[]): Promise<void> {
    const running = started && poller !== null;
    const old = poller;
    poller = null;
    await old?.stop();
    setSources(next);
    // Adding or removing a source is a settings change, not news: no overall.changed for it.
    const overall = overallOf([...snapshots.values()]);
    lastOverall = overall === 'unknown' ? null : overall;
    publish([]);
    void saveSoon();
    if (running && started) {
      poller = buildPoller();
      poller.start();
    }
  }
  return service;
}

// What the core takes from outside: it is injected, so the same core runs in Electron
// (net.fetch, userData folder), on the command line and in tests (Node's fetch, a temp folder).
import type { ChangeEvent, CoreUpdate, SourceKind, SourceSnapshot, StatusSnapshot } from '../../common/model';

/** The subset of WHATWG fetch the core uses (Node's global fetch and Electron's net.fetch both fit). */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal; redirect?: 'follow' | 'error' | 'manual' },
) => Promise<Response>;

export type Clock = () => Date;

export interface SourceConfig {
  /** Base URL of the status page, e.g. https://status.gandi.net */
  url: string;
  /** Which API it speaks; 'auto' (default) detects it. */
  kind?: SourceKind | 'auto';
  /** Poll interval in seconds (default 60, minimum 15). */
  intervalSeconds?: number;
}

/** What survives a restart: last good snapshots and the keys of what was already announced. */
export interface PersistedState {
  version: 1;
  snapshots: SourceSnapshot[];
  announced: string[];
}

export interface StateStore {
  load(): Promise<PersistedState | null>;
  save(state: PersistedState): Promise<void>;
}

export type CoreListener = (update: CoreUpdate) => void;

/** The front door every subscriber (tray, notifier, window, command line, dashboard) uses. */
export interface StatusService {
  start(): Promise<void>;
  /** Stops polling and persists state. */
  stop(): Promise<void>;
  /** Polls every source now (resets back-off); resolves when the poll round is done. */
  refreshNow(): Promise<void>;
  getSnapshot(): StatusSnapshot;
  /** Listener gets every update; returns an unsubscribe function. */
  subscribe(listener: CoreListener): () => void;
  /**
   * Replaces the configured sources (URL, kind, interval) without a restart: kept sources keep
   * their data and history, removed ones are dropped, polling restarts if it was running.
   */
  updateSources?(sources: SourceConfig[]): Promise<void>;
  /** Changes how long before a maintenance its reminder comes, from the next poll on (no restart). */
  setReminderMinutes?(minutes: number): void;
}

export type { ChangeEvent };

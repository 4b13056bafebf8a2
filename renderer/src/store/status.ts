// Status slice: what the main process last told us. Reducers are pure and exported for tests.
import type { StateCreator } from 'zustand/vanilla';
import type { ChangeEvent, StatusSnapshot } from '../../../common/model';
import { RECENT_EVENTS, type AppInfo, type AppState } from '../../../common/window-api';

export type Connection =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'failed'; error: string };

/**
 * The push channel itself (the dashboard's event stream). Only the browser bridge reports it; the
 * desktop window's IPC cannot drop, so there it stays 'online'.
 */
export type ServerLink = { state: 'online' } | { state: 'lost'; since: number };

export interface StatusData {
  /** Null until the first picture arrives: the window then says so instead of guessing. */
  snapshot: StatusSnapshot | null;
  /** Newest last, capped, one per event key. */
  recentEvents: ChangeEvent[];
  info: AppInfo | null;
  connection: Connection;
  serverLink: ServerLink;
}

export interface StatusSlice extends StatusData {
  receiveAppState(state: AppState): void;
  receiveSnapshot(snapshot: StatusSnapshot): void;
  receiveEvent(event: ChangeEvent): void;
  connectionFailed(error: string): void;
  connecting(): void;
  serverLost(at: number): void;
  serverBack(): void;
}


export const initialStatus: StatusData = {
  snapshot: null,
  recentEvents: [],
  info: null,
  connection: { state: 'connecting' },
  serverLink: { state: 'online' },
};

export function reduceSnapshot(data: StatusData, snapshot: StatusSnapshot): StatusData {
  return { ...data, snapshot, connection: { state: 'connected' } };
}

/** Appends an event; an event whose key was already seen replaces the older copy. */
export function reduceEvent(data: StatusData, event: ChangeEvent): StatusData {
  const others = data.recentEvents.filter((seen) => seen.key !== event.key);
  const recentEvents = [...others, event].slice(-RECENT_EVENTS);
  return { ...data, recentEvents };
}

export function reduceAppState(data: StatusData, state: AppState): StatusData {
  let next: StatusData = {
    ...data,
    info: state.info,
    recentEvents: [],
  };
  next = reduceSnapshot(next, state.snapshot);
  for (const event of state.recentEvents) next = reduceEvent(next, event);
  // Events pushed while getState was on its way are newer than its list: keep them.
  for (const event of data.recentEvents) next = reduceEvent(next, event);
  return next;
}

export function reduceConnectionFailed(data: StatusData, error: string): StatusData {
  return { ...data, connection: { state: 'failed', error } };
}

/** The first moment of an outage is kept: repeated errors while reconnecting do not reset it. */
export function reduceServerLost(data: StatusData, at: number): StatusData {
  if (data.serverLink.state === 'lost') return data;
  return { ...data, serverLink: { state: 'lost', since: at } };
}

export const createStatusSlice: StateCreator<StatusSlice> = (set) => ({
  ...initialStatus,
  receiveAppState: (state) => set((store) => reduceAppState(store, state)),
  receiveSnapshot: (snapshot) => set((store) => reduceSnapshot(store, snapshot)),
  receiveEvent: (event) => set((store) => reduceEvent(store, event)),
  connectionFailed: (error) => set((store) => reduceConnectionFailed(store, error)),
  connecting: () => set({ connection: { state: 'connecting' } }),
  serverLost: (at) => set((store) => reduceServerLost(store, at)),
  serverBack: () => set({ serverLink: { state: 'online' } }),
});

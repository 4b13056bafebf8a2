// The one store of the window, made of four slices. Created per window (and per test).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAccountSlice, type AccountSlice } from './account';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createStatusSlice, type StatusSlice } from './status';
import { createUiSlice, type UiSlice } from './ui';

export type AppStore = StatusSlice & SettingsSlice & UiSlice & AccountSlice;
export type AppStoreApi = StoreApi<AppStore>;

export interface StoreOptions {
  /** Source of "now" for relative times; tests pass a fixed one. */
  clock?: () => number;
}

export function createAppStore(options: StoreOptions = {}): AppStoreApi {
  const clock = options.clock ?? (() => Date.now());
  return createStore<AppStore>()((...args) => ({
    ...createStatusSlice(...args),
    ...createSettingsSlice(...args),
    ...createUiSlice(clock)(...args),
    ...createAccountSlice(...args),
  }));
}

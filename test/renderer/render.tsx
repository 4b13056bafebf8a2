// Renders the window (or one view) around a fresh store and a fake bridge.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { StatusSnapshot } from '../../common/model';
import { defaultSettings, type Settings } from '../../common/settings';
import { type AppInfo, type GandiStatusApi } from '../../common/window-api';
import { AppProvider } from '../../renderer/src/context';
import { createAppStore, type AppStoreApi } from '../../renderer/src/store';
import { fakeApi, INFO } from './fixtures';

export interface Setup {
  snapshot: StatusSnapshot;
  now: number;
  settings?: Partial<Settings>;
  info?: Partial<AppInfo>;
  timeZone?: string;
  api?: GandiStatusApi;
}

export function renderWith(ui: ReactNode, setup: Setup) {
  let now = setup.now;
  const store: AppStoreApi = createAppStore({ clock: () => now });
  const settings = { ...defaultSettings(), ...setup.settings };
  const fake = fakeApi({ snapshot: setup.snapshot, settings, info: INFO, recentEvents: [] });
  const api = setup.api ?? fake.api;
  store.getState().receiveAppState({
    snapshot: setup.snapshot,
    settings,
    info: { ...INFO, ...setup.info },
    recentEvents: [],
  });
  store.getState().receiveSettings(settings);
  const result = render(
    <AppProvider store={store} api={api} reconnect={() => undefined} timeZone={setup.timeZone ?? 'Europe/Paris'}>
      {ui}
    </AppProvider>,
  );
  const setNow = (ms: number) => {
    now = ms;
    store.getState().tick();
  };
  return { ...result, store, api, calls: fake.calls, setNow };
}

// The installed app has no DevTools and no default menu (Ctrl+Shift+I, Ctrl+R); `electron .` keeps both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusService } from '../../../main/core/ports';
import { app, electronModule, lastTray, resetFakeElectron, state, until, windowLoaded, type FakeMenu } from './fake-electron';
import { snapshot } from './fixtures';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
vi.mock('node-notifier', () => ({ default: { notify: vi.fn() } }));
const { runApp } = await import('../../../main/electron/lifecycle');

function idleCore(): StatusService {
  const current = snapshot('operational');
  return {
    start: async () => undefined,
    stop: async () => undefined,
    refreshNow: async () => undefined,
    updateSources: async () => undefined,
    getSnapshot: () => current,
    subscribe: () => () => undefined,
  } as unknown as StatusService;
}

describe('packaged app', () => {
  beforeEach(async () => {
    resetFakeElectron();
    state.userData = await mkdtemp(path.join(tmpdir(), 'gandi-packaged-'));
    vi.stubEnv('XDG_CONFIG_HOME', path.join(state.userData, 'xdg-config'));
  });
  afterEach(async () => {
    app.quit();
    await until(() => state.quitted, 'the app to quit');
    vi.unstubAllEnvs();
    await rm(state.userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  });

  const start = () =>
    runApp({
      platform: 'linux',
      createCore: () => idleCore(),
      createStateStore: () => ({ load: async () => null, save: async () => undefined }),
      warn: () => undefined,
    });

  async function openWindow(): Promise<Record<string, unknown>> {
    const menu = lastTray().menu as FakeMenu;
    const open = (menu.template as Array<{ id?: string; click?: () => void }>).find((item) => item.id === 'open');
    open?.click?.();
    return (await windowLoaded()).options.webPreferences as Record<string, unknown>;
  }

  it('removes the default menu and turns DevTools off when packaged', async () => {
    app.isPackaged = true;
    await start();
    expect(electronModule.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(state.applicationMenu).toBeNull();
    expect(await openWindow()).toMatchObject({ devTools: false });
  });

  it('keeps both in development (electron .)', async () => {
    await start();
    expect(electronModule.Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(state.applicationMenu).toBe('default');
    expect(await openWindow()).toMatchObject({ devTools: true });
  });
});

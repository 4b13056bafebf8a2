import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreUpdate, StatusSnapshot } from '../../../common/model';
import type { CoreListener, SourceConfig } from '../../../main/core/ports';
import type { CoreConfig } from '../../../main/electron/status-app';
import { type Settings } from '../../../common/settings';
import type { History } from '../../../common/history';
import { appStateSchema, CALL_CHANNELS, PUSH_CHANNELS, RECENT_EVENTS, type AppState } from '../../../common/window-api';
import {
  app,
  FakeBrowserWindow,
  FakeMenu,
  FakeNotification,
  ipcMain,
  lastTray,
  lastWindow,
  net,
  powerMonitor,
  protocol,
  resetFakeElectron,
  server,
  settle,
  shell,
  state,
  until,
  windowLoaded,
} from './fake-electron';
import { incident, incidentEvent, service, snapshot, SOURCE } from './fixtures';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
vi.mock('node-notifier', () => ({ default: { notify: vi.fn() } }));
const { runApp } = await import('../../../main/electron/lifecycle');

function fakeCore() {
  const listeners = new Set<CoreListener>();
  let current: StatusSnapshot = snapshot('unknown', { fetchedAt: null });
  return {
    configs: [] as CoreConfig[],
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    refreshNow: vi.fn(async () => undefined),
    updateSources: vi.fn(async (_sources: SourceConfig[]) => undefined),
    getSnapshot: () => current,
    subscribe(listener: CoreListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(update: CoreUpdate) {
      current = update.snapshot;
      for (const listener of listeners) listener(update);
    },
  };
}

function menuItem(id: string): MenuItemConstructorOptions {
  const search = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | null => {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = Array.isArray(item.submenu) ? search(item.submenu) : null;
      if (inner) return inner;
    }
    return null;
  };
  const found = search((lastTray().menu as FakeMenu).template as MenuItemConstructorOptions[]);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}
const click = (id: string) => (menuItem(id).click as () => void)();

const outage = (): CoreUpdate => ({
  snapshot: snapshot('major_outage', {
    services: [service('paas', 'PAAS LU-BI1', 'major_outage')],
    incidents: [incident('i1', 'PAAS LU-BI1 down', { services: ['paas'] })],
  }),
  events: [incidentEvent('incident.opened', 'i1', 'PAAS LU-BI1 down', ['paas'])],
});

describe('tray app life cycle', () => {
  let core: ReturnType<typeof fakeCore>;
  let warnings: string[];
  const start = (platform: NodeJS.Platform = 'linux') =>
    runApp({
      platform,
      createCore: (config) => {
        core.configs.push(config);
        return core;
      },
      createStateStore: () => ({ load: async () => null, save: async () => undefined }),
      warn: (message) => warnings.push(message),
    });

  beforeEach(async () => {
    resetFakeElectron();
    state.userData = await mkdtemp(path.join(tmpdir(), 'gandi-app-'));
    core = fakeCore();
    warnings = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date(2026, 2, 10, 12, 0));
    // Launch at login on Linux writes here, never in the real home.
    vi.stubEnv('XDG_CONFIG_HOME', path.join(state.userData, 'xdg-config'));
  });
  afterEach(async () => {
    // Quit for real and wait for it, so no stop or save of this test lands in the next one.
    app.quit();
    await until(() => state.quitted, 'the app to quit');
    vi.useRealTimers();
    vi.unstubAllEnvs();
    // A stop cut short by the quit deadline may still be writing here: retry until it is done.
    await rm(state.userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  });

  it('quits at once when another instance holds the lock', async () => {
    state.singleInstance = false;
    expect(await start()).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(core.configs).toHaveLength(0);
  });

  it('starts to the tray with no window, no dock icon, and the core on net.fetch', async () => {
    await start('darwin');
    expect(app.dock.hide).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(lastTray().tooltip).toBe('Gandi: status unknown');
    expect(core.start).toHaveBeenCalledTimes(1);
    expect(core.configs[0]?.sources).toEqual([{ url: SOURCE, kind: 'auto', intervalSeconds: 60 }]);
    await core.configs[0]?.fetch('https://status.gandi.net/api/v2/summary.json');
    expect(net.fetch).toHaveBeenCalledWith('https://status.gandi.net/api/v2/summary.json', { cache: 'no-store' });
  });

  it('asks the server on every poll, past Chromium\'s HTTP cache, and lets 304 through', async () => {
    await start();
    const fetch = core.configs[0]!.fetch;
    const url = 'https://status.gandi.net/api/v2/summary.json';
    const page = (body: string) =>
      new Response(body, { headers: { 'last-modified': 'Mon, 02 Mar 2026 08:00:00 GMT', etag: `"${body}"` } });
    server.answer.mockImplementationOnce(async () => page('old')).mockImplementationOnce(async () => page('new'));
    expect(await (await fetch(url)).text()).toBe('old');
    expect(await (await fetch(url)).text()).toBe('new');

    server.answer.mockImplementationOnce(async (_url, headers) =>
      headers.get('if-none-match') === '"new"' ? new Response(null, { status: 304 }) : page('new'),
    );
    expect((await fetch(url, { headers: { 'If-None-Match': '"new"' } })).status).toBe(304);
    expect(server.answer).toHaveBeenCalledTimes(3);
  });

  it('shows the first instance window on a second launch, and stays in the tray when it closes', async () => {
    await start();
    app.emit('second-instance', {}, ['gandi-status'], '/');
    const window = await windowLoaded();
    expect(window.visible).toBe(true);
    // Served from the app's own scheme, declared privileged before the app was ready.
    expect(window.loadedUrl).toBe('app://gandi-status/index.html');
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const served = (await protocol.handlers.get('app')?.(new Request('app://gandi-status/assets/index.js'))) as Response;
    expect(served.status).toBe(200);
    expect(net.fetch.mock.calls.at(-1)?.[0]).toBe(pathToFileURL(path.join(state.appPath, 'dist', 'renderer', 'assets', 'index.js')).href);
    const outside = (await protocol.handlers.get('app')?.(new Request('app://gandi-status/..%2f..%2fpackage.json'))) as Response;
    expect(outside.status).toBe(404);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    window.close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    const file = path.join(state.userData, 'window-state.json');
    await until(() => existsSync(file), 'the window state file');
    expect(JSON.parse(await readFile(path.join(state.userData, 'window-state.json'), 'utf8'))).toMatchObject({ width: 960, height: 680 });
  });

  it('turns the tray red and notifies; a click opens the window on that incident', async () => {
    await start('linux');
    core.push(outage());
    expect(path.basename(lastTray().image.path)).toBe('major_outage-32.png');
    expect(lastTray().tooltip).toBe('Gandi: major outage - PAAS LU-BI1');
    vi.advanceTimersByTime(3000);
    const notification = FakeNotification.instances[0];
    expect(notification?.options.title).toBe('New incident - Gandi');
    notification?.click();
    const window = await windowLoaded();
    expect(window.webContents.send).toHaveBeenCalledWith(PUSH_CHANNELS.show, { kind: 'incident', sourceUrl: SOURCE, id: 'i1' });
  });

  it('snoozed from the menu: no notification, but the tray still changes', async () => {
    await start();
    click('snooze-hour');
    expect(menuItem('snoozed').label).toBe('Snoozed until 13:00');
    core.push(outage());
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(0);
    expect(path.basename(lastTray().image.path)).toBe('major_outage-32.png');
  });

  it('resuming a snooze shows what it held at once, without waiting for a poll', async () => {
    await start();
    click('snooze-hour');
    core.push(outage());
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(0);
    click('snooze-resume');
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(1);
    expect(FakeNotification.instances[0]?.options.body).toContain('PAAS LU-BI1 down');
  });

  it('shows a burst still being grouped when the app quits, instead of dropping it', async () => {
    await start();
    core.push(outage());
    expect(FakeNotification.instances).toHaveLength(0); // still grouping (3 s)
    app.quit();
    await until(() => state.quitted, 'the quit');
    expect(FakeNotification.instances).toHaveLength(1);
  });

  it('applies two quick follows from the tray in turn, losing neither', async () => {
    await start();
    core.push({
      snapshot: snapshot('operational', { services: [service('paas', 'PAAS LU-BI1'), service('dns', 'LiveDNS')] }),
      events: [],
    });
    // Both clicks come from the same menu, built before either was saved.
    const followPaas = menuItem('follow:paas').click as () => void;
    const followDns = menuItem('follow:dns').click as () => void;
    followPaas();
    followDns();
    // Without the queue the second save, made from the same old settings, drops 'paas' for good.
    await until(() => menuItem('follow:dns').checked === true, 'the second follow applied');
    expect(menuItem('follow:paas').checked).toBe(true);
    const saved = JSON.parse(await readFile(path.join(state.userData, 'settings.json'), 'utf8')) as Settings;
    expect(saved.followedServices.sort()).toEqual(['dns', 'paas']);
  });

  it('following a muted service from the tray unmutes it, as following it from the window does', async () => {
    await writeFile(path.join(state.userData, 'settings.json'), JSON.stringify({ mutedServices: ['paas'] }));
    await start();
    core.push({ snapshot: snapshot('operational', { services: [service('paas', 'PAAS LU-BI1')] }), events: [] });
    click('follow:paas');
    await until(() => menuItem('follow:paas').checked === true, 'the follow applied');
    const saved = JSON.parse(await readFile(path.join(state.userData, 'settings.json'), 'utf8')) as Settings;
    expect(saved.followedServices).toEqual(['paas']);
    expect(saved.mutedServices).toEqual([]);
  });

  it('keeps what a snooze held across a restart, and shows it once when the snooze ends', async () => {
    await start();
    click('snooze-hour');
    core.push(outage());
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(0);
    app.quit();
    await until(() => state.quitted, 'the first run to quit');
    const userData = state.userData;
    const restart = async () => {
      resetFakeElectron();
      state.userData = userData;
      core = fakeCore();
      await start();
    };
    await restart();
    expect(FakeNotification.instances).toHaveLength(0);
    click('snooze-resume');
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(1);
    expect(FakeNotification.instances[0]?.options.body).toContain('PAAS LU-BI1 down');
    await settle();
    app.quit();
    await until(() => state.quitted, 'the second run to quit');
    // Shown once: a third run has nothing left to show.
    await restart();
    core.push({ snapshot: outage().snapshot, events: [] });
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('keeps a snooze across a restart', async () => {
    await start();
    click('snooze-tomorrow');
    const file = path.join(state.userData, 'snooze.json');
    await until(() => existsSync(file), 'the snooze file');
    app.quit();
    await until(() => state.quitted, 'the first run to quit');
    const userData = state.userData;
    resetFakeElectron();
    state.userData = userData;
    core = fakeCore();
    await start();
    expect(menuItem('snoozed').label).toMatch(/^Snoozed until .*8:00/);
    core.push(outage());
    vi.advanceTimersByTime(5000);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('refreshes from the menu, after resume and when the network comes back', async () => {
    await start();
    click('refresh');
    powerMonitor.emit('resume');
    expect(core.refreshNow).toHaveBeenCalledTimes(2);
    state.online = false;
    vi.advanceTimersByTime(15_000);
    expect(core.refreshNow).toHaveBeenCalledTimes(2);
    state.online = true;
    vi.advanceTimersByTime(15_000);
    expect(core.refreshNow).toHaveBeenCalledTimes(3);
  });

  it('a maximized window opens maximized, without flashing before its page has painted', async () => {
    await writeFile(path.join(state.userData, 'window-state.json'), JSON.stringify({ width: 900, height: 700, maximized: true }));
    await start();
    app.emit('second-instance');
    const window = await windowLoaded();
    await until(() => window.visible, 'the window to show');
    expect(window.maximized).toBe(true);
    expect(window.shownBeforeReady).toBe(false);
  });

  it('Quit with the window open saves its size before Electron quits', async () => {
    await start();
    app.emit('second-instance');
    const window = await windowLoaded();
    window.bounds = { x: 40, y: 50, width: 1111, height: 777 };
    const file = path.join(state.userData, 'window-state.json');
    let savedBeforeQuit = false;
    core.stop.mockImplementation(async () => {
      await until(() => existsSync(file), 'the window state file');
      savedBeforeQuit = !state.quitted;
    });
    click('quit');
    await until(() => state.quitted, 'the quit');
    expect(savedBeforeQuit).toBe(true);
    expect(window.destroyed).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ width: 1111, height: 777 });
  });

  it('quits even when stopping hangs', async () => {
    await start();
    core.stop.mockImplementation(() => new Promise<undefined>(() => undefined));
    click('quit');
    await settle();
    expect(state.quitted).toBe(false);
    vi.advanceTimersByTime(5_000);
    await until(() => state.quitted, 'the quit');
    expect(warnings).toContain('Stopping took too long; quitting anyway.');
  });

  it('warns when a tray picture is missing; on macOS the menu bar shows a title instead', async () => {
    state.appPath = path.join(state.userData, 'no-such-app');
    await start('darwin');
    expect(lastTray().image.isEmpty()).toBe(true);
    expect(lastTray().title).toBe('Gandi');
    expect(warnings.some((message) => message.startsWith('No tray picture for "unknown"'))).toBe(true);
  });

  it('shows the real tray pictures from the project assets', async () => {
    await start('darwin');
    expect(lastTray().image.isEmpty()).toBe(false);
    expect(lastTray().title).toBe('');
    expect(warnings.filter((message) => message.startsWith('No tray picture'))).toEqual([]);
  });

  it('Quit stops the core (which saves) before Electron quits', async () => {
    await start();
    click('quit');
    expect(state.quitted).toBe(false);
    await until(() => state.quitted, 'the quit');
    expect(core.stop).toHaveBeenCalledTimes(1);
    expect(state.quitted).toBe(true);
    expect(lastTray().destroyed).toBe(true);
  });

  it('a system shutdown quits through the same path, so the state is saved', async () => {
    await start('linux');
    const preventDefault = vi.fn();
    powerMonitor.emit('shutdown', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await until(() => state.quitted, 'the quit');
    expect(core.stop).toHaveBeenCalledTimes(1);
  });

  it('keeps its 90-day history across a restart, adding to it rather than starting over', async () => {
    await start();
    core.push(outage());
    app.quit();
    await until(() => state.quitted, 'the first run to quit');
    const file = path.join(state.userData, 'history.json');
    const first = JSON.parse(await readFile(file, 'utf8')) as History;
    expect(first.since).not.toBeNull();
    expect(first.sources[0]?.services.map((entry) => entry.name)).toEqual(['PAAS LU-BI1']);
    const userData = state.userData;
    resetFakeElectron();
    state.userData = userData;
    core = fakeCore();
    await start();
    vi.setSystemTime(new Date(2026, 2, 10, 12, 5));
    core.push({ snapshot: snapshot('operational', { services: [service('paas', 'PAAS LU-BI1')] }), events: [] });
    app.emit('second-instance');
    const window = await windowLoaded();
    const kept = (await ipcMain.invoke(CALL_CHANNELS.getHistory, { sender: window.webContents, senderFrame: window.webContents.mainFrame })) as History;
    expect(kept.since).toBe(first.since);
    expect(kept.sources[0]?.services[0]?.days[0]?.worst).toBe('major_outage');
  });

  it('answers the window over IPC and applies settings', async () => {
    await start();
    core.push(outage());
    app.emit('second-instance');
    const window = await windowLoaded();
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const appState = (await ipcMain.invoke(CALL_CHANNELS.getState, fromWindow)) as AppState;
    expect(appState.snapshot.overall).toBe('major_outage');
    expect(appState.info.platform).toBe('electron');
    expect(appState.recentEvents).toHaveLength(1);
    // However many events came, what main answers is what the window accepts.
    const many = Array.from({ length: RECENT_EVENTS + 10 }, (_, i) => ({ ...incidentEvent('incident.updated', 'i1', 'PAAS LU-BI1 down', ['paas']), key: `burst-${i}` }));
    core.push({ snapshot: appState.snapshot, events: many });
    const later = await ipcMain.invoke(CALL_CHANNELS.getState, fromWindow);
    expect(appStateSchema.safeParse(later).success).toBe(true);
    expect((later as AppState).recentEvents.at(-1)?.key).toBe(`burst-${RECENT_EVENTS + 9}`);

    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, fromWindow, { kind: 'incident', sourceUrl: SOURCE, id: 'i1' })).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(`${SOURCE}/incidents/i1`);

    const next = { ...appState.settings, pollIntervalSeconds: 120, followedServices: ['paas'] };
    await expect(ipcMain.invoke(CALL_CHANNELS.setSettings, fromWindow, next)).resolves.toEqual({ ok: true, settings: next });
    await settle();
    expect(core.updateSources).toHaveBeenCalledWith([{ url: SOURCE, kind: 'auto', intervalSeconds: 120 }]);
    expect(window.webContents.send).toHaveBeenCalledWith(PUSH_CHANNELS.settings, next);
    expect(JSON.parse(await readFile(path.join(state.userData, 'settings.json'), 'utf8'))).toEqual(next);
    expect(menuItem('follow:paas').checked).toBe(true);

    const refused = (await ipcMain.invoke(CALL_CHANNELS.setSettings, fromWindow, { ...next, pollIntervalSeconds: 1 })) as { ok: boolean };
    expect(refused.ok).toBe(false);
    await expect(ipcMain.invoke(CALL_CHANNELS.getState, { sender: {}, senderFrame: window.webContents.mainFrame })).rejects.toThrow(/not trusted/);
  });

  it('refuses links that leave the allow-list, even from settings', async () => {
    await start();
    app.emit('second-instance');
    const window = await windowLoaded();
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, fromWindow, { kind: 'incident', sourceUrl: SOURCE, id: 'missing' })).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    click('ticket');
    await until(() => shell.openExternal.mock.calls.length > 0, 'the ticket link');
    expect(shell.openExternal).toHaveBeenCalledWith('https://helpdesk.gandi.net/hc/en-us/requests/new');

    // The window cannot move the chat button off Gandi's domain through the settings.
    const current = ((await ipcMain.invoke(CALL_CHANNELS.getState, fromWindow)) as { settings: Settings }).settings;
    const moved = { ...current, links: { ...current.links, chat: 'https://evil.example/phish' } };
    const refused = (await ipcMain.invoke(CALL_CHANNELS.setSettings, fromWindow, moved)) as { ok: boolean; error?: string };
    expect(refused).toEqual({ ok: false, error: 'links.chat: must be an https:// link on gandi.net' });
    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, fromWindow, { kind: 'chat' })).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://admin.gandi.net');
  });

  it('launch at login follows the menu on macOS and Windows', async () => {
    await start('win32');
    expect(app.setAppUserModelId).toHaveBeenCalledWith('net.gandi.status-tray');
    click('launch-at-login');
    await until(() => app.setLoginItemSettings.mock.calls.length > 0, 'the login item');
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(menuItem('launch-at-login').checked).toBe(true);
  });

  it('launch at login on Linux writes and removes an XDG autostart entry', async () => {
    await start('linux');
    const entry = path.join(state.userData, 'xdg-config', 'autostart', 'gandi-status-tray.desktop');
    click('launch-at-login');
    await until(() => existsSync(entry), 'the autostart entry');
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    // Unpackaged, Electron's binary starts the app's folder.
    expect(text).toContain(`Exec=${process.execPath} ${state.appPath}`);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(menuItem('launch-at-login').checked).toBe(true);
    click('launch-at-login');
    await until(() => !existsSync(entry), 'the autostart entry to go');
    expect(menuItem('launch-at-login').checked).toBe(false);
  });
});

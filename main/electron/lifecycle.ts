// The tray app's life: one instance, no window at start, no dock icon, stays in the tray when
// the window closes, refreshes after sleep or when the network comes back, and on quit stops
// the poller (which saves its state) before Electron exits.
import { createHistoryRecorder } from '../core/history-recorder';
import path from 'node:path';
import { app, ipcMain, Menu, net, powerMonitor, protocol, safeStorage, session } from 'electron';
import type { FetchLike, StateStore } from '../core/ports';
import { APP_PAGE_URL, registerAppScheme, serveRenderer } from './app-protocol';
import { appIconPath } from './icons';
import { registerIpcHandlers, trustedSender } from './ipc';
import { denyAllPermissions, hardenApp, removeDefaultMenu } from './security';
import { createSettingsStore } from '../core/settings-store';
import { createSnoozeStore } from './snooze-store';
import { APP_ID, createStatusApp, type CoreFactory, type StatusApp } from './status-app';
import { createStatusWindow } from './window';
import { createWindowStateStore } from './window-state';
import { createAccountTokenStore } from './account-token-store';
import { createAccountService } from '../core/account/account-service';
import { createAccountReportFile } from '../core/account/report-file';

export interface RunAppOptions {
  createCore: CoreFactory;
  createStateStore: (filePath: string, onWarning: (message: string) => void) => StateStore;
  platform?: NodeJS.Platform;
  /** How often to look whether the network is back (default 15 s). */
  onlineCheckMs?: number;
  /** How long quitting waits for the poller to stop and save (default 5 s). */
  quitDeadlineMs?: number;
  warn?: (message: string) => void;
}

/** Resolves with the running app, or null when another instance already runs (this one quits). */
export async function runApp(options: RunAppOptions): Promise<StatusApp | null> {
  const platform = options.platform ?? process.platform;
  const warn = options.warn ?? ((message: string) => console.warn(message));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let statusApp: StatusApp | null = null;
  let showWhenReady = false;
  app.on('second-instance', () => {
    if (statusApp !== null) statusApp.showWindow();
    else showWhenReady = true; // launched again while starting
  });
  // Listening is enough to keep Electron from quitting when the last window closes.
  app.on('window-all-closed', () => undefined);
  hardenApp(app);
  registerAppScheme(protocol);

  await app.whenReady();
  removeDefaultMenu(app, Menu);
  if (platform === 'darwin') app.dock?.hide();
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  denyAllPermissions(session.defaultSession);

  const userData = app.getPath('userData');
  const appPath = app.getAppPath();
  const assetsDir = path.join(appPath, 'assets');
  serveRenderer(protocol, path.join(appPath, 'dist', 'renderer'), (fileUrl) => net.fetch(fileUrl));
  const settingsStore = createSettingsStore(userData, { onWarning: warn });
  const settings = await settingsStore.load();
  const snoozeStore = createSnoozeStore(userData);
  const pause = await snoozeStore.load(new Date());
  const window = createStatusWindow({
    pageUrl: APP_PAGE_URL,
    preloadPath: path.join(appPath, 'dist', 'preload', 'preload.js'),
    stateStore: createWindowStateStore(userData),
    title: app.getName(),
    icon: appIconPath(assetsDir),
    onWarning: warn,
  });
  // Electron's net.fetch goes through Chromium's network stack and so honours the system proxy.
  // 'no-store' keeps Chromium's HTTP cache out: it could answer from disk without asking the
  // server (heuristic freshness), and the core does its own conditional requests (ETag).
  const fetch: FetchLike = (url, init) => net.fetch(url, { ...init, cache: 'no-store' });
  const accountTokens = createAccountTokenStore({ safeStorage, dir: userData, platform, warn });
  const account = {
    tokens: accountTokens,
    service: createAccountService({
      tokens: accountTokens,
      fetch,
      env: process.env,
      store: createAccountReportFile(path.join(userData, 'account-report.json')),
      onWarning: warn,
    }),
  };
  const running = createStatusApp({
    account,
    createCore: options.createCore,
    fetch,
    stateStore: options.createStateStore(path.join(userData, 'state.json'), warn),
    history: createHistoryRecorder({ file: path.join(userData, 'history.json'), onWarning: warn }),
    settingsStore,
    settings,
    snoozeStore,
    snoozedUntil: pause.snoozedUntil,
    heldEvents: pause.held,
    window,
    platform,
    assetsDir,
    warn,
  });
  statusApp = running;
  registerIpcHandlers(ipcMain, trustedSender(() => window.webContents(), APP_PAGE_URL), running.ipcHandlers);

  const refresh = (why: string): void => {
    running.refresh().catch((error: unknown) => warn(`Refresh after ${why} failed: ${String(error)}`));
  };
  powerMonitor.on('resume', () => refresh('resume'));
  let online = net.isOnline();
  const onlineTimer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) refresh('the network came back');
    online = now;
  }, options.onlineCheckMs ?? 15_000);

  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Hold the quit until the poller has stopped and saved; then quit for real.
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    clearInterval(onlineTimer);
    // Electron closes the window only after before-quit, too late to save its size: close it now.
    // A stop that hangs must not keep the app from quitting: past the deadline, quit anyway.
    const finished = Promise.all([window.close(), running.stop()]).catch((error: unknown) => {
      warn(`Stopping failed: ${String(error)}`);
    });
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => {
      deadline = setTimeout(() => {
        warn('Stopping took too long; quitting anyway.');
        resolve();
      }, options.quitDeadlineMs ?? 5_000);
    });
    void Promise.race([finished, late]).then(() => {
      clearTimeout(deadline);
      stopped = true;
      app.quit();
    });
  });

  // A system shutdown does not go through before-quit: ask the system to wait (Linux, macOS; the
  // event object is passed although electron.d.ts types the listener without it) and quit through
  // it, so the state is saved.
  const onShutdown = (event?: { preventDefault(): void }): void => {
    event?.preventDefault();
    app.quit();
  };
  powerMonitor.on('shutdown', onShutdown);

  await running.start();
  if (showWhenReady) running.showWindow();
  return running;
}

// The tray app's account calls over IPC (fake electron): the window sets a token, sees only its
// state and the report, and neither an answer, a push nor a file in plain text holds the token.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusSnapshot } from '../../../common/model';
import { CALL_CHANNELS, PUSH_CHANNELS } from '../../../common/window-api';
import type { AccountView } from '../../../common/account-view';
import { app, ipcMain, resetFakeElectron, state, until, windowLoaded } from './fake-electron';
import { snapshot } from './fixtures';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));

const { runApp } = await import('../../../main/electron/lifecycle');

const TOKEN = 'pat-ipc-secret-0123456789abcdef';

function quietCore() {
  const current: StatusSnapshot = snapshot('unknown', { fetchedAt: null });
  return {
    start: async () => undefined,
    stop: async () => undefined,
    refreshNow: async () => undefined,
    updateSources: async () => undefined,
    getSnapshot: () => current,
    subscribe: () => () => undefined,
  };
}

describe('the account over IPC', () => {
  beforeEach(async () => {
    resetFakeElectron();
    state.userData = await mkdtemp(path.join(tmpdir(), 'gandi-account-ipc-'));
    // The fake net answers nothing of Gandi's there: the check runs and says what it could not do.
    vi.stubEnv('GANDI_API_URL', 'http://127.0.0.1:9/v5/');
    vi.stubEnv('XDG_CONFIG_HOME', path.join(state.userData, 'xdg-config'));
  });
  afterEach(async () => {
    app.quit();
    await until(() => state.quitted, 'the app to quit');
    vi.unstubAllEnvs();
    await rm(state.userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  });

  it('sets the token from the window, pushes the view, and never gives the token back', async () => {
    await runApp({ platform: 'linux', createCore: () => quietCore(), createStateStore: () => ({ load: async () => null, save: async () => undefined }), warn: () => undefined });
    app.emit('second-instance');
    const window = await windowLoaded();
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };

    const before = (await ipcMain.invoke(CALL_CHANNELS.getAccount, fromWindow)) as AccountView;
    expect(before).toEqual({ token: { set: false, storage: 'none', encryptionAvailable: true, settable: true }, report: null, checking: false, nextCheckAt: null });

    const answer = await ipcMain.invoke(CALL_CHANNELS.setAccountToken, fromWindow, { token: TOKEN });
    expect(answer).toMatchObject({ ok: true, account: { token: { set: true, storage: 'encrypted' } } });
    const pushed = () => (window.webContents.send as unknown as { mock: { calls: unknown[][] } }).mock.calls.filter((call) => call[0] === PUSH_CHANNELS.account);
    await until(() => pushed().some((call) => (call[1] as AccountView).report !== null), 'the first report pushed');
    const after = (await ipcMain.invoke(CALL_CHANNELS.getAccount, fromWindow)) as AccountView;
    expect(after.report?.overall).toBe('not-checked');
    expect(after.report?.checks.every((check) => check.notChecked !== null)).toBe(true);

    await expect(ipcMain.invoke(CALL_CHANNELS.setAccountToken, fromWindow, { token: 42 })).rejects.toThrow();
    await expect(ipcMain.invoke(CALL_CHANNELS.getAccount, { sender: {}, senderFrame: window.webContents.mainFrame })).rejects.toThrow(/not trusted/);

    const files = await readdir(state.userData);
    const written = await Promise.all(files.filter((name) => !name.endsWith('xdg-config')).map((name) => readFile(path.join(state.userData, name), 'utf8').catch(() => '')));
    const said = JSON.stringify([answer, after, pushed()]);
    expect(said + written.join('\n')).not.toContain(TOKEN);
  });
});

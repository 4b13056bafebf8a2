import { emptyHistory } from '../../../common/history';
import { pathToFileURL } from 'node:url';
import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, trustedSender } from '../../../main/electron/ipc';
import { CALL_CHANNELS } from '../../../common/window-api';
import { FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';
import { settingsWith, snapshot } from './fixtures';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));

const page = pathToFileURL('/opt/gandi-status/dist/renderer/index.html').href;

const noAccount = { token: { set: false, storage: 'none' as const, encryptionAvailable: false, settable: false }, report: null, checking: false, nextCheckAt: null };

function handlers() {
  return {
    getState: vi.fn(() => ({ snapshot: snapshot('operational'), settings: settingsWith(), info: { name: 'x', version: '1', platform: 'electron' as const, locale: 'en' }, recentEvents: [] })),
    refresh: vi.fn(async () => null),
    openExternal: vi.fn(async () => true),
    setSettings: vi.fn(async () => ({ ok: true as const, settings: settingsWith() })),
    copyText: vi.fn(() => true),
    detectPage: vi.fn(async () => ({ ok: false as const, error: 'nothing', problem: null, requests: 0 })),
    getHistory: vi.fn(() => emptyHistory()),
    getAccount: vi.fn(() => noAccount),
    checkAccount: vi.fn(async () => noAccount),
    setAccountToken: vi.fn(async () => ({ ok: false as const, error: 'no' })),
  };
}

describe('IPC', () => {
  let ours: FakeWebContents;
  let registered: ReturnType<typeof handlers>;
  const eventFrom = (sender: FakeWebContents, frame = sender.mainFrame) => ({ sender, senderFrame: frame });

  beforeEach(() => {
    resetFakeElectron();
    ours = new FakeWebContents();
    ours.mainFrame.url = `${page}#/incident/1`;
    registered = handlers();
    const check = trustedSender(() => ours as unknown as WebContents, page);
    registerIpcHandlers(ipcMain as unknown as IpcMain, check, registered);
  });

  it('serves our window', async () => {
    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, eventFrom(ours), { kind: 'ticket' })).resolves.toBe(true);
    expect(registered.openExternal).toHaveBeenCalledWith({ kind: 'ticket' });
    await expect(ipcMain.invoke(CALL_CHANNELS.copyText, eventFrom(ours), 'hello')).resolves.toBe(true);
  });

  it('rejects a foreign sender, a subframe, and our window once it shows another page', async () => {
    const foreign = new FakeWebContents();
    foreign.mainFrame.url = page;
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, eventFrom(foreign))).rejects.toThrow(/sender not trusted/);
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, eventFrom(ours, { url: page, parent: ours.mainFrame }))).rejects.toThrow(/sender not trusted/);
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, { sender: ours, senderFrame: null })).rejects.toThrow(/sender not trusted/);
    ours.mainFrame.url = 'https://evil.example/index.html';
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, eventFrom(ours))).rejects.toThrow(/sender not trusted/);
    ours.mainFrame.url = 'file:///tmp/other/index.html';
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, eventFrom(ours))).rejects.toThrow(/sender not trusted/);
    expect(registered.refresh).not.toHaveBeenCalled();
  });

  it('rejects bad payloads before any handler runs', async () => {
    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, eventFrom(ours), { kind: 'url', url: 'file:///etc/passwd' })).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke(CALL_CHANNELS.openExternal, eventFrom(ours), 'https://evil.example')).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke(CALL_CHANNELS.copyText, eventFrom(ours), 42)).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke(CALL_CHANNELS.getState, eventFrom(ours), { sneaky: true })).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke(CALL_CHANNELS.refresh, eventFrom(ours), undefined, 'extra')).rejects.toThrow(/too many arguments/);
    expect(registered.openExternal).not.toHaveBeenCalled();
    expect(registered.copyText).not.toHaveBeenCalled();
  });

  it('rejects a destroyed window and unknown channels', async () => {
    ours.destroyed = true;
    await expect(ipcMain.invoke(CALL_CHANNELS.getState, eventFrom(ours))).rejects.toThrow(/sender not trusted/);
    await expect(ipcMain.invoke('app:run-shell', eventFrom(ours))).rejects.toThrow(/No handler/);
  });

  it('registers exactly the contract channels', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CALL_CHANNELS).sort());
  });
  it('accepts our page on Windows whatever the case of the drive letter (Chromium writes it in capitals)', () => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = 'file:///C:/Program%20Files/Gandi%20Status/resources/app.asar/dist/renderer/index.html';
    const check = trustedSender(
      () => contents as unknown as WebContents,
      'file:///c:/Program%20Files/Gandi%20Status/resources/app.asar/dist/renderer/index.html',
    );
    const event = { sender: contents, senderFrame: contents.mainFrame } as unknown as Parameters<typeof check>[0];
    expect(check(event)).toBe(true);
    contents.mainFrame.url = 'file:///D:/Program%20Files/Gandi%20Status/resources/app.asar/dist/renderer/index.html';
    expect(check(event)).toBe(false);
  });
});


import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSecureWindow,
  denyAllPermissions,
  hardenApp,
  hardenWebContents,
  type WindowLook,
} from '../../../main/electron/security';
import { app, fakeEvent, FakeSession, FakeWebContents, lastWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));

describe('security', () => {
  beforeEach(() => resetFakeElectron());

  it('creates windows with locked-down web preferences, whatever the caller asks', () => {
    // A caller cannot sneak web preferences in (the type forbids it; the cast stands for a mistake).
    const look = { width: 500, title: 'Gandi Status', webPreferences: { nodeIntegration: true } } as WindowLook;
    createSecureWindow(look, '/app/dist/preload/preload.js');
    const window = lastWindow();
    expect(window.options).toMatchObject({ width: 500, title: 'Gandi Status' });
    expect(window.options.webPreferences).toEqual({
      preload: '/app/dist/preload/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    });
  });

  it('turns DevTools off in the packaged app, keeps them in development', () => {
    app.isPackaged = true;
    createSecureWindow({}, '/app/dist/preload/preload.js');
    expect(lastWindow().options.webPreferences).toMatchObject({ devTools: false });
    app.isPackaged = false;
    createSecureWindow({}, '/app/dist/preload/preload.js');
    expect(lastWindow().options.webPreferences).toMatchObject({ devTools: true });
  });

  it('prevents navigation, redirects and webviews, and denies window.open', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://status.gandi.net' })).toEqual({ action: 'deny' });
  });

  it('hardens every web contents the app creates', () => {
    hardenApp(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'file:///etc/passwd');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      session.permissionRequest?.(null, permission, (granted) => answers.push(granted));
      answers.push(session.permissionCheck?.(null, permission) ?? true);
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
    expect(session.devicePermission?.({})).toBe(false);
  });
});

import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenApp, hardenWebContents, secureWebPreferences } from '../../../main/electron/security';
import { app, fakeEvent, FakeSession, FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));

describe('security', () => {
  beforeEach(() => resetFakeElectron());

  it('locks the web preferences down', () => {
    expect(secureWebPreferences('/app/dist/preload/preload.js')).toMatchObject({
      preload: '/app/dist/preload/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
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

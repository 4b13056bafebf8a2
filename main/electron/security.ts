// The Electron security checklist, applied in one place: locked-down web preferences, no
// navigation, no new windows, no webviews, no permissions.
import { app, BrowserWindow } from 'electron';
import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** Everything about a window except its web preferences, which are not the caller's to choose. */
export type WindowLook = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * The only way the app creates a window. The web preferences are written out inside the
 * `new BrowserWindow` call on purpose: that is where Electronegativity looks, so weakening one of
 * them fails `npm run audit:electron`.
 */
export function createSecureWindow(look: WindowLook, preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    ...look,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK (reviewed: preload/preload.ts exposes a named API only)
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
      // No DevTools (Ctrl+Shift+I) in the shipped app; they stay for development.
      devTools: !app.isPackaged,
    },
  });
}

/** Our page never navigates: links go through openExternal, which has its own allow-list. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The window needs no camera, notifications, clipboard reading or anything else: deny all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The shipped app has no application menu: Electron's default one brings DevTools and reload
 * (Ctrl+Shift+I, Ctrl+R) to the window. In development it stays.
 */
export function removeDefaultMenu(app: App, menu: { setApplicationMenu(menu: null): void }): void {
  if (app.isPackaged) menu.setApplicationMenu(null);
}

/** Applies the hardening to every web contents the app ever creates, ours or not. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

// The status window: created on demand (the app lives in the tray), closed for real when the
// user closes it, reopened at its last size, and able to open on one incident.
import type { BrowserWindow, WebContents } from 'electron';
import { PUSH_CHANNELS, type PushName, type PushPayload, type ShowTarget } from '../../common/window-api';
import { createSecureWindow, hardenWebContents } from './security';
import type { WindowStateStore } from './window-state';

export interface StatusWindow {
  /** Shows (creating it if needed) and, with a target, asks the page to show that item. */
  show(target?: ShowTarget): Promise<void>;
  /** Pushes to the page if it is loaded; a page that loads later asks for the whole state. */
  send<K extends PushName>(push: K, payload: PushPayload<K>): void;
  webContents(): WebContents | null;
  /** Closes the window (if open); resolves once its size is saved. */
  close(): Promise<void>;
}

export interface StatusWindowOptions {
  /** The page's address (app://gandi-status/index.html). */
  pageUrl: string;
  preloadPath: string;
  stateStore: WindowStateStore;
  title: string;
  icon?: string;
  onWarning?: (message: string) => void;
}

export function createStatusWindow(options: StatusWindowOptions): StatusWindow {
  let window: BrowserWindow | null = null;
  let creating: Promise<BrowserWindow> | null = null;
  let loaded = false;
  let pendingTarget: ShowTarget | null = null;
  let savingState: Promise<void> = Promise.resolve();

  async function create(): Promise<BrowserWindow> {
    const state = await options.stateStore.load();
    const created = createSecureWindow(
      {
        width: state.width,
        height: state.height,
        x: state.x,
        y: state.y,
        minWidth: 360,
        minHeight: 300,
        show: false,
        title: options.title,
        icon: options.icon,
        autoHideMenuBar: true,
      },
      options.preloadPath,
    );
    hardenWebContents(created.webContents);
    // Not before ready-to-show: maximize() also shows a hidden window, which would flash empty.
    created.once('ready-to-show', () => {
      if (state.maximized) created.maximize();
      created.show();
    });
    created.webContents.on('did-finish-load', () => {
      loaded = true;
      if (pendingTarget !== null) created.webContents.send(PUSH_CHANNELS.show, pendingTarget);
      pendingTarget = null;
    });
    created.on('close', () => {
      const bounds = created.getNormalBounds();
      // Kept so quitting can wait for it: Electron closes the windows only after before-quit.
      savingState = options.stateStore
        .save({ ...bounds, maximized: created.isMaximized() })
        .catch((error: unknown) => options.onWarning?.(`Cannot save the window size: ${String(error)}`));
    });
    created.on('closed', () => {
      window = null;
      loaded = false;
    });
    created.loadURL(options.pageUrl).catch((error: unknown) => {
      options.onWarning?.(`Cannot load the window page ${options.pageUrl}: ${String(error)}`);
    });
    return created;
  }

  return {
    async show(target) {
      if (window === null || window.isDestroyed()) {
        if (target !== undefined) pendingTarget = target;
        creating ??= create();
        try {
          window = await creating;
        } finally {
          creating = null;
        }
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      if (target === undefined) return;
      if (loaded) window.webContents.send(PUSH_CHANNELS.show, target);
      else pendingTarget = target;
    },
    send(push, payload) {
      if (window !== null && !window.isDestroyed() && loaded) window.webContents.send(PUSH_CHANNELS[push], payload);
    },
    webContents() {
      return window !== null && !window.isDestroyed() ? window.webContents : null;
    },
    async close() {
      if (window !== null && !window.isDestroyed()) window.close();
      await savingState;
    },
  };
}

// One fake of the `electron` module for every main-process test, behaving like Electron where
// our code depends on it (events, preventDefault, app.quit -> before-quit, loadFile -> did-finish-load).
// Use:  vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
// and call resetFakeElectron() in beforeEach. Objects keep their identity across resets (the code
// under test holds them); only their state and recorded calls are cleared.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi, type Mock } from 'vitest';

type AnyFn = (...args: never[]) => unknown;
const spies: Array<{ spy: Mock; impl: AnyFn }> = [];
function spy<F extends AnyFn>(impl: F): Mock<F> {
  const created = vi.fn(impl);
  spies.push({ spy: created, impl });
  return created;
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** The project folder, where `electron .` runs from: assets/ and dist/ are really there. */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

function initialState() {
  return {
    singleInstance: true,
    /** whenReady() has resolved: too late to declare privileged schemes. */
    ready: false,
    userData: '/tmp/gandi-status-fake-user-data',
    appPath: PROJECT_ROOT,
    locale: 'en-US',
    online: true,
    openAtLogin: false,
    quitted: false,
    notificationsSupported: true,
    /** safeStorage: whether the OS offers encryption, and (Linux) which backend. */
    encryptionAvailable: true,
    storageBackend: 'gnome_libsecret' as string,
    /** What Menu.setApplicationMenu was last given; 'default' while Electron's own menu stands. */
    applicationMenu: 'default' as FakeMenu | null | 'default',
  };
}

export const state = initialState();

// ---- app ----------------------------------------------------------------------------------------

class FakeApp extends EventEmitter {
  requestSingleInstanceLock = spy(() => state.singleInstance);
  whenReady = spy(async () => {
    state.ready = true;
  });
  /** Like Electron: before-quit, then every window is closed (a prevented close cancels), then quit. */
  quit = spy(() => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of FakeBrowserWindow.instances) {
      if (window.destroyed) continue;
      window.close();
      if (!window.destroyed) return;
    }
    state.quitted = true;
  });
  exit = spy((_code?: number) => undefined);
  getPath = spy((_name: string) => state.userData);
  /** Like Electron: false when run by `electron .`, true in an installed app (tests may set it). */
  isPackaged = false;
  getAppPath = spy(() => state.appPath);
  getLocale = spy(() => state.locale);
  getName = spy(() => 'Gandi Status');
  getVersion = spy(() => '0.1.0');
  setAppUserModelId = spy((_id: string) => undefined);
  setLoginItemSettings = spy((settings: { openAtLogin?: boolean }) => {
    state.openAtLogin = settings.openAtLogin ?? false;
  });
  getLoginItemSettings = spy(() => ({ openAtLogin: state.openAtLogin }));
  dock = { hide: spy(() => undefined) };
}

// ---- web contents and windows ---------------------------------------------------------------------

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;

export class FakeSession {
  permissionRequest: PermissionRequest | null = null;
  permissionCheck: PermissionCheck | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequest | null): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck | null): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermission = handler;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  session = new FakeSession();
  send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  maximized = false;
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  /** ready-to-show was emitted: the page has painted. */
  readyToShow = false;
  /** Became visible before the page painted: the user saw an empty window flash. */
  shownBeforeReady = false;
  bounds: Bounds;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 100,
      y: typeof options.y === 'number' ? options.y : 100,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  /** Like Electron: resolves once the page has loaded, after ready-to-show and did-finish-load. */
  async loadFile(file: string): Promise<void> {
    await this.loadURL(pathToFileURL(file).href);
    this.loadedFile = file;
  }

  /** Like Electron: the page comes through the scheme's handler, if one is registered. */
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocol.handlers.get(scheme);
    if (handler !== undefined) {
      const response = await handler(new Request(url));
      if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND (${response.status}) loading '${url}'`);
    } else {
      await Promise.resolve();
    }
    this.webContents.mainFrame.url = url;
    this.readyToShow = true;
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
  show(): void {
    this.becomeVisible();
  }
  private becomeVisible(): void {
    if (!this.readyToShow) this.shownBeforeReady = true;
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  /** Like Electron: maximizing a hidden window also shows it. */
  maximize(): void {
    this.maximized = true;
    this.becomeVisible();
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

// ---- tray, menu, images ---------------------------------------------------------------------------

export class FakeImage {
  template = false;
  constructor(
    readonly path: string,
    readonly empty = false,
  ) {}
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
  isEmpty(): boolean {
    return this.empty;
  }
}

export class FakeMenu {
  constructor(readonly template: unknown[]) {}
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(public image: FakeImage) {
    super();
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  /** macOS only in Electron: text next to the icon in the menu bar. */
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

// ---- notifications --------------------------------------------------------------------------------

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static isSupported(): boolean {
    return state.notificationsSupported;
  }
  shown = false;
  constructor(readonly options: { title?: string; body?: string; icon?: unknown }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
  /** What a user's click does. */
  click(): void {
    this.emit('click', fakeEvent());
  }
  /** The notification server closed it (timeout, dismissed); not guaranteed to happen. */
  dismiss(): void {
    this.emit('close', fakeEvent());
  }
}

// ---- IPC ----------------------------------------------------------------------------------------

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does in the renderer: runs the handler, rejection included. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer {
  listeners = new Map<string, Set<RendererListener>>();
  invoke = spy(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  on(channel: string, listener: RendererListener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
  /** What webContents.send in main does on this side: an event object, then the payload. */
  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
}

// ---- the module -----------------------------------------------------------------------------------

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const powerMonitor = new EventEmitter();
export const defaultSession = new FakeSession();
export const exposed = new Map<string, unknown>();
export const shell = { openExternal: spy(async (_url: string) => undefined) };
export const clipboard = { writeText: spy((_text: string) => undefined) };
/** What the network answers to net.fetch (tests replace it with mockImplementation). */
export const server = {
  answer: spy(async (_url: string, _headers: Headers): Promise<Response> => new Response('{}')),
};

/**
 * Chromium's HTTP cache, as far as it matters here: net.fetch's default cache mode reuses a 200
 * that has Last-Modified and no Cache-Control (heuristic freshness) without asking the server.
 */
const httpCache = new Map<string, { body: string; headers: [string, string][] }>();

interface FakeFetchInit {
  headers?: Record<string, string>;
  cache?: string;
  signal?: AbortSignal;
}

/** Custom schemes: those declared privileged before ready, and their handlers. */
export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged: spy((schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
    if (state.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    protocol.privileged.push(...schemes);
  }),
  handle: spy((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    if (!protocol.privileged.some((entry) => entry.scheme === scheme) && !['http', 'https', 'file'].includes(scheme)) {
      throw new Error(`scheme ${scheme} was not registered as privileged`);
    }
    protocol.handlers.set(scheme, handler);
  }),
};

export const net = {
  fetch: spy(async (url: string, init?: FakeFetchInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    const mode = init?.cache ?? 'default';
    const cacheUsed = mode === 'default' || mode === 'force-cache' || mode === 'only-if-cached';
    const cached = httpCache.get(url);
    if (cacheUsed && cached !== undefined) return new Response(cached.body, { status: 200, headers: cached.headers });
    const response = await server.answer(url, new Headers(init?.headers));
    const heuristicallyFresh = response.status === 200 && response.headers.has('last-modified') && !response.headers.has('cache-control');
    if (mode !== 'no-store' && heuristicallyFresh) {
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      httpCache.set(url, { body: await response.clone().text(), headers });
    }
    return response;
  }),
  isOnline: spy(() => state.online),
};

// ---- safeStorage ----------------------------------------------------------------------------------

/** Like Electron's: "encrypts" by a reversible marking (enough to tell stored bytes from the plain text). */
const safeStorage = {
  isEncryptionAvailable: spy(() => state.encryptionAvailable),
  getSelectedStorageBackend: spy(() => state.storageBackend),
  encryptString: spy((plain: string) => {
    if (!state.encryptionAvailable) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(`fake-encrypted:${Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')}`, 'utf8');
  }),
  decryptString: spy((encrypted: Buffer) => {
    if (!state.encryptionAvailable) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    const text = encrypted.toString('utf8');
    if (!text.startsWith('fake-encrypted:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('fake-encrypted:'.length).split('').reverse().join(''), 'base64').toString('utf8');
  }),
};

export const electronModule = {
  safeStorage,
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: {
    buildFromTemplate: (template: unknown[]) => new FakeMenu(template),
    setApplicationMenu: spy((menu: FakeMenu | null) => {
      state.applicationMenu = menu;
    }),
  },
  // Like Electron: a missing or unreadable file gives an empty image, not an error.
  nativeImage: { createFromPath: (file: string) => new FakeImage(file, !existsSync(file)) },
  Notification: FakeNotification,
  ipcMain,
  ipcRenderer,
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      exposed.set(key, api);
    },
  },
  powerMonitor,
  session: { defaultSession },
  shell,
  clipboard,
  net,
  protocol,
};

export function resetFakeElectron(): void {
  Object.assign(state, initialState());
  app.isPackaged = false;
  for (const { spy: mock, impl } of spies) {
    mock.mockReset();
    mock.mockImplementation(impl);
  }
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
  ipcMain.handlers.clear();
  httpCache.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  ipcRenderer.listeners.clear();
  exposed.clear();
  Object.assign(defaultSession, new FakeSession());
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
}

/** The last window created, or a failure naming the problem. */
export function lastWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances.at(-1);
  if (window === undefined) throw new Error('no BrowserWindow was created');
  return window;
}

export function lastTray(): FakeTray {
  const tray = FakeTray.instances.at(-1);
  if (tray === undefined) throw new Error('no Tray was created');
  return tray;
}

/** Lets promise chains and loadFile's microtasks settle. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Lets real I/O (the settings file) and promise chains run until the condition holds. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  // performance.now, not Date: tests may fake the clock.
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until a window exists and its page has loaded. */
export async function windowLoaded(): Promise<FakeBrowserWindow> {
  await until(() => (FakeBrowserWindow.instances.at(-1)?.webContents.mainFrame.url ?? '') !== '', 'the window to load');
  return lastWindow();
}

// The bridge API of the desktop window, carried over HTTP for the browser dashboard, derived from
// the window API's table: each call is a fetch to its route, each push an event of the same name on
// one Server-Sent Events stream shared by every listener. The store checks what arrives (bridge.ts).
import {
  CALL_NAMES,
  PUSH_NAMES,
  pushListenerName,
  STREAM_PATH,
  WINDOW_CALLS,
  type CallName,
  type GandiStatusApi,
  type PushName,
} from '../../common/window-api';
import type { LinkEvent, WindowBridge } from './window-bridge';

/** The part of EventSource the bridge uses, so tests (and Node) can supply their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  /** 2 (CLOSED) after an error means the browser gave up and will not reconnect by itself. */
  readonly readyState?: number;
}

const EVENT_SOURCE_CLOSED = 2;
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface HttpBridgeOptions {
  fetch?: typeof fetch;
  eventSource?: EventSourceFactory;
  /** Opens a resolved link; the server never launches a browser itself. */
  openWindow?: (url: string) => void;
  writeClipboard?: (text: string) => Promise<void>;
  /** The browser's language, reported as the locale for language 'auto'. */
  locale?: () => string | undefined;
  /** Wait before opening a new stream once the browser has given up on one (default 5 s). */
  reopenDelayMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function defaultOpenWindow(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

async function defaultWriteClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) throw new Error('no clipboard');
  await navigator.clipboard.writeText(text);
}

export function createHttpBridge(baseUrl: string, options: HttpBridgeOptions = {}): WindowBridge {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const openStream = options.eventSource ?? ((url: string) => new EventSource(url));
  const openWindow = options.openWindow ?? defaultOpenWindow;
  const writeClipboard = options.writeClipboard ?? defaultWriteClipboard;
  const locale = options.locale ?? (() => (typeof navigator === 'undefined' ? undefined : navigator.language));
  const reopenDelayMs = options.reopenDelayMs ?? 5000;

  const listeners = Object.fromEntries(PUSH_NAMES.map((name) => [name, new Set<(payload: unknown) => void>()])) as Record<
    PushName,
    Set<(payload: unknown) => void>
  >;
  const linkListeners = new Set<(event: LinkEvent) => void>();
  let stream: EventSourceLike | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  /** Last state reported, so each drop and each return is told once, not on every retry. */
  let link: LinkEvent['state'] | null = null;

  const report = (state: LinkEvent['state']): void => {
    if (link === state) return;
    link = state;
    for (const listener of [...linkListeners]) listener({ state });
  };

  const dispatch = (push: PushName, message: MessageEvent): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(String(message.data));
    } catch {
      return;
    }
    for (const listener of [...listeners[push]]) listener(payload);
  };

  const listenerCount = (): number =>
    Object.values(listeners).reduce((count, set) => count + set.size, 0) + linkListeners.size;

  const openNewStream = (): void => {
    const opened = openStream(`${base}${STREAM_PATH}`);
    for (const push of PUSH_NAMES) opened.addEventListener(push, (message) => dispatch(push, message));
    opened.addEventListener('open', () => report('open'));
    opened.addEventListener('error', () => {
      if (stream !== opened) return;
      report('lost');
      // The browser retries a dropped stream itself, but not one refused outright (a 503, a
      // wrong content type): then a new one is opened after a pause.
      if (opened.readyState === EVENT_SOURCE_CLOSED && reopenTimer === null) {
        opened.close();
        reopenTimer = setTimeout(() => {
          reopenTimer = null;
          if (stream === opened) openNewStream();
        }, reopenDelayMs);
      }
    });
    stream = opened;
  };

  const closeIfUnused = (): void => {
    if (listenerCount() > 0 || stream === null) return;
    stream.close();
    stream = null;
    link = null;
    if (reopenTimer !== null) clearTimeout(reopenTimer);
    reopenTimer = null;
  };

  // One stream for all listeners, opened with the first and closed with the last.
  const listen = (push: PushName, listener: (payload: unknown) => void): (() => void) => {
    listeners[push].add(listener);
    if (stream === null) openNewStream();
    return () => {
      listeners[push].delete(listener);
      closeIfUnused();
    };
  };

  const request = async (path: string, init: { method: string; body?: unknown } = { method: 'GET' }): Promise<{ status: number; body: unknown }> => {
    const response = await doFetch(`${base}${path}`, {
      method: init.method,
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    return { status: response.status, body };
  };

  const serverError = (path: string, status: number, body: unknown): Error =>
    new Error(`${path}: ${isRecord(body) && typeof body.error === 'string' ? body.error : `HTTP ${status}`}`);

  /** A call over its route: the answer's body, or an error naming the route and the server's reason. */
  const callRoute = async (name: CallName, input: unknown): Promise<unknown> => {
    const route = WINDOW_CALLS[name].http;
    if (route === null) throw new Error(`${name} has no route`);
    // Calls without an argument send an empty object, so every write has a JSON body.
    const { status, body } = await request(route.path, route.method === 'GET' ? { method: 'GET' } : { method: route.method, body: input ?? {} });
    if (status !== 200) throw serverError(route.path, status, body);
    return body;
  };

  /** Where the browser differs from the desktop: it opens links and writes the clipboard itself. */
  const local: Partial<Record<CallName, (input: unknown) => Promise<unknown>>> = {
    getState: async () => {
      const state = await callRoute('getState', undefined);
      // The dashboard's locale is the browser's, not the server's.
      if (!isRecord(state) || !isRecord(state.info)) return state;
      return { ...state, info: { ...state.info, platform: 'web', locale: locale() ?? state.info.locale } };
    },
    openExternal: async (target) => {
      try {
        const body = await callRoute('openExternal', target);
        if (!isRecord(body) || typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return false;
        openWindow(body.url);
        return true;
      } catch {
        return false;
      }
    },
    setSettings: async (settings) => {
      try {
        return await callRoute('setSettings', settings);
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'the dashboard server is unreachable' };
      }
    },
    copyText: async (text) => {
      try {
        await writeClipboard(String(text));
        return true;
      } catch {
        return false;
      }
    },
  };

  const bridge: Record<string, unknown> = {
    onConnection(listener: (event: LinkEvent) => void) {
      linkListeners.add(listener);
      if (stream === null) openNewStream();
      return () => {
        linkListeners.delete(listener);
        closeIfUnused();
      };
    },
  };
  for (const name of CALL_NAMES) bridge[name] = (input?: unknown) => (local[name] ?? ((value: unknown) => callRoute(name, value)))(input);
  for (const push of PUSH_NAMES) bridge[pushListenerName(push)] = (listener: (payload: unknown) => void) => listen(push, listener);
  return bridge as GandiStatusApi & Required<Pick<WindowBridge, 'onConnection'>>;
}

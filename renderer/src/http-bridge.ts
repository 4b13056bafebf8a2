// The bridge API of the desktop window, carried over HTTP for the browser dashboard: calls are
// fetches to /api, pushes arrive on one Server-Sent Events stream shared by every listener.
import type { ChangeEvent, StatusSnapshot } from '../../main/core/model';
import type { LinkEvent, WindowBridge } from './window-bridge';
import {
  settingsSchema,
  showTargetSchema,
  type AppState,
  type ExternalTarget,
  type SetSettingsResult,
  type Settings,
  type ShowTarget,
} from '../../preload/contract';

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

type Channels = {
  state: StatusSnapshot;
  event: ChangeEvent;
  settings: Settings;
  show: ShowTarget;
};
type Channel = keyof Channels;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server is ours, but what comes off the wire is checked before the store sees it. */
const validators: { [K in Channel]: (value: unknown) => Channels[K] | null } = {
  state: (value) =>
    isRecord(value) && typeof value.overall === 'string' && Array.isArray(value.sources)
      ? (value as unknown as StatusSnapshot)
      : null,
  event: (value) =>
    isRecord(value) && typeof value.type === 'string' && typeof value.key === 'string'
      ? (value as unknown as ChangeEvent)
      : null,
  settings: (value) => {
    const parsed = settingsSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  show: (value) => {
    const parsed = showTargetSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
};

function isAppState(value: unknown): value is AppState {
  return (
    isRecord(value) &&
    validators.state(value.snapshot) !== null &&
    isRecord(value.settings) &&
    isRecord(value.info) &&
    Array.isArray(value.recentEvents)
  );
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

  const listeners: { [K in Channel]: Set<(payload: Channels[K]) => void> } = {
    state: new Set(),
    event: new Set(),
    settings: new Set(),
    show: new Set(),
  };
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

  const dispatch = <K extends Channel>(channel: K, message: MessageEvent): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(String(message.data));
    } catch {
      return;
    }
    const valid = validators[channel](payload);
    if (valid === null) return;
    for (const listener of [...listeners[channel]]) listener(valid);
  };

  const listenerCount = (): number =>
    Object.values(listeners).reduce((count, set) => count + set.size, 0) + linkListeners.size;

  const openNewStream = (): void => {
    const opened = openStream(`${base}/api/stream`);
    opened.addEventListener('state', (message) => dispatch('state', message));
    opened.addEventListener('event', (message) => dispatch('event', message));
    opened.addEventListener('settings', (message) => dispatch('settings', message));
    opened.addEventListener('show', (message) => dispatch('show', message));
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
  const listen = <K extends Channel>(channel: K, listener: (payload: Channels[K]) => void): (() => void) => {
    listeners[channel].add(listener);
    if (stream === null) openNewStream();
    return () => {
      listeners[channel].delete(listener);
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

  return {
    async getState() {
      const { status, body } = await request('/api/state');
      if (status !== 200 || !isAppState(body)) throw serverError('/api/state', status, body);
      const settings = settingsSchema.safeParse(body.settings);
      if (!settings.success) throw new Error('/api/state: invalid settings');
      return { ...body, settings: settings.data, info: { ...body.info, platform: 'web', locale: locale() ?? body.info.locale } };
    },
    onState: (listener) => listen('state', listener),
    onEvent: (listener) => listen('event', listener),
    onSettings: (listener) => listen('settings', listener),
    onShow: (listener) => listen('show', listener),
    onConnection(listener) {
      linkListeners.add(listener);
      if (stream === null) openNewStream();
      return () => {
        linkListeners.delete(listener);
        closeIfUnused();
      };
    },
    async refresh() {
      const { status, body } = await request('/api/refresh', { method: 'POST', body: {} });
      if (status !== 200) throw serverError('/api/refresh', status, body);
    },
    async openExternal(target: ExternalTarget) {
      try {
        const { status, body } = await request('/api/open-external', { method: 'POST', body: target });
        if (status !== 200 || !isRecord(body) || typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return false;
        openWindow(body.url);
        return true;
      } catch {
        return false;
      }
    },
    async getSettings() {
      const { status, body } = await request('/api/settings');
      const parsed = settingsSchema.safeParse(body);
      if (status !== 200 || !parsed.success) throw serverError('/api/settings', status, body);
      return parsed.data;
    },
    async setSettings(settings: Settings): Promise<SetSettingsResult> {
      try {
        const { status, body } = await request('/api/settings', { method: 'PUT', body: settings });
        if (status === 200) {
          const accepted = isRecord(body) ? settingsSchema.safeParse(body.settings) : null;
          if (accepted?.success) return { ok: true, settings: accepted.data };
        }
        return { ok: false, error: isRecord(body) && typeof body.error === 'string' ? body.error : `HTTP ${status}` };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'the dashboard server is unreachable' };
      }
    },
    async copyText(text: string) {
      try {
        await writeClipboard(text);
        return true;
      } catch {
        return false;
      }
    },
  };
}

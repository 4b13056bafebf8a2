// The bridge API of the desktop window, carried over HTTP for the browser dashboard: calls are
// fetches to /api, pushes arrive on one Server-Sent Events stream shared by every listener.
import type { ChangeEvent, StatusSnapshot } from '../../main/core/model';
import {
  settingsSchema,
  showTargetSchema,
  type AppState,
  type ExternalTarget,
  type GandiStatusApi,
  type SetSettingsResult,
  type Settings,
  type ShowTarget,
} from '../../preload/contract';

/** The part of EventSource the bridge uses, so tests (and Node) can supply their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface HttpBridgeOptions {
  fetch?: typeof fetch;
  eventSource?: EventSourceFactory;
  /** Opens a resolved link; the server never launches a browser itself. */
  openWindow?: (url: string) => void;
  writeClipboard?: (text: string) => Promise<void>;
  /** The browser's language, reported as the locale for language 'auto'. */
  locale?: () => string | undefined;
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

export function createHttpBridge(baseUrl: string, options: HttpBridgeOptions = {}): GandiStatusApi {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const openStream = options.eventSource ?? ((url: string) => new EventSource(url));
  const openWindow = options.openWindow ?? defaultOpenWindow;
  const writeClipboard = options.writeClipboard ?? defaultWriteClipboard;
  const locale = options.locale ?? (() => (typeof navigator === 'undefined' ? undefined : navigator.language));

  const listeners: { [K in Channel]: Set<(payload: Channels[K]) => void> } = {
    state: new Set(),
    event: new Set(),
    settings: new Set(),
    show: new Set(),
  };
  let stream: EventSourceLike | null = null;

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

  // One stream for all listeners, opened with the first and closed with the last.
  const listen = <K extends Channel>(channel: K, listener: (payload: Channels[K]) => void): (() => void) => {
    listeners[channel].add(listener);
    if (stream === null) {
      const opened = openStream(`${base}/api/stream`);
      opened.addEventListener('state', (message) => dispatch('state', message));
      opened.addEventListener('event', (message) => dispatch('event', message));
      opened.addEventListener('settings', (message) => dispatch('settings', message));
      opened.addEventListener('show', (message) => dispatch('show', message));
      stream = opened;
    }
    return () => {
      listeners[channel].delete(listener);
      const remaining = Object.values(listeners).reduce((count, set) => count + set.size, 0);
      if (remaining === 0 && stream !== null) {
        stream.close();
        stream = null;
      }
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

// Fans the core's pushes out to the browsers connected on /api/stream (Server-Sent Events).
// A client that reads slowly or not at all must not make the server grow: a state pushed while its
// socket is still full replaces the state waiting for it (only the newest matters), and a client
// whose unread bytes pass a bound is dropped; its browser reconnects and starts from the current state.
import type { ServerResponse } from 'node:http';

/** The message names the browser bridge listens for; they mirror the IPC pushes of the desktop app. */
export const SSE_MESSAGES = ['state', 'event', 'settings', 'show', 'account'] as const;
export type SseMessage = (typeof SSE_MESSAGES)[number];

export interface SseHubOptions {
  /** Connections beyond this are refused (503), so a runaway page cannot exhaust the server. */
  maxClients?: number;
  /** A comment line every so often keeps proxies and the browser from timing the stream out. */
  heartbeatMs?: number;
  /** Unread bytes a client may hold before it is dropped (besides the one state it is due). */
  maxBufferedBytes?: number;
}

export interface SseHub {
  /**
   * Takes over the response as an event stream; `hello` is written first (e.g. the current state, so
   * a client connecting after its getState() misses nothing). Returns false when the hub is full.
   */
  attach(res: ServerResponse, hello?: ReadonlyArray<readonly [SseMessage, unknown]>): boolean;
  /** Sends to every client; a `state` equal to the last one sent is not sent again. */
  broadcast(message: SseMessage, payload: unknown): void;
  clientCount(): number;
  /** Ends every stream and stops the heartbeat. */
  close(): void;
}

export const DEFAULT_MAX_CLIENTS = 32;
export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** One SSE frame; JSON never contains a raw newline, so one `data:` line is enough. */
export function formatSseFrame(message: SseMessage, payload: unknown): string {
  return `event: ${message}\ndata: ${JSON.stringify(payload)}\n\n`;
}

interface Client {
  res: ServerResponse;
  /** The newest state frame, held while the socket is full; written when it drains. */
  dueState: string | null;
}

export function createSseHub(options: SseHubOptions = {}): SseHub {
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const clients = new Map<ServerResponse, Client>();
  let heartbeat: NodeJS.Timeout | null = null;
  let lastState: string | null = null;

  const drop = (res: ServerResponse): void => {
    clients.delete(res);
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const write = (client: Client, chunk: string, isState = false): void => {
    const { res } = client;
    if (res.writableEnded || res.destroyed) {
      drop(res);
      return;
    }
    if (res.writableNeedDrain) {
      if (isState) {
        client.dueState = chunk;
        return;
      }
      if (res.writableLength + chunk.length > maxBuffered) {
        // It does not read: let it go rather than hold ever more for it.
        drop(res);
        res.destroy();
        return;
      }
    }
    if (isState) client.dueState = null;
    res.write(chunk);
  };

  const ensureHeartbeat = (): void => {
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      // A full socket needs no keep-alive.
      for (const client of clients.values()) if (!client.res.writableNeedDrain) write(client, ': keep-alive\n\n');
    }, heartbeatMs);
    heartbeat.unref();
  };

  return {
    attach(res, hello = []) {
      if (clients.size >= maxClients) return false;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // Tells reverse proxies (nginx) not to buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      // The browser waits this long before reconnecting after the stream drops.
      res.write('retry: 3000\n\n');
      for (const [message, payload] of hello) res.write(formatSseFrame(message, payload));
      const client: Client = { res, dueState: null };
      clients.set(res, client);
      res.on('drain', () => {
        if (client.dueState !== null) write(client, client.dueState, true);
      });
      res.on('close', () => drop(res));
      res.on('error', () => drop(res));
      ensureHeartbeat();
      return true;
    },
    broadcast(message, payload) {
      const frame = formatSseFrame(message, payload);
      if (message === 'state') {
        if (frame === lastState) return;
        lastState = frame;
      }
      for (const client of [...clients.values()]) write(client, frame, message === 'state');
    },
    clientCount() {
      return clients.size;
    },
    close() {
      for (const res of clients.keys()) res.end();
      clients.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
  };
}

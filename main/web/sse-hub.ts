// Fans the core's pushes out to the browsers connected on /api/stream (Server-Sent Events).
import type { ServerResponse } from 'node:http';

/** The message names the browser bridge listens for; they mirror the IPC pushes of the desktop app. */
export const SSE_MESSAGES = ['state', 'event', 'settings', 'show'] as const;
export type SseMessage = (typeof SSE_MESSAGES)[number];

export interface SseHubOptions {
  /** Connections beyond this are refused (503), so a runaway page cannot exhaust the server. */
  maxClients?: number;
  /** A comment line every so often keeps proxies and the browser from timing the stream out. */
  heartbeatMs?: number;
}

export interface SseHub {
  /**
   * Takes over the response as an event stream; `hello` is written first (e.g. the current state, so
   * a client connecting after its getState() misses nothing). Returns false when the hub is full.
   */
  attach(res: ServerResponse, hello?: ReadonlyArray<readonly [SseMessage, unknown]>): boolean;
  broadcast(message: SseMessage, payload: unknown): void;
  clientCount(): number;
  /** Ends every stream and stops the heartbeat. */
  close(): void;
}

export const DEFAULT_MAX_CLIENTS = 32;
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** One SSE frame; JSON never contains a raw newline, so one `data:` line is enough. */
export function formatSseFrame(message: SseMessage, payload: unknown): string {
  return `event: ${message}\ndata: ${JSON.stringify(payload)}\n\n`;
}

export function createSseHub(options: SseHubOptions = {}): SseHub {
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const clients = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | null = null;

  const drop = (res: ServerResponse): void => {
    clients.delete(res);
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const write = (res: ServerResponse, chunk: string): void => {
    if (res.writableEnded || res.destroyed) {
      drop(res);
      return;
    }
    res.write(chunk);
  };

  const ensureHeartbeat = (): void => {
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      for (const res of clients) write(res, ': keep-alive\n\n');
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
      clients.add(res);
      res.on('close', () => drop(res));
      res.on('error', () => drop(res));
      ensureHeartbeat();
      return true;
    },
    broadcast(message, payload) {
      const frame = formatSseFrame(message, payload);
      for (const res of clients) write(res, frame);
    },
    clientCount() {
      return clients.size;
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
  };
}

// Test doubles for the dashboard: a status core driven by hand, and a tiny EventSource for Node
// (Node 20 has fetch but no EventSource).
import http from 'node:http';
import type { CoreUpdate, StatusSnapshot } from '../../../common/model';
import type { CoreListener, StatusService } from '../../../main/core/ports';
import type { EventSourceLike } from '../../../renderer/src/http-bridge';

export interface FakeStatus extends StatusService {
  push(update: CoreUpdate): void;
  refreshCount(): number;
  listenerCount(): number;
  started(): boolean;
}

export function createFakeStatus(initial: StatusSnapshot): FakeStatus {
  let snapshot = initial;
  let refreshes = 0;
  let running = false;
  const listeners = new Set<CoreListener>();
  return {
    async start() {
      running = true;
    },
    async stop() {
      running = false;
    },
    async refreshNow() {
      refreshes += 1;
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    push(update) {
      snapshot = update.snapshot;
      for (const listener of listeners) listener(update);
    },
    refreshCount: () => refreshes,
    listenerCount: () => listeners.size,
    started: () => running,
  };
}

export interface SseFrame {
  event: string;
  data: string;
}

/** Reads an SSE stream over plain HTTP and hands over each frame; `close()` ends the request. */
export function openSse(
  url: string,
  onFrame: (frame: SseFrame) => void,
  headers: Record<string, string> = {},
  /** Called once when the stream ends or cannot be opened (not after `close()`). */
  onEnd: () => void = () => undefined,
): { close(): void; response: Promise<http.IncomingMessage> } {
  let request: http.ClientRequest | null = null;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      resolve(res);
      res.on('end', end);
      res.on('close', end);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) onFrame({ event, data: data.join('\n') });
          end = buffer.indexOf('\n\n');
        }
      });
      res.on('error', () => undefined);
    });
    request.on('error', (error) => {
      end();
      reject(error);
    });
  });
  response.catch(() => undefined);
  return {
    close: () => {
      ended = true;
      (request as http.ClientRequest | null)?.destroy();
    },
    response,
  };
}

/**
 * An EventSource good enough for the bridge, over openSse: 'open' once the server answers,
 * 'error' when the stream ends. Unlike a browser it never retries (it is then CLOSED), which
 * leaves reconnecting to the bridge.
 */
export function nodeEventSource(url: string): EventSourceLike {
  const listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  const emit = (type: string, data = ''): void => {
    for (const listener of listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  };
  let readyState = 0;
  const stream = openSse(
    url,
    (frame) => emit(frame.event, frame.data),
    {},
    () => {
      readyState = 2;
      emit('error');
    },
  );
  stream.response.then(
    (res) => {
      if (res.statusCode === 200 && readyState === 0) {
        readyState = 1;
        emit('open');
      }
    },
    () => undefined,
  );
  return {
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    close: () => {
      readyState = 2;
      stream.close();
    },
    get readyState() {
      return readyState;
    },
  };
}

/** Resolves once `check` passes, polling briefly; fails with the last state otherwise. */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

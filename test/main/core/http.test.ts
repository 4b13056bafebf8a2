import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, parseRetryAfter, SourceError, USER_AGENT } from '../../../main/core/http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base: string;
let handler: Handler;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
});

function client(options: { timeoutMs?: number; maxBytes?: number; now?: () => Date } = {}) {
  return createHttpClient({ fetch: (url, init) => fetch(url, init), ...options });
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected a failure');
}

describe('createHttpClient', () => {
  it('asks for JSON with its own User-Agent and parses the body', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":{"indicator":"none"}}');
    };
    const result = await client().getJson(`${base}/api/v2/summary.json`);
    expect(result).toMatchObject({ body: { status: { indicator: 'none' } }, notModified: false });
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^gandi-status-tray\/\d+\.\d+\.\d+/);
  });

  it('revalidates with If-None-Match and reuses the cached body on 304', async () => {
    let version = 1;
    handler = (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag });
      res.end(JSON.stringify({ version }));
    };
    const http = client();
    const url = `${base}/etag`;
    expect(await http.getJson(url)).toMatchObject({ body: { version: 1 }, notModified: false });
    expect(seen[0]?.headers['if-none-match']).toBeUndefined();
    expect(await http.getJson(url)).toMatchObject({ body: { version: 1 }, notModified: true });
    expect(seen[1]?.headers['if-none-match']).toBe('"v1"');
    version = 2;
    expect(await http.getJson(url)).toMatchObject({ body: { version: 2 }, notModified: false });
  });

  it('revalidates with If-Modified-Since when the server gives Last-Modified', async () => {
    const lastModified = 'Wed, 15 Jan 2020 10:12:20 GMT';
    handler = (req, res) => {
      if (req.headers['if-modified-since'] === lastModified) {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'last-modified': lastModified });
      res.end('[1,2,3]');
    };
    const http = client();
    await http.getJson(`${base}/lm`);
    const second = await http.getJson(`${base}/lm`);
    expect(seen[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(second).toMatchObject({ body: [1, 2, 3], notModified: true });
  });

  it('keeps the cache per URL', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', etag: `"${req.url}"` });
      res.end(JSON.stringify(req.url));
    };
    const http = client();
    await http.getJson(`${base}/a`);
    await http.getJson(`${base}/b`);
    expect(seen[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('times out when the server never answers', async () => {
    handler = () => undefined;
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 300 }).getJson(`${base}/silent`));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe(`no answer from 127.0.0.1:${new URL(base).port} within 0.3 s`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls after the headers', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"page": ');
    };
    const error = await failure(client({ timeoutMs: 300 }).getJson(`${base}/stall`));
    expect(error.reason).toBe('timeout');
  });

  it('refuses a body announced larger than the cap, without reading it', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2048) });
      res.end('x'.repeat(2048));
    };
    const error = await failure(client({ maxBytes: 1024 }).getJson(`${base}/big`));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('127.0.0.1');
  });

  it('stops reading a streamed body once it passes the cap', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 200 && res.write(chunk)) sent += 1;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      pump();
    };
    const error = await failure(client({ maxBytes: 256 * 1024 }).getJson(`${base}/stream`));
    expect(error.reason).toBe('too-large');
  });

  it('rejects invalid JSON', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status": SUNNY}');
    };
    const error = await failure(client().getJson(`${base}/bad`));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects an HTML error page served as 200', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Bad gateway</body></html>');
    };
    const error = await failure(client().getJson(`${base}/html`));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/web page instead of JSON/);
  });

  it('reports HTTP errors with the status and the host', async () => {
    handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>oops</h1>');
    };
    const error = await failure(client().getJson(`${base}/err`));
    expect(error.reason).toBe('http');
    expect(error.status).toBe(500);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe(`127.0.0.1:${new URL(base).port} answered HTTP 500`);
  });

  it('reads Retry-After seconds on 429', async () => {
    handler = (_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    };
    const error = await failure(client().getJson(`${base}/busy`));
    expect(error).toMatchObject({ reason: 'http', status: 429, retryAfterMs: 120_000 });
  });

  it('reads a Retry-After date on 503', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    handler = (_req, res) => {
      res.writeHead(503, { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' });
      res.end();
    };
    const error = await failure(client({ now: () => now }).getJson(`${base}/down`));
    expect(error).toMatchObject({ reason: 'http', status: 503, retryAfterMs: 30_000 });
  });

  it('treats a body shorter than its Content-Length as cut short', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"status": "SUNNY"}');
      setTimeout(() => req.socket.destroy(), 20);
    };
    const error = await failure(client().getJson(`${base}/cut`));
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/cut short/);
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(client().getJson(`http://127.0.0.1:${port}/api/status`));
    expect(error.reason).toBe('network');
    expect(error.message).toBe(`could not reach 127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('does not keep a failed answer as the cached copy', async () => {
    let fail = false;
    handler = (req, res) => {
      if (fail) {
        res.writeHead(200, { 'content-type': 'application/json', etag: '"bad"' });
        res.end('not json');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: '"good"' });
      res.end('{"ok":true}');
    };
    const http = client();
    await http.getJson(`${base}/flaky`);
    fail = true;
    await failure(http.getJson(`${base}/flaky`));
    expect(seen[1]?.headers['if-none-match']).toBe('"good"');
    fail = false;
    await http.getJson(`${base}/flaky`);
    expect(seen[2]?.headers['if-none-match']).toBe('"good"');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it.each([
    [null, undefined],
    ['0', 0],
    ['5', 5000],
    [' 60 ', 60_000],
    ['Sun, 01 Mar 2026 12:01:00 GMT', 60_000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-3', undefined],
  ])('%j -> %j', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

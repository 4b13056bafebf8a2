// createSource and API detection over real HTTP (a local server serving the real fixtures).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, SourceError } from '../../../../main/core/http';
import { createSource } from '../../../../main/core/sources';
import { detectKind } from '../../../../main/core/sources/detect';
import { fixtureText } from './fixtures';

type Mode = 'statuspage' | 'legacy' | 'nothing' | 'html' | 'busy' | 'broken-summary' | 'other-json';

let server: Server;
let base: string;
let mode: Mode;
const requested: string[] = [];

const LEGACY: Record<string, string> = {
  '/api/status': 'gandi-legacy-status-stormy.json',
  '/api/services': 'gandi-legacy-services-paas-stormy.json',
  '/api/events?current=true': 'gandi-legacy-events-current-incident-paas.json',
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requested.push(path);
    const json = (name: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(fixtureText(name));
    };
    if (mode === 'busy') {
      res.writeHead(503, { 'retry-after': '30' });
      res.end();
    } else if (mode === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Status</title>');
    } else if (mode === 'broken-summary' && path === '/api/v2/summary.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"page": {"id": "xnm08yh10bv5",, ');
    } else if (mode === 'other-json' && path === '/api/v2/summary.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello": "world"}');
    } else if (mode === 'statuspage' && path === '/api/v2/summary.json') {
      json('statuspage-gandi-summary-major-outage-and-maintenances.json');
    } else if (mode === 'legacy' && LEGACY[path]) {
      json(LEGACY[path]);
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requested.length = 0;
});

const deps = () => ({
  http: createHttpClient({ fetch: (url, init) => fetch(url, init), timeoutMs: 2000 }),
  now: () => new Date('2014-10-08T00:00:00Z'),
});

describe('detectKind', () => {
  it('recognises a Statuspage page by its summary', async () => {
    mode = 'statuspage';
    expect(await detectKind(deps().http, base)).toBe('statuspage');
    expect(requested).toEqual(['/api/v2/summary.json']);
  });

  it("falls back to Gandi's legacy API when there is no summary", async () => {
    mode = 'legacy';
    expect(await detectKind(deps().http, base)).toBe('gandi-legacy');
    // The summary, the page, then the formats in their order until /api/status, within the bound.
    expect(requested).toEqual(['/api/v2/summary.json', '/', '/summary.json', '/index.json', '/api/status']);
  });

  it.each<[Mode, RegExp]>([
    ['nothing', /answers like no status page format read here \(\/api\/v2\/summary\.json: HTTP 404, the page: HTTP 404, .*; no feed link found\)/],
    ['other-json', /answers like no status page format read here \(\/api\/v2\/summary\.json: JSON of another shape, .*; no feed link found\)/],
    ['broken-summary', /answers like no status page format read here \(\/api\/v2\/summary\.json: broken JSON, .*\)/],
    // A web page at every path is reported as such, not as "another format".
    ['html', /sent a web page instead of JSON to every known API path; no feed link found/],
  ])('refuses a page that speaks neither (%s)', async (m, message) => {
    mode = m;
    const error = await detectKind(deps().http, base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ reason: 'invalid' });
    expect((error as SourceError).message).toMatch(message);
  });

  it('does not guess past a busy server', async () => {
    mode = 'busy';
    await expect(detectKind(deps().http, base)).rejects.toMatchObject({ reason: 'http', status: 503, retryAfterMs: 30_000 });
    expect(requested).toEqual(['/api/v2/summary.json']);
  });
});

describe('createSource', () => {
  it('detects once, then remembers', async () => {
    mode = 'legacy';
    const source = createSource({ url: `${base}/`, kind: 'auto' }, deps());
    expect(source.url).toBe(base);
    expect(source.kind).toBe('statuspage');
    const first = await source.fetchSnapshot(null);
    expect(source.kind).toBe('gandi-legacy');
    expect(first).toMatchObject({ kind: 'gandi-legacy', overall: 'major_outage', name: new URL(base).host });
    requested.length = 0;
    await source.fetchSnapshot(first);
    expect(requested).not.toContain('/api/v2/summary.json');
  });

  it('detects again when the page stops answering like the detected API', async () => {
    mode = 'legacy';
    const source = createSource({ url: base }, deps());
    await source.fetchSnapshot(null);
    mode = 'statuspage';
    // One wrong answer may be a hiccup: detected again only after a few in a row.
    for (let poll = 0; poll < 3; poll += 1) {
      await expect(source.fetchSnapshot(null)).rejects.toMatchObject({ reason: 'http', status: 404 });
    }
    const snapshot = await source.fetchSnapshot(null);
    expect(snapshot).toMatchObject({ kind: 'statuspage', name: 'Gandi.net Status', overall: 'major_outage' });
    expect(source.kind).toBe('statuspage');
  });

  it('uses the configured kind without probing', async () => {
    mode = 'statuspage';
    const source = createSource({ url: base, kind: 'statuspage' }, deps());
    const snapshot = await source.fetchSnapshot(null);
    expect(snapshot.services.length).toBeGreaterThan(0);
    expect(requested).toEqual(['/api/v2/summary.json']);
  });

  it.each(['not a url', 'ftp://status.gandi.net', 'file:///etc/passwd'])('refuses %j at once', (url) => {
    expect(() => createSource({ url }, deps())).toThrow(SourceError);
  });

  it('strips the query and trailing slashes from the base URL', () => {
    expect(createSource({ url: 'https://status.gandi.net///?x=1#top' }, deps()).url).toBe('https://status.gandi.net');
  });
});

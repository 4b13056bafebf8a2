// The example documents of every format (test/fixtures/providers, copied from the shared set, and
// test/fixtures/feeds), and a local server that serves one page's documents at their real paths.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceKind } from '../../../../common/model';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROVIDERS_DIR = path.resolve(here, '../../../fixtures/providers');
export const FEEDS_DIR = path.resolve(here, '../../../fixtures/feeds');
const REAL_DIR = path.resolve(here, '../../../fixtures/real');

/** When the shared scenario's documents were fetched. */
export const FETCHED_AT = new Date('2026-03-12T10:02:00Z');

export function providerText(name: string): string {
  return readFileSync(path.join(PROVIDERS_DIR, name), 'utf8');
}
export function provider(name: string): unknown {
  return JSON.parse(providerText(name)) as unknown;
}
export function feedText(name: string): string {
  return readFileSync(path.join(FEEDS_DIR, name), 'utf8');
}

export const STATUSIO_PAGE_ID = '5f3c9a1e2b7d4c0012ab34cd';

interface Document {
  /** File under PROVIDERS_DIR, FEEDS_DIR (`feeds/...`) or the real fixtures (`real/...`), or a literal body. */
  file?: string;
  body?: (base: string) => string;
  type?: string;
}

/** One status page: its documents by path (with query), and what it answers elsewhere. */
export interface Site {
  /** The format the page speaks. */
  kind: SourceKind;
  /** The address a user would paste, relative to the server (often ''). */
  entry: string;
  documents: Record<string, Document>;
  /** Better Stack answers every other path with its page: 200 and HTML. */
  htmlEverywhere?: boolean;
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';
const html = (body: string) => `<!doctype html><html><head><title>Acme Cloud status</title></head><body>${body}</body></html>`;

export const SITES: Record<string, Site> = {
  'incident-io': {
    kind: 'incident-io',
    entry: '',
    documents: {
      '/api/v2/summary.json': { file: 'incident-io/api_v2_summary.json' },
      '/api/v2/components.json': { file: 'incident-io/api_v2_components.json' },
      '/api/v2/incidents.json': { file: 'incident-io/api_v2_incidents.json' },
      '/api/v1/summary': { file: 'incident-io/api_v1_summary.widget.json' },
      '/proxy/status.acme.example': { file: 'incident-io/proxy_host.json' },
      '/proxy/status.acme.example/incidents': { file: 'incident-io/proxy_host_incidents.json' },
    },
  },
  instatus: {
    kind: 'instatus',
    entry: '',
    documents: {
      '/': { body: () => html('<div id="__next"></div><script src="https://instatus.com/widget.js"></script>'), type: HTML_TYPE },
      '/summary.json': { file: 'instatus/summary.json' },
      '/v2/components.json': { file: 'instatus/v2_components.json' },
      '/api/v2/components.json': { file: 'instatus/api_v2_components.nested-variant.json' },
    },
  },
  'instatus-no-hint': {
    kind: 'instatus',
    entry: '',
    documents: {
      '/summary.json': { file: 'instatus/summary.json' },
      '/v2/components.json': { file: 'instatus/v2_components.json' },
    },
  },
  betterstack: {
    kind: 'betterstack',
    entry: '',
    htmlEverywhere: true,
    documents: { '/index.json': { file: 'betterstack/index.json' } },
  },
  cachet2: {
    kind: 'cachet',
    entry: '',
    documents: {
      '/': { body: () => html('<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer><link rel="alternate" type="application/atom+xml" href="/atom">'), type: HTML_TYPE },
      '/api/v1/ping': { file: 'cachet/v2/api_v1_ping.json' },
      '/api/v1/status': { file: 'cachet/v2/api_v1_status.json' },
      '/api/v1/components?per_page=100&page=1': { file: 'cachet/v2/api_v1_components.json' },
      '/api/v1/components/groups?per_page=100': { file: 'cachet/v2/api_v1_components_groups.json' },
      '/api/v1/incidents?per_page=50&sort=id&order=desc': { file: 'cachet/v2/api_v1_incidents.json' },
      '/api/v1/incidents/12/updates': { file: 'cachet/v2/api_v1_incidents_12_updates.json' },
      '/api/v1/schedules?per_page=50&sort=id&order=desc': { file: 'cachet/v2/api_v1_schedules.json' },
    },
  },
  'cachet2-no-hint': {
    kind: 'cachet',
    entry: '',
    documents: {
      '/api/v1/ping': { file: 'cachet/v2/api_v1_ping.json' },
    },
  },
  cachet3: {
    kind: 'cachet',
    entry: '',
    documents: {
      '/api/ping': { file: 'cachet/v3/api_ping.json' },
      '/api/status': { file: 'cachet/v3/api_status.json' },
      '/api/components?per_page=100': { file: 'cachet/v3/api_components.json' },
      '/api/component-groups?include=components&per_page=100': { file: 'cachet/v3/api_component-groups.include_components.json' },
      '/api/incidents?include=updates&per_page=50&sort=-id': { file: 'cachet/v3/api_incidents.include_updates.json' },
      '/api/schedules?include=components&per_page=50&sort=-id': { file: 'cachet/v3/api_schedules.include_components.json' },
    },
  },
  statusio: {
    kind: 'statusio',
    entry: '',
    documents: {
      // The page links its API on its own origin (as the simulator does; real pages link api.status.io).
      '/': { body: (base) => html(`<script>var statuspage_id = "${STATUSIO_PAGE_ID}"; fetch("${base}/1.0/status/${STATUSIO_PAGE_ID}")</script>`), type: HTML_TYPE },
      [`/1.0/status/${STATUSIO_PAGE_ID}`]: { file: `statusio/1.0_status_${STATUSIO_PAGE_ID}.json` },
    },
  },
  'feed-atom': {
    kind: 'feed',
    entry: '',
    documents: {
      '/': { body: () => html('').replace('</head>', '<link rel="alternate" type="application/atom+xml" title="Acme" href="/history.atom"></head>'), type: HTML_TYPE },
      '/history.atom': { file: 'feeds/statuspage-history.atom', type: 'application/atom+xml' },
    },
  },
  'feed-rss': {
    kind: 'feed',
    entry: '/feed.rss',
    documents: { '/feed.rss': { file: 'feeds/status-rss.xml', type: 'application/rss+xml' } },
  },
  statuspage: {
    kind: 'statuspage',
    entry: '',
    documents: { '/api/v2/summary.json': { file: 'real/statuspage-gandi-summary-major-outage-and-maintenances.json' } },
  },
  'statuspage-github': {
    kind: 'statuspage',
    entry: '',
    documents: { '/api/v2/summary.json': { file: 'real/statuspage-github-summary-major-incident-investigating.json' } },
  },
  'gandi-legacy': {
    kind: 'gandi-legacy',
    entry: '',
    documents: { '/api/status': { file: 'real/gandi-legacy-status-foggy.json' } },
  },
};

function read(file: string): string {
  if (file.startsWith('feeds/')) return feedText(file.slice('feeds/'.length));
  if (file.startsWith('real/')) return readFileSync(path.join(REAL_DIR, file.slice('real/'.length)), 'utf8');
  return providerText(file);
}

export interface SiteServer {
  base: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `site` on 127.0.0.1: its documents at their paths, 404 (or Better Stack's page) elsewhere. */
export async function serveSite(site: Site): Promise<SiteServer> {
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const document = site.documents[url];
    if (document) {
      const body = document.body ? document.body(base) : read(document.file ?? '');
      res.writeHead(200, { 'content-type': document.type ?? JSON_TYPE });
      res.end(body);
    } else if (site.htmlEverywhere) {
      res.writeHead(200, { 'content-type': HTML_TYPE });
      res.end(html('<div id="app"></div>'));
    } else {
      res.writeHead(404, { 'content-type': JSON_TYPE });
      res.end('{"error":"Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

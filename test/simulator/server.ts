// A local status server that speaks both of Gandi's APIs (Statuspage v2 and the legacy baobab API) at once,
// and every other format read under its own prefix (formats.ts: /incident-io, /instatus, /betterstack,
// /cachet2, /cachet3, /statusio, /feed), with scenarios switched at run time. Used by the tests and by
// `npm run simulate`.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRealDocuments, type RealDocuments } from './fixtures';
import { DEFAULT_HUGE_BYTES, DEFAULT_STALL_MS, serveFault } from './faults';
import { LegacyView, parseEventFilter } from './legacy';
import { htmlPage, StatuspageView } from './statuspage';
import { FORMAT_PREFIXES, FormatViews, type FormatPrefix } from './formats';
import { isScenarioName, SCENARIOS, type ScenarioName } from './scenarios';
import { ScenarioRunner, type ScenarioState } from './runner';
import { RequestLog } from './request-log';

export { RequestLog, type SimRequest } from './request-log';
export { SCENARIOS, type ScenarioName } from './scenarios';
export type { ScenarioState } from './runner';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  scenario?: ScenarioName;
  /** Clock for every time the documents carry (incident updates, Last-Modified). */
  now?: () => Date;
  /** How long the `stall` fault holds a request before hanging up (default 20 s). */
  stallMs?: number;
  /** Size of the `huge` fault's body (default 10 MB). */
  hugeBytes?: number;
  /** Advance the scenario one step every N seconds (off by default). */
  stepSeconds?: number;
}

export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  setScenario(name: ScenarioName): void;
  /** Advances the scenario's story one step; false when it was already at its end. */
  step(): boolean;
  state(): ScenarioState;
  /** Every non-control request answered, in order. */
  requests: RequestLog;
  close(): Promise<void>;
}

interface Rendered {
  status: number;
  type: string;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

function json(status: number, value: unknown): Rendered {
  return { status, type: JSON_TYPE, body: JSON.stringify(value) };
}

function render(pathname: string, query: URLSearchParams, runner: ScenarioRunner, real: RealDocuments, baseUrl: string): Rendered {
  const world = runner.world();
  const statuspage = new StatuspageView(world, real, baseUrl);
  const legacy = new LegacyView(world, real);
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;

  // Every other format, under its own prefix (/instatus, /cachet2, ...): the same story.
  const prefix = FORMAT_PREFIXES.find((name) => path === `/${name}` || path.startsWith(`/${name}/`));
  if (prefix) return new FormatViews(world, real, baseUrl).render(prefix as FormatPrefix, path.slice(prefix.length + 1)) ?? json(404, { error: 'Not Found' });

  const v2 = statuspage.document(path);
  if (v2) return json(200, v2);

  const incidentPage = /^\/incidents\/([a-z0-9]+)$/.exec(path);
  if (incidentPage?.[1]) {
    const html = statuspage.eventPage(incidentPage[1]);
    return html ? { status: 200, type: HTML_TYPE, body: html } : json(404, { error: 'Not Found' });
  }

  const legacyEvent = /^\/(api\/events|timeline\/events)\/(\d+)$/.exec(path);
  if (legacyEvent?.[2]) {
    const id = Number(legacyEvent[2]);
    if (legacyEvent[1] === 'api/events') {
      const detail = legacy.eventDetail(id);
      return detail ? json(200, detail) : json(404, { error: 'Not Found' });
    }
    const html = legacy.eventPage(id);
    return html ? { status: 200, type: HTML_TYPE, body: html } : json(404, { error: 'Not Found' });
  }

  switch (path) {
    case '/':
      return { status: 200, type: HTML_TYPE, body: htmlPage(String(real.page.name), indexBody()) };
    case '/api':
      return json(200, real.legacyApiIndex);
    case '/api/status':
      return json(200, legacy.status());
    case '/api/status/schema':
      return json(200, real.legacyStatusSchema);
    case '/api/services':
      return json(200, legacy.services());
    case '/api/events': {
      const filter = parseEventFilter(query, real.legacyServices.map((s) => s.name));
      return typeof filter === 'string' ? json(400, { error: filter }) : json(200, legacy.eventList(filter));
    }
    default:
      return json(404, { error: 'Not Found' });
  }
}

function indexBody(): string {
  return `<h1>Gandi status simulator</h1>
<p>Statuspage v2: <a href="/api/v2/summary.json">summary.json</a>, <a href="/api/v2/incidents.json">incidents.json</a>,
<a href="/api/v2/scheduled-maintenances.json">scheduled-maintenances.json</a>.
Legacy: <a href="/api/status">/api/status</a>, <a href="/api/services">/api/services</a>, <a href="/api/events?current=true">/api/events?current=true</a>.</p>
<p>The same page in every other format (add these addresses as status pages): ${FORMAT_PREFIXES.map((p) => `<a href="/${p}">/${p}</a>`).join(', ')}.</p>
<p>Scenarios: ${SCENARIOS.join(', ')}. Switch with <code>POST /__control/scenario {"name": "..."}</code>,
advance with <code>POST /__control/step</code>, see <a href="/__control/state">/__control/state</a>.</p>`;
}

function entityTag(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

function tagMatches(header: string, etag: string): boolean {
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === etag);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new Error('control request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function scenarioNameFrom(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date());
  const real = loadRealDocuments();
  const runner = new ScenarioRunner(now, options.scenario ?? 'all-clear');
  const requests = new RequestLog();
  const timers = new Set<NodeJS.Timeout>();
  // Per document (path + query): the body's tag and when the body last changed.
  const validators = new Map<string, { etag: string; lastModified: number }>();
  let baseUrl = '';

  const send = (res: ServerResponse, req: IncomingMessage, rendered: Rendered, headers: Record<string, string> = {}): void => {
    res.writeHead(rendered.status, {
      'Content-Type': rendered.type,
      'Content-Length': String(Buffer.byteLength(rendered.body)),
      'Cache-Control': 'no-cache',
      // The server's clock is the simulator's, injected or not.
      Date: now().toUTCString(),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : rendered.body);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname === '/__control/state') return send(res, req, json(200, runner.state()));
    if (url.pathname === '/__control/step') {
      const advanced = runner.step();
      return send(res, req, json(200, { advanced, ...runner.state() }));
    }
    if (url.pathname === '/__control/scenario') {
      const name = url.searchParams.get('name') ?? (req.method === 'POST' ? scenarioNameFrom(await readBody(req, 10_000)) : undefined);
      if (name === undefined && req.method === 'GET') return send(res, req, json(200, runner.state()));
      if (!isScenarioName(name)) {
        return send(res, req, json(400, { error: `unknown scenario: ${String(name)}`, scenarios: SCENARIOS }));
      }
      runner.set(name);
      return send(res, req, json(200, runner.state()));
    }
    return send(res, req, json(404, { error: 'Not Found' }));
  };

  const serve = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const ifModifiedSince = req.headers['if-modified-since'] ?? null;
    const entry = (status: number, etag: string | null): void =>
      requests.add({
        at: now().toISOString(),
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        status,
        scenario: runner.name,
        ifNoneMatch,
        ifModifiedSince,
        etag,
      });

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      entry(405, null);
      return send(res, req, json(405, { error: 'Method Not Allowed' }), { Allow: 'GET, HEAD' });
    }
    const rendered = render(url.pathname, url.searchParams, runner, real, baseUrl);
    const fault = runner.fault;
    if (fault) {
      const status = serveFault(fault, req, res, {
        normalBody: rendered.status === 200 ? rendered.body : null,
        stallMs: options.stallMs ?? DEFAULT_STALL_MS,
        hugeBytes: options.hugeBytes ?? DEFAULT_HUGE_BYTES,
        trackTimer: (timer) => {
          timers.add(timer);
          timer.unref();
        },
      });
      return entry(status, null);
    }
    if (rendered.status !== 200) {
      entry(rendered.status, null);
      return send(res, req, rendered);
    }

    const key = url.pathname + url.search;
    const etag = entityTag(rendered.body);
    let validator = validators.get(key);
    if (!validator || validator.etag !== etag) {
      // HTTP dates count whole seconds: a change within the same second still gets a later date.
      const second = Math.floor(now().getTime() / 1000) * 1000;
      validator = { etag, lastModified: validator ? Math.max(second, validator.lastModified + 1000) : second };
      validators.set(key, validator);
    }
    const lastModified = new Date(validator.lastModified).toUTCString();
    const since = typeof ifModifiedSince === 'string' ? Date.parse(ifModifiedSince) : NaN;
    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
    const notModified =
      typeof ifNoneMatch === 'string' ? tagMatches(ifNoneMatch, etag) : !Number.isNaN(since) && validator.lastModified <= since;
    const headers = { ETag: etag, 'Last-Modified': lastModified };
    if (notModified) {
      entry(304, etag);
      res.writeHead(304, { ...headers, 'Cache-Control': 'no-cache', Date: now().toUTCString() });
      res.end();
      return;
    }
    entry(200, etag);
    send(res, req, rendered, headers);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__control/')) {
      control(req, res, url).catch((error: unknown) => {
        if (!res.headersSent) send(res, req, json(400, { error: error instanceof Error ? error.message : String(error) }));
      });
      return;
    }
    serve(req, res, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  let stepper: NodeJS.Timeout | null = null;
  if (options.stepSeconds !== undefined && options.stepSeconds > 0) {
    stepper = setInterval(() => runner.step(), options.stepSeconds * 1000);
  }

  return {
    url: baseUrl,
    port,
    setScenario: (name) => runner.set(name),
    step: () => runner.step(),
    state: () => runner.state(),
    requests,
    close: async () => {
      if (stepper) clearInterval(stepper);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

// A local Gandi API v5 (127.0.0.1 only) for the account checks: the endpoints they read, with the
// shapes of test/fixtures/gandi-api-v5, Bearer tokens each with its permissions (401 for an unknown
// one, 403 per permission), pagination with Total-Count and Link, and faults and scenarios switched
// at run time.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNT_CHECKS, type AccountCheck } from '../../common/account';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/gandi-api-v5');
/** "Now" of every date in the fixtures (SOURCES.md). */
export const FIXTURE_NOW = new Date('2026-12-01T12:00:00Z');

export function gandiFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
}

export const GANDI_SCENARIOS = ['fixtures', 'all-fine', 'many', 'hostile'] as const;
export type GandiScenario = (typeof GANDI_SCENARIOS)[number];

/** A fault served instead of the answer, to requests whose path starts with `path` (all when absent). */
export interface GandiFault {
  kind: '429' | '429-retry-after' | '500' | '403-not-json' | 'not-json';
  path?: string;
  /** How many requests get it (then answers are normal again); every one when absent. */
  times?: number;
}

export const SIM_TOKENS = {
  /** Every read permission. */
  all: 'sim-pat-0123456789abcdef-all',
  /** Every permission but billing. */
  noBilling: 'sim-pat-0123456789abcdef-nobill',
  /** Domains only (no LiveDNS, mail, billing, hosting, certificates). */
  domainsOnly: 'sim-pat-0123456789abcdef-dom',
} as const;

const DEFAULT_TOKENS: Record<string, readonly AccountCheck[]> = {
  [SIM_TOKENS.all]: ACCOUNT_CHECKS,
  [SIM_TOKENS.noBilling]: ACCOUNT_CHECKS.filter((check) => check !== 'credit'),
  [SIM_TOKENS.domainsOnly]: ['token', 'domains'],
};

/** Which permission (named by the check needing it) each API section asks for. */
const SECTION_PERMISSION: Record<string, AccountCheck> = {
  organization: 'token',
  domain: 'domains',
  livedns: 'dns',
  email: 'mailboxes',
  billing: 'credit',
  simplehosting: 'hosting',
  certificate: 'certificates',
};

export interface GandiApiSimulatorOptions {
  port?: number;
  scenario?: GandiScenario;
  /** Tokens and what each permits (default: SIM_TOKENS). */
  tokens?: Record<string, readonly AccountCheck[]>;
  /** The fixtures' dates are moved by (now - FIXTURE_NOW): pass the real clock to use them live. */
  now?: () => Date;
}

export interface GandiRequest {
  method: string;
  path: string;
  query: string;
  authorization: string | null;
}

export interface GandiApiSimulator {
  /** The API base, e.g. http://127.0.0.1:41234/v5/ (what GANDI_API_URL takes). */
  url: string;
  setScenario(name: GandiScenario): void;
  setFault(fault: GandiFault | null): void;
  requests: GandiRequest[];
  close(): Promise<void>;
}

interface World {
  userInfo: unknown;
  domains: Record<string, unknown>[];
  snapshots: Record<string, Record<string, unknown>[]>;
  mailboxes: Record<string, unknown[]>;
  slots: Record<string, unknown>[];
  billing: unknown;
  instances: unknown[];
  certificates: unknown[];
}

const fx = {
  domains: (): Record<string, unknown>[] => gandiFixture('domain_domains_list.json') as Record<string, unknown>[],
  snapshots: (): Record<string, unknown>[] => gandiFixture('livedns_domain_snapshots.json') as Record<string, unknown>[],
  mailboxes: (): Record<string, unknown>[] => gandiFixture('email_mailboxes_list.json') as Record<string, unknown>[],
  instances: (): Record<string, unknown>[] => gandiFixture('simplehosting_instances_list.json') as Record<string, unknown>[],
  certificates: (): Record<string, unknown>[] => gandiFixture('certificate_issued_certs_list.json') as Record<string, unknown>[],
};

function fixturesWorld(): World {
  return {
    userInfo: gandiFixture('organization_user_info.json'),
    domains: fx.domains(),
    snapshots: { 'example-shop.fr': fx.snapshots() },
    mailboxes: { 'example-shop.fr': fx.mailboxes() },
    slots: gandiFixture('email_slots.json') as Record<string, unknown>[],
    billing: gandiFixture('billing_info.json'),
    instances: fx.instances(),
    certificates: fx.certificates(),
  };
}

/** Everything renewed, paid and running; the zone unchanged for a month. */
function allFineWorld(): World {
  const world = fixturesWorld();
  world.domains = world.domains.map((domain) => ({
    ...domain,
    status: [],
    autorenew: true,
    dates: { ...(domain.dates as object), registry_ends_at: '2027-09-14T12:00:00Z' },
  }));
  world.snapshots = { 'example-shop.fr': fx.snapshots().map((snapshot) => ({ ...snapshot, created_at: '2026-11-01T10:00:00Z' })) };
  world.mailboxes = { 'example-shop.fr': fx.mailboxes().map((mailbox) => ({ ...mailbox, quota_used: 1024 })) };
  world.billing = { ...(gandiFixture('billing_info.json') as object), prepaid: { amount: 120, currency: 'EUR', warning_threshold: 20 } };
  world.instances = fx.instances().map((instance) => ({ ...instance, status: 'active', expire_at: '2027-06-30T12:00:00Z' }));
  world.certificates = fx.certificates()
    .filter((certificate) => certificate.status === 'valid')
    .map((certificate) => ({ ...certificate, dates: { ...(certificate.dates as object), ends_at: '2027-10-22T12:00:00Z' } }));
  return world;
}

/** 200 domains on LiveDNS, 50 mailboxes over 10 of them: the bound of a run's requests. */
function manyWorld(): World {
  const world = allFineWorld();
  const [template] = world.domains;
  world.domains = Array.from({ length: 200 }, (_, index) => ({ ...template, fqdn: `site-${String(index).padStart(3, '0')}.fr`, fqdn_unicode: `site-${index}.fr`, nameserver: { current: 'livedns' } }));
  world.snapshots = {};
  world.mailboxes = {};
  const [mailbox] = fx.mailboxes();
  for (let index = 0; index < 50; index += 1) {
    const domain = `site-${String(index % 10).padStart(3, '0')}.fr`;
    (world.mailboxes[domain] ??= []).push({ ...mailbox, domain, login: `box${index}`, address: `box${index}@${domain}`, quota_used: 1024 });
  }
  return world;
}

/** An API that sends what it should not: transfer codes, control characters, the token echoed in a name. */
function hostileWorld(echo: string): World {
  const world = fixturesWorld();
  world.domains = world.domains.map((domain) => ({ ...domain, authinfo: 'NOT-A-REAL-AUTHCODE' }));
  world.userInfo = { ...(world.userInfo as object), name: `alice\u202e\u0007 ${echo}` };
  return world;
}

function worldFor(scenario: GandiScenario, echo: string): World {
  switch (scenario) {
    case 'fixtures':
      return fixturesWorld();
    case 'all-fine':
      return allFineWorld();
    case 'many':
      return manyWorld();
    case 'hostile':
      return hostileWorld(echo);
  }
}

/** Every ISO date in a body moved by `shiftMs`. */
function shiftDates(text: string, shiftMs: number): string {
  if (shiftMs === 0) return text;
  return text.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g, (_, iso: string) => `"${new Date(Date.parse(iso) + shiftMs).toISOString()}"`);
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } };
}

const ERRORS = {
  401: (): Answer => json(401, gandiFixture('error_401.json')),
  403: (): Answer => json(403, gandiFixture('error_403.json')),
  404: (): Answer => json(404, gandiFixture('error_404.json')),
};

function page(items: readonly unknown[], query: URLSearchParams, selfUrl: URL): Answer {
  const perPage = Math.max(1, Number(query.get('per_page') ?? '100') || 100);
  const pageNumber = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = { 'total-count': String(items.length) };
  const link = (n: number): string => {
    const url = new URL(selfUrl.href);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return url.href;
  };
  if (pageNumber < last) headers.link = `<${link(pageNumber + 1)}>; rel="next", <${link(last)}>; rel="last"`;
  return json(200, items.slice((pageNumber - 1) * perPage, pageNumber * perPage), headers);
}

function route(world: World, apiPath: string, query: URLSearchParams, selfUrl: URL): Answer {
  const parts = apiPath.split('/').filter(Boolean).map(decodeURIComponent);
  const known = (fqdn: string | undefined): boolean => world.domains.some((domain) => domain.fqdn === fqdn);
  const [section, kind, name, sub] = parts;
  if (apiPath === 'organization/user-info') return json(200, world.userInfo);
  if (apiPath === 'domain/domains') return page(world.domains, query, selfUrl);
  if (section === 'livedns' && kind === 'domains' && sub === 'snapshots' && parts.length === 4) {
    const domain = world.domains.find((candidate) => candidate.fqdn === name);
    if (!domain || (domain.nameserver as { current?: string } | undefined)?.current !== 'livedns') return ERRORS[404]();
    let snapshots = world.snapshots[name ?? ''] ?? [];
    if (query.has('automatic')) snapshots = snapshots.filter((snapshot) => snapshot.automatic === (query.get('automatic') === 'true'));
    const newestFirst = query.get('sort_by') === '-date_created';
    snapshots = [...snapshots].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) * (newestFirst ? -1 : 1));
    return page(snapshots, query, selfUrl);
  }
  if (section === 'email' && kind === 'mailboxes' && parts.length === 3) return known(name) ? page(world.mailboxes[name ?? ''] ?? [], query, selfUrl) : ERRORS[404]();
  if (section === 'email' && kind === 'slots' && parts.length === 3) return known(name) ? page(world.slots, query, selfUrl) : ERRORS[404]();
  if (apiPath === 'billing/info') return json(200, world.billing);
  if (apiPath === 'simplehosting/instances') return page(world.instances, query, selfUrl);
  if (apiPath === 'certificate/issued-certs') return page(world.certificates, query, selfUrl);
  return ERRORS[404]();
}

function faultAnswer(fault: GandiFault): Answer {
  switch (fault.kind) {
    case '429':
      return json(429, { code: 429, message: 'Too Many Requests', object: 'HTTPTooManyRequests', cause: 'Too Many Requests' });
    case '429-retry-after':
      return json(429, { code: 429, message: 'Too Many Requests' }, { 'retry-after': '1' });
    case '500':
      return json(500, { code: 500, message: 'Internal Server Error' });
    case '403-not-json':
      return { status: 403, body: 'Response body is not json for status 403', headers: { 'content-type': 'text/plain' } };
    case 'not-json':
      return { status: 200, body: '<html><body>Maintenance</body></html>', headers: { 'content-type': 'text/html' } };
  }
}

export async function startGandiApiSimulator(options: GandiApiSimulatorOptions = {}): Promise<GandiApiSimulator> {
  const tokens = options.tokens ?? DEFAULT_TOKENS;
  const now = options.now ?? (() => FIXTURE_NOW);
  let scenario: GandiScenario = options.scenario ?? 'fixtures';
  let fault: (GandiFault & { left: number }) | null = null;
  const requests: GandiRequest[] = [];

  function answer(request: IncomingMessage, url: URL): Answer {
    if (request.method !== 'GET') return json(405, { code: 405, message: 'Method Not Allowed' });
    if (!url.pathname.startsWith('/v5/')) return ERRORS[404]();
    const apiPath = url.pathname.slice('/v5/'.length).replace(/\/+$/, '');
    const authorization = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    const permits = token === undefined ? undefined : tokens[token];
    if (permits === undefined) return ERRORS[401]();
    if (fault && (fault.path === undefined || apiPath.startsWith(fault.path)) && fault.left > 0) {
      fault.left -= 1;
      return faultAnswer(fault);
    }
    const needs = SECTION_PERMISSION[apiPath.split('/')[0] ?? ''];
    if (needs !== undefined && !permits.includes(needs)) return ERRORS[403]();
    const echo = token ?? '';
    const served = route(worldFor(scenario, echo), apiPath, url.searchParams, url);
    return { ...served, body: shiftDates(served.body, now().getTime() - FIXTURE_NOW.getTime()) };
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    requests.push({ method: request.method ?? '', path: url.pathname, query: url.search, authorization: request.headers.authorization ?? null });
    const served = answer(request, url);
    response.writeHead(served.status, { ...served.headers, 'content-length': Buffer.byteLength(served.body) });
    response.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v5/`,
    setScenario: (name) => {
      scenario = name;
    },
    setFault: (next) => {
      fault = next === null ? null : { ...next, left: next.times ?? Number.POSITIVE_INFINITY };
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

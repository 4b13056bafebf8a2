// A read-only client of Gandi's API v5: GET only, a Bearer token, pagination followed to a bound,
// 429 and 5xx waited out a few times, every answer checked against its schema, and a budget of
// requests per run. The token goes into one header and nowhere else: no message, no error, no URL.
import type { z } from 'zod';
import type { Clock, FetchLike } from '../ports';
import { parseRetryAfter, USER_AGENT } from '../http';
import { cleanRemoteLine } from '../../../common/remote-text';
import { clip } from '../../../common/limits';

export const GANDI_API_BASE = 'https://api.gandi.net/v5/';

/**
 * The API base: Gandi's, unless `GANDI_API_URL` names another (for tests and the simulator only; it
 * is the one way to change it, so no setting can send the token elsewhere).
 */
export function gandiApiBase(env: Record<string, string | undefined>): string {
  const override = env.GANDI_API_URL?.trim();
  if (!override) return GANDI_API_BASE;
  let parsed: URL;
  try {
    parsed = new URL(override);
  } catch {
    throw new Error('GANDI_API_URL is not an address');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('GANDI_API_URL must be http(s)');
  if (parsed.username || parsed.password) throw new Error('GANDI_API_URL must not hold credentials');
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

export const API_FAILURES = ['unauthorized', 'forbidden', 'not-found', 'unreachable', 'unexpected', 'budget'] as const;
export type ApiFailureKind = (typeof API_FAILURES)[number];

/** Any failure to get an answer. `message` and `detail` never hold the token (they are built without it). */
export class GandiApiError extends Error {
  override readonly name = 'GandiApiError';
  constructor(
    readonly kind: ApiFailureKind,
    /** Words said the same in every language: "HTTP 503", "ECONNREFUSED", "items[3].fqdn". */
    readonly detail: string | null,
    /** The path asked, without the base (no query). */
    readonly path: string,
  ) {
    super(`${path}: ${kind}${detail === null ? '' : ` (${detail})`}`);
  }
}

export interface GandiApiOptions {
  token: string;
  fetch: FetchLike;
  base?: string;
  now?: Clock;
  /** Waits (tests pass a fake that does not). */
  sleep?: (ms: number) => Promise<void>;
  /** Most requests one run may make, retries included. */
  maxRequests?: number;
  /** Most pages read of one collection. */
  maxPages?: number;
  perPage?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Retries of one request after a 429 or 5xx. */
  retries?: number;
  /** Least time between two requests, so a run stays well under Gandi's 1000 requests a minute. */
  minIntervalMs?: number;
}

export const DEFAULT_LIMITS = {
  maxRequests: 500,
  maxPages: 10,
  perPage: 100,
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  retries: 3,
  /** 10 a second at most: 600 a minute, the worst case of a run taking under a minute. */
  minIntervalMs: 100,
  /** A Retry-After longer than this is not waited for: the check is said unreachable instead. */
  maxWaitMs: 60_000,
  firstBackoffMs: 2_000,
} as const;

export interface GandiApi {
  /** One document. Throws GandiApiError. */
  get<T>(path: string, schema: z.ZodType<T>, query?: Record<string, string>): Promise<T>;
  /** Every page of a collection (up to the page bound); `total` from Total-Count when given. */
  getAll<T>(path: string, itemSchema: z.ZodType<T>, query?: Record<string, string>): Promise<Collection<T>>;
  /** Requests made so far. */
  requests(): number;
  /** Requests left in the budget. */
  remaining(): number;
}

export interface Collection<T> {
  /** The items that fit the schema (one that does not is left out, not the whole list). */
  items: T[];
  /** Total-Count, when the API sent it. */
  total: number | null;
  /** False when the page bound stopped the reading before the end. */
  complete: boolean;
  /** Items left out for not fitting the schema. */
  skipped: number;
}

interface RawAnswer {
  body: unknown;
  headers: Headers;
}

const sleepReal = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGandiApi(options: GandiApiOptions): GandiApi {
  const base = options.base ?? GANDI_API_BASE;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? sleepReal;
  const maxRequests = options.maxRequests ?? DEFAULT_LIMITS.maxRequests;
  const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
  const perPage = options.perPage ?? DEFAULT_LIMITS.perPage;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const retries = options.retries ?? DEFAULT_LIMITS.retries;
  const minIntervalMs = options.minIntervalMs ?? DEFAULT_LIMITS.minIntervalMs;
  const authorization = `Bearer ${options.token}`;
  const baseOrigin = new URL(base).origin;
  const basePath = new URL(base).pathname;
  let made = 0;
  let nextSlot = 0;

  /** The path under the base, for errors: no host, no query. */
  function pathOf(url: URL): string {
    return url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  }

  /** Requests are spaced by `minIntervalMs`, whoever makes them (checks run side by side). */
  async function takeSlot(): Promise<void> {
    const at = Date.now();
    const wait = Math.max(0, nextSlot - at);
    nextSlot = Math.max(at, nextSlot) + minIntervalMs;
    if (wait > 0) await sleep(wait);
  }

  async function once(url: URL): Promise<Response> {
    if (made >= maxRequests) throw new GandiApiError('budget', `${maxRequests} requests`, pathOf(url));
    made += 1;
    await takeSlot();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetchWithin(url, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchWithin(url: URL, signal: AbortSignal): Promise<Response> {
    try {
      return await options.fetch(url.href, {
        method: 'GET',
        headers: { Authorization: authorization, Accept: 'application/json', 'User-Agent': USER_AGENT },
        signal,
        // A redirect could carry the Authorization header to another host: refused, not followed.
        redirect: 'manual',
      });
    } catch (error) {
      throw new GandiApiError('unreachable', signal.aborted ? `no answer within ${timeoutMs / 1000} s` : causeCode(error), pathOf(url));
    }
  }

  async function request(url: URL): Promise<RawAnswer> {
    const path = pathOf(url);
    for (let attempt = 0; ; attempt += 1) {
      const response = await once(url);
      const status = response.status;
      if (status === 429 || status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        const asked = parseRetryAfter(response.headers.get('retry-after'), now());
        const wait = asked ?? DEFAULT_LIMITS.firstBackoffMs * 2 ** attempt;
        if (attempt >= retries || wait > DEFAULT_LIMITS.maxWaitMs) throw new GandiApiError('unreachable', `HTTP ${status}`, path);
        await sleep(wait);
        continue;
      }
      if (status === 401) return failWith(response, 'unauthorized', 'HTTP 401', path);
      if (status === 403) return failWith(response, 'forbidden', 'HTTP 403', path);
      if (status === 404) return failWith(response, 'not-found', 'HTTP 404', path);
      if (status !== 200) return failWith(response, 'unexpected', `HTTP ${status}`, path);
      return { body: await readJson(response, path), headers: response.headers };
    }
  }

  async function readJson(response: Response, path: string): Promise<unknown> {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new GandiApiError('unexpected', 'too large', path);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new GandiApiError('unreachable', causeCode(error), path);
    }
    if (text.length > maxBytes) throw new GandiApiError('unexpected', 'too large', path);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GandiApiError('unexpected', 'not JSON', path);
    }
  }

  function urlFor(path: string, query: Record<string, string>): URL {
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url;
  }

  function validated<T>(schema: z.ZodType<T>, body: unknown, path: string): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new GandiApiError('unexpected', issue ? clip(cleanRemoteLine(issue.path.join('.') || 'answer'), 200) : 'answer', path);
  }

  /** The next page from a Link header, only on the API's own origin (else the token would follow it). */
  function nextLink(headers: Headers): URL | null {
    const link = headers.get('link');
    if (!link) return null;
    for (const part of link.split(',')) {
      const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
      if (!match?.[1]) continue;
      try {
        const url = new URL(match[1], base);
        return url.origin === baseOrigin ? url : null;
      } catch {
        return null;
      }
    }
    return null;
  }

  return {
    async get(path, schema, query = {}) {
      const answer = await request(urlFor(path, query));
      return validated(schema, answer.body, path);
    },
    async getAll(path, itemSchema, query = {}) {
      const items: unknown[] = [];
      let total: number | null = null;
      let url: URL | null = urlFor(path, { ...query, per_page: String(perPage), page: '1' });
      for (let page = 1; url !== null && page <= maxPages; page += 1) {
        const answer = await request(url);
        if (!Array.isArray(answer.body)) throw new GandiApiError('unexpected', 'not a list', path);
        const count = Number(answer.headers.get('total-count'));
        if (answer.headers.has('total-count') && Number.isInteger(count) && count >= 0) total = count;
        items.push(...(answer.body as unknown[]));
        const linked = nextLink(answer.headers);
        // Without a Link, pages go on while they come back full and Total-Count says there is more.
        const more = answer.body.length >= perPage && (total === null || items.length < total);
        url = linked ?? (more ? urlFor(path, { ...query, per_page: String(perPage), page: String(page + 1) }) : null);
        if (answer.body.length === 0) url = null;
      }
      const complete = url === null && (total === null || items.length >= total);
      const fitting = items.flatMap((item) => {
        const parsed = itemSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
      return { items: fitting, total, complete, skipped: items.length - fitting.length };
    },
    requests: () => made,
    remaining: () => Math.max(0, maxRequests - made),
  };
}

async function failWith(response: Response, kind: ApiFailureKind, detail: string, path: string): Promise<never> {
  // The body is not read: a 403 may not even be JSON, and nothing in it changes what we do.
  await response.body?.cancel().catch(() => undefined);
  throw new GandiApiError(kind, detail, path);
}

/** A system error code (ECONNREFUSED) or the error's name: never its whole text, which could quote a request. */
function causeCode(error: unknown): string {
  const cause: unknown = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'network error';
}

// Fetching JSON from a status page: conditional requests, a time limit on the whole exchange,
// a cap on the body size, and errors that say in plain words what went wrong.
import type { Clock, FetchLike } from './ports';
import type { SourceErrorReason, SourceProblem, SourceProblemCase } from '../../common/model';
import { version } from '../../package.json';

export type { SourceErrorReason } from '../../common/model';

/** What a `SourceError` knows besides its reason and message. */
export interface SourceErrorDetails {
  url?: string;
  status?: number;
  retryAfterMs?: number;
  unreadable?: boolean;
  cause?: unknown;
  /** For `SourceError.problem`: see `SourceProblem`. */
  case?: SourceProblemCase;
  limit?: number;
  detail?: string;
}

/** Any failure to get good data from a status page. `message` is meant for people. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly reason: SourceErrorReason;
  /** The address that failed, when there is one. */
  readonly url: string | undefined;
  /** HTTP status, for `reason: 'http'`. */
  readonly status: number | undefined;
  /** How long the server asked us to wait (Retry-After on 429 and 503). */
  readonly retryAfterMs: number | undefined;
  /**
   * For `reason: 'invalid'`: true when the body was not JSON at all (a web page, broken JSON), false
   * when it was JSON of the wrong shape. Only the latter says the page speaks another API; the former
   * says the page (or a proxy in front of it) is broken.
   */
  readonly unreadable: boolean;
  /** The message as data, for people who do not read English. */
  readonly problem: SourceProblem;

  constructor(reason: SourceErrorReason, message: string, details: SourceErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    this.url = details.url;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.unreadable = details.unreadable ?? false;
    this.problem = {
      reason,
      case: details.case ?? null,
      host: details.url === undefined ? null : hostOf(details.url),
      status: details.status ?? null,
      retryAfterSeconds: details.retryAfterMs === undefined ? null : details.retryAfterMs / 1000,
      limit: details.limit ?? null,
      detail: details.detail ?? null,
    };
  }
}

/** The problem of a failure, when it is a `SourceError`; null for anything else (its text is all we have). */
export function problemOf(error: unknown): SourceProblem | null {
  return error instanceof SourceError ? error.problem : null;
}

export interface JsonResponse {
  body: unknown;
  /** True when the server answered 304 and `body` is the copy kept from the last 200. */
  notModified: boolean;
  /**
   * The server's clock (its Date header), null when it sent none that reads: what has started or
   * ended by the page's own time, whatever ours says.
   */
  serverDate?: Date | null;
}

/** An HTTP date header as a Date; null when absent or unreadable. */
export function parseHttpDate(value: string | null): Date | null {
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? new Date(at) : null;
}

export interface TextResponse {
  text: string;
  /** The Content-Type header ('' when absent). */
  contentType: string;
  notModified: boolean;
}

export interface HttpClient {
  /** GET a JSON document. Throws `SourceError` on any failure. */
  getJson(url: string): Promise<JsonResponse>;
  /** GET any text (a feed, a web page), with the same limits and errors as getJson. */
  getText(url: string): Promise<TextResponse>;
}

export interface HttpClientOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  now?: Clock;
  userAgent?: string;
  /** How many URLs keep a cached copy for conditional requests. */
  cacheEntries?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const USER_AGENT = `gandi-status-tray/${version}`;

interface CacheEntry {
  etag: string | null;
  lastModified: string | null;
  body: unknown;
}

/** The site of a host name: an IP address itself, else its last two labels (status.gandi.net: gandi.net). */
function siteOf(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[')) return hostname;
  return hostname.split('.').slice(-2).join('.');
}

/** Whether two URLs are on the same site (any scheme or port). */
export function sameSite(a: string, b: string): boolean {
  try {
    return siteOf(new URL(a).hostname.toLowerCase()) === siteOf(new URL(b).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Host (and port) of a URL, for messages; the URL itself if it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The longest wait a server's Retry-After can impose, so a wild header cannot silence a source for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date, at most MAX_RETRY_AFTER_MS (so what is
 * said is what is done); undefined if absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  // An HTTP date always names its weekday and month; a bare number like "-3" is not one.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now.getTime()));
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
    if (cause instanceof Error) return cause.message;
    return error.message;
  }
  return String(error);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? `${seconds} s` : `${seconds.toFixed(1)} s`;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  const userAgent = options.userAgent ?? USER_AGENT;
  const cacheEntries = options.cacheEntries ?? 64;
  // Insertion order doubles as recency: an entry is re-inserted on every use.
  const cache = new Map<string, CacheEntry>();

  function remember(url: string, entry: CacheEntry): void {
    cache.delete(url);
    cache.set(url, entry);
    while (cache.size > cacheEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }

  /** One GET: `accept` is sent as Accept, `parse` turns the body into what the cache keeps. */
  async function get(url: string, accept: string, parse: (text: string, response: Response) => unknown): Promise<JsonResponse> {
    const host = hostOf(url);
    const timeout = (): SourceError =>
      new SourceError('timeout', `no answer from ${host} within ${formatSeconds(timeoutMs)}`, { url, limit: timeoutMs / 1000 });
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One deadline for the whole exchange: headers and body. Racing it as well as aborting
    // covers fetch implementations that do not honour the signal while a body stalls.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(timeout());
      }, timeoutMs);
    });
    deadline.catch(() => undefined);

    try {
      const cacheKey = `${accept} ${url}`;
      const cached = cache.get(cacheKey);
      const headers: Record<string, string> = { Accept: accept, 'User-Agent': userAgent };
      if (cached?.etag) headers['If-None-Match'] = cached.etag;
      if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;

      let response: Response;
      try {
        response = await Promise.race([
          fetchImpl(url, { method: 'GET', headers, signal: controller.signal, redirect: 'follow' }),
          deadline,
        ]);
      } catch (error) {
        if (error instanceof SourceError) throw error;
        if (timedOut) throw timeout();
        const cause = describeCause(error);
        throw new SourceError('network', `could not reach ${host} (${cause})`, { url, cause: error, case: 'no-connection', detail: cause });
      }

      // Redirects are followed within the page's own site only: another site's answer would be
      // shown under this page's name (its outage as this page's).
      if (response.redirected && response.url !== '' && !sameSite(url, response.url)) {
        await response.body?.cancel().catch(() => undefined);
        const elsewhere = hostOf(response.url);
        throw new SourceError('invalid', `${host} sent the request on to another site (${elsewhere}); its answer is not used`, {
          url,
          unreadable: true,
          detail: elsewhere,
        });
      }

      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        if (!cached) throw new SourceError('http', `${host} answered HTTP 304 to a request that was not conditional`, { url, status: 304 });
        remember(cacheKey, cached);
        return { body: cached.body, notModified: true, serverDate: parseHttpDate(response.headers.get('date')) };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfterMs =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.headers.get('retry-after'), now())
            : undefined;
        const wait = retryAfterMs === undefined ? '' : ` (retry after ${formatSeconds(retryAfterMs)})`;
        throw new SourceError('http', `${host} answered HTTP ${response.status}${wait}`, {
          url,
          status: response.status,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      }

      const text = await Promise.race([readCapped(response, url, host, maxBytes), deadline]);
      const body = parse(text, response);
      remember(cacheKey, {
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        body,
      });
      return { body, notModified: false, serverDate: parseHttpDate(response.headers.get('date')) };
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (timedOut) throw timeout();
      const cause = describeCause(error);
      throw new SourceError('network', `the answer from ${host} was cut short (${cause})`, { url, cause: error, case: 'cut-short', detail: cause });
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  return {
    getJson: (url) => get(url, 'application/json', (text, response) => parseJson(text, response, url, hostOf(url))),
    getText: async (url) => {
      const { body, notModified } = await get(url, 'text/html, application/xhtml+xml, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.8', (text, response) => ({
        text,
        contentType: response.headers.get('content-type') ?? '',
      }));
      const { text, contentType } = body as { text: string; contentType: string };
      return { text, contentType, notModified };
    },
  };
}

function tooLarge(url: string, host: string, maxBytes: number): SourceError {
  const kb = Math.round(maxBytes / 1024);
  return new SourceError('too-large', `${host} sent more than ${kb} KB; not read`, { url, limit: kb });
}

/** Reads the body as text, stopping (and cancelling) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, url: string, host: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, host, maxBytes);
  }
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, host, maxBytes);
      }
      text += decoder.decode(value, { stream: true });
    }
  }
  // A body shorter than announced was cut off (only checkable when not decompressed on the way).
  const encoding = response.headers.get('content-encoding');
  const plain = !encoding || encoding === 'identity';
  if (response.headers.has('content-length') && Number.isFinite(declared) && plain && received < declared) {
    throw new SourceError('network', `the answer from ${host} was cut short (${received} of ${declared} bytes)`, {
      url,
      case: 'truncated',
      detail: `${received}/${declared}`,
    });
  }
  return text + decoder.decode();
}

function parseJson(text: string, response: Response, url: string, host: string): unknown {
  const contentType = response.headers.get('content-type') ?? '';
  const start = text.trimStart().slice(0, 1);
  // The body decides, not the label: servers do send JSON as text/html.
  if (start === '<' || (contentType.includes('text/html') && start !== '{' && start !== '[')) {
    throw new SourceError('invalid', `${host} sent a web page instead of JSON`, { url, unreadable: true, case: 'web-page' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SourceError('invalid', `${host} sent data that is not valid JSON`, { url, unreadable: true, cause: error, case: 'not-json' });
  }
}

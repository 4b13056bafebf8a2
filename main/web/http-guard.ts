// What every answer of the dashboard carries, and the checks a request passes before it is served.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isWildcardHost } from './network-exposure';

/**
 * Same policy as the renderer's <meta> (the header also covers what a meta tag cannot, like
 * frame-ancestors). connect-src 'self' lets the page reach /api over fetch and EventSource.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MAX_BODY_BYTES = 64 * 1024;

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: string): void {
  sendJson(res, status, { ok: false, error });
}

export interface HostPolicy {
  /** Lower-case `host:port` values the Host header may carry. */
  allowedHosts: ReadonlySet<string>;
}

/**
 * Host names a browser may use to reach the server. Checking Host defeats DNS rebinding: a page
 * on evil.example resolving to 127.0.0.1 still sends `Host: evil.example`. Bound to every
 * interface, only loopback and the names given with --allow-host pass: never any Host.
 */
export function hostPolicyFor(port: number, host: string, hostGiven: boolean, allowHosts: readonly string[] = []): HostPolicy {
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (hostGiven && !isWildcardHost(host)) names.add(`${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`.toLowerCase());
  for (const name of allowHosts) names.add(`${name}:${port}`.toLowerCase());
  return { allowedHosts: names };
}

export function hostAllowed(req: IncomingMessage, policy: HostPolicy): boolean {
  const host = req.headers.host;
  if (typeof host !== 'string' || host === '') return false;
  return policy.allowedHosts.has(host.toLowerCase());
}

/**
 * For requests that change something: a browser always sends Origin on a cross-site POST/PUT, and it
 * must be this very server. Clients without Origin (curl, tests) pass; the Host check still applies.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (typeof host !== 'string') return false;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: string };

/**
 * Reads a JSON body (application/json only, at most MAX_BODY_BYTES). Requiring the JSON type also
 * forces a CORS preflight on any cross-origin attempt, which this server never answers.
 */
export async function readJsonBody(req: IncomingMessage, options: { allowEmpty?: boolean } = {}): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    return { ok: false, status: 413, error: `body larger than ${MAX_BODY_BYTES} bytes` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        return { ok: false, status: 413, error: `body larger than ${MAX_BODY_BYTES} bytes` };
      }
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, status: 400, error: 'could not read the request body' };
  }
  if (type !== 'application/json') {
    return { ok: false, status: 415, error: 'the body must be application/json' };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '' && options.allowEmpty === true) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}

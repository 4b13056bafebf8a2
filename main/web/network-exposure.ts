// What changes when the dashboard is reachable from other machines (a bind on anything but
// loopback): the host names a browser may use must be listed, every request carries the access
// token printed at start (kept in a cookie after the first visit), and a status page on a
// loopback, link-local or private address is refused, so the server cannot be used to probe the
// network it sits in.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const ACCESS_COOKIE = 'gandi_status_access';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export type AccessVerdict = { kind: 'allowed' } | { kind: 'grant'; location: string; cookie: string } | { kind: 'denied' };

/**
 * The first visit opens the link with `?access=TOKEN`: the token goes into an HttpOnly, SameSite
 * cookie and the browser is sent to the same page without it (so it leaves the address bar and
 * the history). Later requests, the event stream included, carry the cookie.
 */
export function checkAccess(url: URL, cookieHeader: string | undefined, token: string): AccessVerdict {
  const fromCookie = cookieValue(cookieHeader, ACCESS_COOKIE);
  if (fromCookie !== null && sameToken(fromCookie, token)) return { kind: 'allowed' };
  const fromLink = url.searchParams.get('access');
  if (fromLink !== null && sameToken(fromLink, token)) {
    url.searchParams.delete('access');
    return {
      kind: 'grant',
      location: `${url.pathname}${url.search}`,
      cookie: `${ACCESS_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    };
  }
  return { kind: 'denied' };
}

function privateIpv4(address: string): boolean {
  const [a = -1, b = -1] = address.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function privateIpv6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '::') return true;
  if (lower.startsWith('::ffff:')) return privateIpv4(lower.slice(7));
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/** Loopback, link-local, private (RFC 1918, unique local, carrier-grade NAT) or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return privateIpv4(address);
  if (version === 6) return privateIpv6(address);
  return false;
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

/**
 * Why a status page address may not be fetched by an exposed dashboard, or null. A name is resolved:
 * a public name pointing at 10.0.0.1 is refused too. A name that does not resolve is left to the
 * status core, which reports it as unreachable.
 */
export async function privateSourceProblem(url: string, resolve: Resolve = resolveAll): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is this machine`;
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host).catch(() => []);
  const inside = addresses.find(isPrivateAddress);
  return inside === undefined ? null : `${host} is on a loopback, link-local or private address (${inside})`;
}

// Which format a status page speaks, decided by what its answers validate against, in at most
// MAX_DETECTION_REQUESTS requests: Statuspage's summary first (it also tells incident.io pages
// apart), then the page itself (a feed already? a status.io id? feed links? whose software?), then
// the other formats' distinctive documents (those the page's HTML hints at first), and its feed last.
import { SourceError, hostOf, type HttpClient } from '../http';
import type { SourceKind } from '../../../common/model';
import { betterstackIndexSchema, BETTERSTACK_INDEX_PATH } from './betterstack';
import { CACHET2_PING_PATH, CACHET3_STATUS_PATH, cachet3StatusSchema, cachetPingSchema, type CachetVersion } from './cachet';
import { feedLinksIn, parseFeed } from './feed';
import { looksLikeIncidentIo } from './incident-io';
import { INSTATUS_SUMMARY_PATH, instatusSummarySchema } from './instatus';
import { LEGACY_STATUS_PATH } from './legacy';
import { legacyStatusSchema } from './legacy-schema';
import { SUMMARY_PATH } from './statuspage';
import { parseSkippingBadItems } from './skipped-items';
import { summarySchema } from './statuspage-schema';
import { statusioApiFromHtml, statusioPageId, statusioSchema } from './statusio';
import { legacyLevel } from './words';

/** Requests one detection may make, whatever the page. */
export const MAX_DETECTION_REQUESTS = 6;

/** What detection found. */
export interface Detection {
  kind: SourceKind;
  /** For Cachet: which major version answered. */
  cachetVersion?: CachetVersion;
  /** Requests made. */
  requests: number;
}

/**
 * Failures that say nothing about the format (the host is down, slow, busy, or sent more than we
 * read): do not guess past them.
 */
function isInconclusive(error: SourceError): boolean {
  return (
    error.reason === 'timeout' ||
    error.reason === 'network' ||
    error.reason === 'too-large' ||
    (error.reason === 'http' && (error.status === 429 || (error.status ?? 0) >= 500))
  );
}

/** A format a JSON document can prove. */
interface Probe {
  name: string;
  url: string;
  /** The format the body proves, or null. */
  recognise(body: unknown): Omit<Detection, 'requests'> | null;
}

/** What one probe got, in words, for the sentence said when nothing fits. */
function outcomeOf(error: SourceError): string {
  if (error.reason === 'http') return `HTTP ${error.status ?? '?'}`;
  if (error.problem.case === 'web-page') return 'a web page';
  if (error.problem.case === 'not-json') return 'broken JSON';
  return 'something else';
}

function probesFor(base: string): Record<'instatus' | 'betterstack' | 'apiStatus' | 'cachet2', Probe> {
  return {
    instatus: {
      name: INSTATUS_SUMMARY_PATH,
      url: `${base}${INSTATUS_SUMMARY_PATH}`,
      recognise: (body) => {
        // Instatus writes its page states as one upper-case word (UP, HASISSUES, ...): a new one
        // still says Instatus (and reads as unknown until the table knows it).
        const parsed = instatusSummarySchema.safeParse(body);
        return parsed.success && /^[A-Z]+$/.test(parsed.data.page.status) ? { kind: 'instatus' } : null;
      },
    },
    betterstack: {
      name: BETTERSTACK_INDEX_PATH,
      url: `${base}${BETTERSTACK_INDEX_PATH}`,
      recognise: (body) => (betterstackIndexSchema.safeParse(body).success ? { kind: 'betterstack' } : null),
    },
    // Gandi's legacy API and Cachet 3 share this path, in different shapes.
    apiStatus: {
      name: LEGACY_STATUS_PATH,
      url: `${base}${LEGACY_STATUS_PATH}`,
      recognise: (body) => {
        const legacy = legacyStatusSchema.safeParse(body);
        if (legacy.success && legacyLevel(legacy.data.status) !== 'unknown') return { kind: 'gandi-legacy' };
        return cachet3StatusSchema.safeParse(body).success ? { kind: 'cachet', cachetVersion: 3 } : null;
      },
    },
    cachet2: {
      name: CACHET2_PING_PATH,
      url: `${base}${CACHET2_PING_PATH}`,
      recognise: (body) => (cachetPingSchema.safeParse(body).success ? { kind: 'cachet', cachetVersion: 2 } : null),
    },
  };
}

/** Software that serves Statuspage's summary, as its pages name it. */
const SUMMARY_SOFTWARE = /statuspage\.io|stspg|incident\.io/i;

/** Software a page's HTML names, strongest first; only the order of the probes depends on it. */
const HINTS: Array<{ pattern: RegExp; probe: 'instatus' | 'betterstack' | 'apiStatus' | 'cachet2' }> = [
  { pattern: /instatus/i, probe: 'instatus' },
  { pattern: /better\s?uptime|betterstack|better stack/i, probe: 'betterstack' },
  { pattern: /cachet/i, probe: 'cachet2' },
  { pattern: /cachet/i, probe: 'apiStatus' },
];

/**
 * Detects the format of `base` (normalised base URL). Throws the `SourceError` of a request when
 * the host cannot be asked at all; otherwise, when nothing fits, an `invalid` one naming what was
 * tried and what came back.
 */
export async function detectFormat(http: HttpClient, base: string): Promise<Detection> {
  let requests = 0;
  const tried: string[] = [];
  const unreadable = new Set<string>();
  let lastError: SourceError | null = null;

  /** GET as JSON; null (with the outcome noted) when it fits nothing; throws when inconclusive. */
  async function json(name: string, url: string): Promise<unknown> {
    requests += 1;
    try {
      return (await http.getJson(url)).body;
    } catch (error) {
      if (!(error instanceof SourceError) || isInconclusive(error)) throw error;
      lastError = error;
      tried.push(`${name}: ${outcomeOf(error)}`);
      if (error.unreadable && error.problem.case !== null) unreadable.add(error.problem.case);
      else unreadable.add('other');
      return undefined;
    }
  }

  // A status.io API address given as is.
  if (statusioPageId(base) !== null) {
    const body = await json('status.io status', base);
    if (statusioSchema.safeParse(body).success) return { kind: 'statusio', requests };
  }

  // 1. Statuspage's summary, which incident.io pages also serve.
  lastError = null;
  const summaryBody = await json(SUMMARY_PATH, `${base}${SUMMARY_PATH}`);
  const summaryError: SourceError | null = lastError;
  // Read as the source reads it: a bad incident does not make the page another format.
  const summary = parseSkippingBadItems(summarySchema, summaryBody);
  if (summary.ok) return { kind: looksLikeIncidentIo(summary.data) ? 'incident-io' : 'statuspage', requests };
  if (summaryBody !== undefined) {
    tried.push(`${SUMMARY_PATH}: JSON of another shape`);
    unreadable.add('other');
  }

  // 2. The page itself.
  let html = '';
  requests += 1;
  try {
    const page = await http.getText(base);
    if (parseFeed(page.text) !== null) return { kind: 'feed', requests };
    html = page.text;
  } catch (error) {
    if (!(error instanceof SourceError) || isInconclusive(error)) throw error;
    tried.push(`the page: ${outcomeOf(error)}`);
  }
  // A page made by Statuspage or incident.io whose summary failed: that failure is the news (the
  // summary moved, or is down), not a sign of another format; settling on its feed would hide it.
  if (summaryError !== null && SUMMARY_SOFTWARE.test(html)) throw summaryError;
  const feedLinks = feedLinksIn(html, base);
  const statusioApi = statusioApiFromHtml(html, base);

  // 3. The other formats, those the page hints at first; the feed keeps the last request.
  const probes = probesFor(base);
  const order: Probe[] = [];
  if (statusioApi !== null) {
    order.push({ name: 'status.io status', url: statusioApi, recognise: (body) => (statusioSchema.safeParse(body).success ? { kind: 'statusio' } : null) });
  }
  for (const hint of HINTS) if (hint.pattern.test(html)) order.push(probes[hint.probe]);
  if (/(^|\.)gandi\.net$/.test(new URL(base).hostname)) order.push(probes.apiStatus);
  order.push(probes.instatus, probes.betterstack, probes.apiStatus, probes.cachet2);
  const reserved = feedLinks.length > 0 ? 1 : 0;
  const asked = new Set<string>();
  for (const probe of order) {
    if (asked.has(probe.url)) continue;
    if (requests + reserved >= MAX_DETECTION_REQUESTS) break;
    asked.add(probe.url);
    const body = await json(probe.name, probe.url);
    if (body === undefined) continue;
    const found = probe.recognise(body);
    if (found) return { ...found, requests };
    tried.push(`${probe.name}: JSON of another shape`);
    unreadable.add('other');
  }

  // 4. The feed the page announces.
  const feed = feedLinks[0];
  if (feed !== undefined && requests < MAX_DETECTION_REQUESTS) {
    requests += 1;
    try {
      if (parseFeed((await http.getText(feed)).text) !== null) return { kind: 'feed', requests };
      tried.push('its feed: not RSS or Atom');
    } catch (error) {
      if (!(error instanceof SourceError) || isInconclusive(error)) throw error;
      tried.push(`its feed: ${outcomeOf(error)}`);
    }
  }

  const host = hostOf(base);
  const noFeed = feed === undefined ? '; no feed link found' : '';
  // Every API path sent the same unreadable thing: that thing is the news (a broken page or proxy).
  const [only] = [...unreadable];
  if (unreadable.size === 1 && (only === 'web-page' || only === 'not-json')) {
    const what = only === 'web-page' ? 'a web page instead of JSON' : 'data that is not valid JSON';
    throw new SourceError('invalid', `${host} sent ${what} to every known API path${noFeed}`, { url: base, unreadable: true, case: only });
  }
  throw new SourceError('invalid', `${host} answers like no status page format read here (${tried.join(', ')}${noFeed})`, {
    url: base,
    case: 'unknown-api',
  });
}

/** The format of `base`; see detectFormat. */
export async function detectKind(http: HttpClient, base: string): Promise<SourceKind> {
  return (await detectFormat(http, base)).kind;
}

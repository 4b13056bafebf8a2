// RSS and Atom feeds, the last resort for pages that publish nothing else (Hetzner, Azure, and every
// Statuspage page's /history.atom): each recent entry is an incident (or a maintenance, when it says
// so), open until it says resolved or completed, and for FEED_OPEN_HOURS at most. Feeds name no
// components. The XML is read by fast-xml-parser; only the HTML inside an entry is stripped by hand.
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { isIncidentClosed, worstLevel } from '../../../common/levels';
import type { Incident, Level, Maintenance, SourceSnapshot } from '../../../common/model';
import { cleanRemoteText } from '../../../common/remote-text';
import { SourceError, hostOf, type HttpClient } from '../http';
import {
  carryDeletedQuietly,
  goodSnapshot,
  linkOnHost,
  newAbsentCounts,
  normaliseBaseUrl,
  pageName,
  toIsoUtc,
  type SourceDeps,
  type StatusSource,
} from './common';
import { feedStageOf } from './words';

/** An entry that has said nothing for this long is no longer taken as open (it is left out). */
export const FEED_OPEN_HOURS = 24;
/** Entries read per feed (newest first). */
const MAX_ENTRIES = 50;
/** Characters of an entry's text kept. */
const MAX_TEXT = 4_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  // Character references (&#60;) as well as named ones; bounded expansion of a DOCTYPE's own entities.
  htmlEntities: true,
  processEntities: { enabled: true, maxEntitySize: 1_000, maxEntityCount: 50, maxTotalExpansions: 1_000, maxExpandedLength: 100_000 },
});

const node = z.unknown();
const entrySchema = z.record(z.string(), node);
export const feedDocumentSchema = z.union([
  z.object({ rss: z.object({ channel: z.object({ title: node.optional(), link: node.optional(), item: z.array(entrySchema).optional() }) }) }),
  z.object({ feed: z.object({ title: node.optional(), link: node.optional(), entry: z.array(entrySchema).optional() }) }),
  z.object({ 'rdf:RDF': z.object({ channel: z.object({ title: node.optional() }).optional(), item: z.array(entrySchema).optional() }) }),
]);

/** The text of an XML node as fast-xml-parser gives it (a string, or an object with `#text`). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object' && value !== null && '#text' in value) return textOf((value as Record<string, unknown>)['#text']);
  return '';
}

/** An Atom `link` list (alternate first) or an RSS `link` text. */
function linkOf(value: unknown): string {
  const links = Array.isArray(value) ? value : [value];
  const withHref = links.filter((l): l is Record<string, unknown> => typeof l === 'object' && l !== null && '@_href' in l);
  const alternate = withHref.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? withHref[0];
  return alternate ? textOf(alternate['@_href']) : textOf(links[0]);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an entry's HTML content: tags dropped, block ends as new lines, entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 0xfffd);
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 0xfffd);
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/**
 * The stage an entry states: the first bold word of its content (Statuspage: "<strong>Resolved</strong> - ..."),
 * a "[Resolved]" or "Resolved:" at the start of its title; else whether it says resolved or completed anywhere.
 */
export function stageOf(title: string, html: string): string | null {
  const bold = /<(strong|b)\b[^>]*>([^<]{1,40})<\/\1>/i.exec(html)?.[2];
  if (bold && feedStageOf(bold) !== 'unknown') return bold.trim().toLowerCase();
  const prefix = /^\s*\[([^\]]{1,40})\]/.exec(title)?.[1] ?? /^\s*([A-Za-z ]{3,20}):/.exec(title)?.[1];
  if (prefix && feedStageOf(prefix) !== 'unknown') return prefix.trim().toLowerCase();
  const words = `${title} ${plainText(html).slice(0, 300)}`.toLowerCase();
  if (/\b(resolved|completed)\b/.test(words)) return 'resolved';
  return null;
}

/** Stages only planned work goes through (Statuspage's words for maintenances). */
const MAINTENANCE_STAGES = new Set(['scheduled', 'in progress', 'verifying', 'completed']);

/** Whether an entry is about planned work: it says so, or one of its stages is a maintenance's. */
function isMaintenanceEntry(title: string, html: string): boolean {
  if (/\bmaintenance\b/i.test(title)) return true;
  const bold = /<(strong|b)\b[^>]*>([^<]{1,40})<\/\1>/gi;
  for (let match = bold.exec(html); match !== null; match = bold.exec(html)) {
    if (MAINTENANCE_STAGES.has((match[2] ?? '').trim().toLowerCase())) return true;
  }
  return false;
}

interface FeedEntry {
  id: string;
  title: string;
  link: string;
  at: string | null;
  published: string | null;
  html: string;
}

function entriesOf(document: z.infer<typeof feedDocumentSchema>): { title: string; entries: FeedEntry[] } {
  const raw = 'rss' in document ? document.rss.channel.item : 'feed' in document ? document.feed.entry : document['rdf:RDF'].item;
  const title = textOf('rss' in document ? document.rss.channel.title : 'feed' in document ? document.feed.title : document['rdf:RDF'].channel?.title);
  const entries = (raw ?? []).map((entry) => {
    const link = linkOf(entry['link']);
    const entryTitle = textOf(entry['title']);
    const updated = toIsoUtc(textOf(entry['updated'] ?? entry['pubDate'] ?? entry['dc:date'] ?? entry['published']));
    const published = toIsoUtc(textOf(entry['published'] ?? entry['pubDate'] ?? entry['dc:date'])) ?? updated;
    return {
      id: textOf(entry['id'] ?? entry['guid']) || link || entryTitle,
      title: entryTitle,
      link,
      at: updated,
      published,
      html: textOf(entry['content'] ?? entry['content:encoded'] ?? entry['description'] ?? entry['summary']),
    };
  });
  return { title, entries };
}

/** Whether a text is a feed this adapter reads (RSS 2, RSS 1 / RDF, Atom). */
export function parseFeed(text: string): z.infer<typeof feedDocumentSchema> | null {
  const start = text.trimStart().slice(0, 1);
  if (start !== '<') return null;
  try {
    const parsed = feedDocumentSchema.safeParse(parser.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Normalises a feed on its own. `base` is the page (for links, the name when the feed gives none).
 * Throws `SourceError` when the text is not a feed.
 */
export function snapshotFromFeed(text: string, base: string, feedUrl: string, now: Date): SourceSnapshot {
  const document = parseFeed(text);
  if (document === null) {
    throw new SourceError('invalid', `${hostOf(feedUrl)} sent something that is not an RSS or Atom feed`, { url: feedUrl, case: 'unexpected-data', detail: 'feed' });
  }
  const { title, entries } = entriesOf(document);
  const openSince = now.getTime() - FEED_OPEN_HOURS * 3_600_000;
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  const recent = entries
    .filter((e) => e.at !== null)
    .sort((a, b) => Date.parse(b.at ?? '') - Date.parse(a.at ?? ''))
    .slice(0, MAX_ENTRIES);
  const seen = new Set<string>();
  for (const entry of recent) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const stage = stageOf(entry.title, entry.html);
    const status = stage === null ? 'unknown' : feedStageOf(stage);
    const closed = isIncidentClosed(status);
    // An open entry that has said nothing for a day is no longer news; a closed one stays for the carry rules to age.
    if (!closed && Date.parse(entry.at ?? '') < openSince) continue;
    const title = cleanRemoteText(entry.title).replace(/\n/g, ' ').trim() || 'Untitled entry';
    const url = linkOnHost(entry.link, base, base);
    if (isMaintenanceEntry(entry.title, entry.html)) {
      maintenances.push({
        id: entry.id,
        title,
        status: closed ? 'completed' : stage === 'in progress' || stage === 'verifying' ? 'in_progress' : 'scheduled',
        scheduledFor: null,
        scheduledUntil: closed ? entry.at : null,
        services: [],
        url,
      });
      continue;
    }
    incidents.push({
      id: entry.id,
      title,
      status,
      impact: 'unknown',
      services: [],
      startedAt: entry.published,
      updatedAt: entry.at,
      resolvedAt: closed ? entry.at : null,
      url,
      updates: entry.at === null ? [] : [{ at: entry.at, status: stage ?? 'update', body: cleanRemoteText(plainText(entry.html).slice(0, MAX_TEXT)) }],
    });
  }
  // A feed says that something is wrong, never how badly: an open incident counts as degraded.
  const levels: Level[] = [
    'operational',
    ...incidents.filter((i) => !isIncidentClosed(i.status)).map((): Level => 'degraded'),
    ...maintenances.filter((m) => m.status === 'in_progress').map((): Level => 'maintenance'),
  ];
  return goodSnapshot(
    { url: base, kind: 'feed', name: pageName(title, base), overall: worstLevel(levels), services: [], incidents, maintenances },
    now,
  );
}

/** The feeds a web page announces (`<link rel="alternate" type="application/atom+xml" href>`), as absolute URLs. */
export function feedLinksIn(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attribute = (name: string): string | null => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find((v) => v !== undefined) ?? null;
    const type = (attribute('type') ?? '').toLowerCase();
    if (!/\balternate\b/i.test(attribute('rel') ?? '') || !/(rss|atom)\+xml/.test(type)) continue;
    const href = attribute('href');
    if (href === null) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), `${pageUrl}/`);
      if (url.protocol === 'https:' || url.protocol === 'http:') links.push(url.href);
    } catch {
      // not an address
    }
  }
  return [...new Set(links)];
}

/** Where the feed of `base` is: `base` itself when it is one, else the first feed its page announces. */
async function findFeed(http: HttpClient, base: string): Promise<{ url: string; text: string }> {
  const page = await http.getText(base);
  if (parseFeed(page.text) !== null) return { url: base, text: page.text };
  const link = feedLinksIn(page.text, base)[0];
  if (link === undefined) {
    throw new SourceError('invalid', `${hostOf(base)} is not a feed and its page announces none`, { url: base, case: 'unexpected-data', detail: 'feed' });
  }
  return { url: link, text: (await http.getText(link)).text };
}

export function createFeedSource(url: string, deps: SourceDeps): StatusSource {
  const base = normaliseBaseUrl(url);
  const absent = newAbsentCounts();
  let feedUrl: string | null = null;

  async function fetchSnapshot(previous: SourceSnapshot | null): Promise<SourceSnapshot> {
    let text: string;
    if (feedUrl === null) {
      const found = await findFeed(deps.http, base);
      feedUrl = found.url;
      text = found.text;
    } else {
      text = (await deps.http.getText(feedUrl)).text;
    }
    const now = deps.now();
    const live = snapshotFromFeed(text, base, feedUrl, now);
    const earlier = previous && previous.kind === 'feed' ? previous : null;
    // The feed keeps its history: an entry no longer in it (or no longer recent) is dropped quietly.
    return carryDeletedQuietly(live, earlier, now, absent);
  }

  return { url: base, kind: 'feed', fetchSnapshot };
}

// Turns what the page asks to open into a URL: the page names a target, never a URL, and the answer
// is checked against an allow-list, so a compromised page cannot send a user anywhere it likes.
// Shared by the tray app and the browser dashboard.
import type { StatusSnapshot } from '../../common/model';
import { FIX_PAGES } from '../../common/account';
import { isGandiLink, type Settings } from '../../common/settings';
import { type ExternalTarget } from '../../common/window-api';

export type ResolvedLink = { ok: true; url: string } | { ok: false; error: string };

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * An incident or maintenance page may be opened when it is https on the source's own host, or
 * exactly the source's origin (a local http mirror or simulator). The adapters build these links on
 * the configured host (never from a page's shortlink), so nothing wider is needed.
 */
export function statusLinkAllowed(link: string, sourceUrl: string): boolean {
  const target = parse(link);
  const source = parse(sourceUrl);
  if (target === null || source === null) return false;
  if (target.username !== '' || target.password !== '') return false;
  if (target.origin === source.origin) return true;
  return target.protocol === 'https:' && target.hostname === source.hostname;
}

/** The last two labels of a host name: gandi.net for status.gandi.net. */
function siteOf(hostname: string): string {
  return hostname.split('.').slice(-2).join('.');
}

/**
 * A link written in an update's text may be opened when a link to the incident would be, or when
 * it is https on the page's own site (docs.gandi.net from status.gandi.net): an update can point to
 * its own documentation, never elsewhere.
 */
export function updateLinkAllowed(link: string, sourceUrl: string): boolean {
  if (statusLinkAllowed(link, sourceUrl)) return true;
  const target = parse(link);
  const source = parse(sourceUrl);
  if (target === null || source === null || target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '') return false;
  // An address has no site: a page on 127.0.0.1 vouches for no other address.
  if (/^[\d.]+$/.test(source.hostname) || source.hostname.includes(':') || !source.hostname.includes('.')) return false;
  const site = siteOf(source.hostname);
  return target.hostname === site || target.hostname.endsWith(`.${site}`);
}

export function resolveExternalTarget(target: ExternalTarget, settings: Settings, snapshot: StatusSnapshot): ResolvedLink {
  switch (target.kind) {
    case 'status-page':
      return gandiOnly(settings.links.statusPage);
    case 'help':
      return gandiOnly(inLanguage(settings.links.helpCenter, target.language));
    case 'ticket':
      return gandiOnly(inLanguage(settings.links.ticket, target.language));
    case 'chat':
      return gandiOnly(settings.links.chat);
    case 'account-page':
      return gandiOnly(FIX_PAGES[target.check]);
    case 'update-link': {
      if (!snapshot.sources.some((candidate) => candidate.url === target.sourceUrl)) return { ok: false, error: 'unknown source' };
      return updateLinkAllowed(target.url, target.sourceUrl) ? { ok: true, url: new URL(target.url).toString() } : { ok: false, error: 'link not allowed' };
    }
    case 'incident':
    case 'maintenance': {
      const source = snapshot.sources.find((candidate) => candidate.url === target.sourceUrl);
      if (!source) return { ok: false, error: 'unknown source' };
      const item =
        target.kind === 'incident'
          ? source.incidents.find((incident) => incident.id === target.id)
          : source.maintenances.find((maintenance) => maintenance.id === target.id);
      if (!item) return { ok: false, error: `unknown ${target.kind}` };
      if (!statusLinkAllowed(item.url, source.url)) return { ok: false, error: 'link not allowed' };
      return { ok: true, url: item.url };
    }
  }
}

/** Links from settings were validated on the way in; check again, they are what a user clicks. */
function gandiOnly(value: string): ResolvedLink {
  return isGandiLink(value) ? { ok: true, url: value } : { ok: false, error: 'link not allowed' };
}

/** Gandi's help centre (Zendesk) names its language in the path: /hc/en-us, /hc/fr. */
const HELP_CENTRE = /^(https:\/\/helpdesk\.gandi\.net\/hc\/)(en-us|fr)(\/|$)/;

/** A help-centre link in the window's language; any other link as it is. */
export function inLanguage(link: string, language: 'en' | 'fr' | undefined): string {
  if (language === undefined) return link;
  return link.replace(HELP_CENTRE, (_all, start: string, _current: string, end: string) => `${start}${language === 'fr' ? 'fr' : 'en-us'}${end}`);
}

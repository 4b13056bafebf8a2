// Which links may leave the app for the browser. The renderer never hands us a URL: it names a
// target, main resolves it from the settings or the current snapshot, and only https URLs on
// known hosts are opened.
import type { StatusSnapshot } from '../core/model';
import type { ExternalTarget, Settings } from '../../preload/contract';

/** Gandi's help centre and customer area (where the chat lives), always allowed. */
export const GANDI_HOSTS = ['helpdesk.gandi.net', 'admin.gandi.net'] as const;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Status page hosts (settings and snapshot), Gandi's help hosts and the hosts of settings.links. */
export function allowedHosts(settings: Settings, snapshot: StatusSnapshot | null): Set<string> {
  const urls = [
    ...settings.sources.map((source) => source.url),
    ...(snapshot?.sources.map((source) => source.url) ?? []),
    ...Object.values(settings.links),
  ];
  const hosts = new Set<string>(GANDI_HOSTS);
  for (const url of urls) {
    const host = hostOf(url);
    if (host !== null) hosts.add(host);
  }
  return hosts;
}

export function isAllowedExternalUrl(url: string, hosts: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // No credentials in links: "https://status.gandi.net@evil.example" must not pass for Gandi.
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return hosts.has(parsed.hostname.toLowerCase());
}

/** The URL a target stands for, or null when it names nothing we know. */
export function resolveExternalUrl(target: ExternalTarget, settings: Settings, snapshot: StatusSnapshot): string | null {
  switch (target.kind) {
    case 'status-page':
      return settings.links.statusPage;
    case 'help':
      return settings.links.helpCenter;
    case 'ticket':
      return settings.links.ticket;
    case 'chat':
      return settings.links.chat;
    case 'incident':
    case 'maintenance': {
      const source = snapshot.sources.find((candidate) => candidate.url === target.sourceUrl);
      const items = target.kind === 'incident' ? source?.incidents : source?.maintenances;
      return items?.find((item) => item.id === target.id)?.url ?? null;
    }
  }
}

// "Does it affect me?": which of a status page's services, incidents and maintenances touch what
// the user's Gandi account uses (its domains, LiveDNS zones, mailboxes, Simple Hosting instances by
// datacenter). Which component means which use is data (gandi-components.json), matched by group
// and by name, with the datacenter code (FR-SD5) in the name. Pure: the window and the tray use it too.
import { z } from 'zod';
import raw from './gandi-components.json';
import type { AccountUsage } from './account';
import type { Level, SourceSnapshot, StatusSnapshot } from './model';

export const ACCOUNT_USES = ['registration', 'livedns', 'mail', 'hosting'] as const;
export type AccountUse = (typeof ACCOUNT_USES)[number];

const componentMapSchema = z.object({
  /** Which pages are Gandi's: by host, or by a word in the page's name (a local simulator). */
  pages: z.object({ hosts: z.array(z.string()), nameIncludes: z.string().min(1) }),
  rules: z.array(
    z.object({
      use: z.enum(ACCOUNT_USES),
      /** The component's group; absent: any group or none. */
      group: z.string().optional(),
      /** The component's name: `*` any, `{datacenter}` one of the account's datacenter codes. */
      name: z.string().min(1),
    }),
  ),
});
export type ComponentMap = z.infer<typeof componentMapSchema>;

export const GANDI_COMPONENT_MAP: ComponentMap = componentMapSchema.parse(raw);

/** One use of the account a component touches: which of the user's things, and in words. */
export interface Touch {
  use: AccountUse;
  /** The user's things concerned: domains, mail domains, instance names. */
  items: string[];
  /** "your instance shop-prod runs there". */
  sentence: string;
}

export interface ServiceImpact {
  sourceUrl: string;
  serviceId: string;
  serviceName: string;
  level: Level;
  touches: Touch[];
}

export interface ItemImpact {
  sourceUrl: string;
  id: string;
  title: string;
  touches: Touch[];
}

/** Only what touches the user is listed; an empty impact when nothing does (or nothing is known). */
export interface AccountImpact {
  services: ServiceImpact[];
  incidents: ItemImpact[];
  maintenances: ItemImpact[];
}

function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a page is Gandi's (only its components can touch the account). */
export function isGandiPage(source: SourceSnapshot, map: ComponentMap = GANDI_COMPONENT_MAP): boolean {
  let host = '';
  try {
    host = new URL(source.url).hostname.toLowerCase();
  } catch {
    // not an address: only the name can tell
  }
  return map.pages.hosts.includes(host) || fold(source.name).includes(fold(map.pages.nameIncludes));
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, 3).join(', ');
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}

function plural(items: readonly string[], one: string, many: string): string {
  return items.length === 1 ? one : many;
}

/** What of the account one use touches, for a component (by its name, for hosting); null: nothing. */
function touchOf(use: AccountUse, usage: AccountUsage, namePattern: string, serviceName: string): Touch | null {
  switch (use) {
    case 'registration': {
      const items = usage.registeredDomains ?? [];
      if (items.length === 0) return null;
      return { use, items, sentence: `your ${plural(items, 'domain', 'domains')} ${listed(items)} ${plural(items, 'is', 'are')} registered at Gandi` };
    }
    case 'livedns': {
      const items = usage.liveDnsDomains ?? [];
      if (items.length === 0) return null;
      return { use, items, sentence: `the ${plural(items, 'zone', 'zones')} of ${listed(items)} ${plural(items, 'is', 'are')} on LiveDNS` };
    }
    case 'mail': {
      const items = usage.mailDomains ?? [];
      if (items.length === 0) return null;
      return { use, items, sentence: `your mailboxes at ${listed(items)}` };
    }
    case 'hosting': {
      const datacenter = (usage.hosting ?? []).find((place) => fold(namePattern.replace('{datacenter}', place.datacenter)) === fold(serviceName));
      if (!datacenter || datacenter.instances.length === 0) return null;
      const items = datacenter.instances;
      return { use, items, sentence: `your ${plural(items, 'instance', 'instances')} ${listed(items)} ${plural(items, 'runs', 'run')} there` };
    }
  }
}

function serviceTouches(service: { name: string; group: string | null }, usage: AccountUsage, map: ComponentMap): Touch[] {
  const touches: Touch[] = [];
  for (const rule of map.rules) {
    if (rule.group !== undefined && fold(rule.group) !== fold(service.group ?? '')) continue;
    const byName = rule.name === '*' || rule.name.includes('{datacenter}') || fold(rule.name) === fold(service.name);
    if (!byName || touches.some((touch) => touch.use === rule.use)) continue;
    const touch = touchOf(rule.use, usage, rule.name, service.name);
    if (touch !== null) touches.push(touch);
  }
  return touches;
}

function merged(lists: readonly Touch[][]): Touch[] {
  const byUse = new Map<AccountUse, Touch>();
  for (const touch of lists.flat()) {
    const known = byUse.get(touch.use);
    if (!known) byUse.set(touch.use, touch);
    else if (touch.items.some((item) => !known.items.includes(item))) {
      // Two datacenters in one incident: both sets of instances, said once.
      const items = [...new Set([...known.items, ...touch.items])];
      byUse.set(touch.use, { use: touch.use, items, sentence: `your instances ${listed(items)} run there` });
    }
  }
  return [...byUse.values()];
}

/** Which services, incidents and maintenances of Gandi's pages touch what the account uses. */
export function accountImpact(status: StatusSnapshot, usage: AccountUsage, map: ComponentMap = GANDI_COMPONENT_MAP): AccountImpact {
  const impact: AccountImpact = { services: [], incidents: [], maintenances: [] };
  for (const source of status.sources) {
    if (!isGandiPage(source, map)) continue;
    const touched = new Map<string, Touch[]>();
    for (const service of source.services) {
      const touches = serviceTouches(service, usage, map);
      if (touches.length === 0) continue;
      touched.set(service.id, touches);
      impact.services.push({ sourceUrl: source.url, serviceId: service.id, serviceName: service.name, level: service.status, touches });
    }
    const itemImpact = (item: { id: string; title: string; services: string[] }): ItemImpact[] => {
      const touches = merged(item.services.map((id) => touched.get(id) ?? []));
      return touches.length === 0 ? [] : [{ sourceUrl: source.url, id: item.id, title: item.title, touches }];
    };
    impact.incidents.push(...source.incidents.flatMap(itemImpact));
    impact.maintenances.push(...source.maintenances.flatMap(itemImpact));
  }
  return impact;
}

/** Whether every use of the account is known (a check not permitted or failed leaves one null). */
export function usageComplete(usage: AccountUsage): boolean {
  return usage.registeredDomains !== null && usage.liveDnsDomains !== null && usage.mailDomains !== null && usage.hosting !== null;
}

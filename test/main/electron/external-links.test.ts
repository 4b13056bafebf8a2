import { describe, expect, it } from 'vitest';
import { allowedHosts, isAllowedExternalUrl, resolveExternalUrl } from '../../../main/electron/external-links';
import { DEFAULT_LINKS } from '../../../preload/contract';
import { incident, maintenance, settingsWith, snapshot, SOURCE } from './fixtures';

const settings = settingsWith();
const current = snapshot('major_outage', { incidents: [incident('i1', 'x')], maintenances: [maintenance('m1', 'y')] });
const hosts = allowedHosts(settings, current);

describe('openExternal allow-list', () => {
  it.each([
    ['file:///etc/passwd'],
    ['http://status.gandi.net/'],
    ['https://evil.example/'],
    ['https://status.gandi.net.evil.example/'],
    ['https://status.gandi.net@evil.example/'],
    ['https://user:pw@status.gandi.net/'],
    ['javascript:alert(1)'],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(false);
  });

  it('accepts the ticket, chat, help and status page links', () => {
    for (const url of Object.values(DEFAULT_LINKS)) expect(isAllowedExternalUrl(url, hosts), url).toBe(true);
    expect(isAllowedExternalUrl('https://status.gandi.net/incidents/i1', hosts)).toBe(true);
  });

  it('allows the hosts of custom links and sources', () => {
    const custom = settingsWith({
      sources: [{ url: 'https://status.example.org', kind: 'auto' }],
      links: { ...DEFAULT_LINKS, chat: 'https://chat.example.net/start' },
    });
    const customHosts = allowedHosts(custom, null);
    expect(isAllowedExternalUrl('https://chat.example.net/start', customHosts)).toBe(true);
    expect(isAllowedExternalUrl('https://status.example.org/', customHosts)).toBe(true);
    expect(isAllowedExternalUrl('https://helpdesk.gandi.net/hc/en-us', customHosts)).toBe(true);
  });
});

describe('resolveExternalUrl', () => {
  it('resolves named links from the settings and items from the snapshot', () => {
    expect(resolveExternalUrl({ kind: 'ticket' }, settings, current)).toBe(DEFAULT_LINKS.ticket);
    expect(resolveExternalUrl({ kind: 'chat' }, settings, current)).toBe('https://admin.gandi.net');
    expect(resolveExternalUrl({ kind: 'incident', sourceUrl: SOURCE, id: 'i1' }, settings, current)).toBe(`${SOURCE}/incidents/i1`);
    expect(resolveExternalUrl({ kind: 'maintenance', sourceUrl: SOURCE, id: 'm1' }, settings, current)).toBe(`${SOURCE}/incidents/m1`);
    expect(resolveExternalUrl({ kind: 'incident', sourceUrl: SOURCE, id: 'nope' }, settings, current)).toBeNull();
    expect(resolveExternalUrl({ kind: 'incident', sourceUrl: 'https://other', id: 'i1' }, settings, current)).toBeNull();
  });
});

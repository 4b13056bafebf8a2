import { describe, expect, it } from 'vitest';
import { inLanguage, resolveExternalTarget, statusLinkAllowed, updateLinkAllowed } from '../../../main/core/external-links';
import { DEFAULT_LINKS, isGandiLink, settingsSchema } from '../../../common/settings';
import { incident, maintenance, settingsWith, snapshot, SOURCE } from '../electron/fixtures';

const settings = settingsWith();
const current = snapshot('major_outage', {
  incidents: [
    incident('i1', 'x'),
    incident('short', 'y', { url: 'https://stspg.io/abc' }),
    incident('evil', 'z', { url: 'https://evil.example/incidents/1' }),
    incident('plain', 'w', { url: 'http://status.gandi.net/incidents/plain' }),
  ],
  maintenances: [maintenance('m1', 'y')],
});

describe('links from the settings stay on gandi.net', () => {
  it.each([
    ['https://helpdesk.gandi.net/hc/fr', true],
    ['https://gandi.net/contact', true],
    ['https://admin.gandi.net', true],
    ['http://helpdesk.gandi.net/', false],
    ['https://evil.example/phish', false],
    ['https://gandi.net.evil.example/', false],
    ['https://evilgandi.net/', false],
    ['https://helpdesk.gandi.net@evil.example/', false],
    ['https://user:pw@helpdesk.gandi.net/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isGandiLink(url)).toBe(allowed);
    const parsed = settingsSchema.safeParse({ links: { ...DEFAULT_LINKS, chat: url } });
    expect(parsed.success).toBe(allowed);
  });
});

describe('resolveExternalTarget', () => {
  it('resolves the named links from the settings', () => {
    expect(resolveExternalTarget({ kind: 'ticket' }, settings, current)).toEqual({ ok: true, url: DEFAULT_LINKS.ticket });
    expect(resolveExternalTarget({ kind: 'chat' }, settings, current)).toEqual({ ok: true, url: 'https://admin.gandi.net' });
    expect(resolveExternalTarget({ kind: 'help' }, settings, current)).toEqual({ ok: true, url: DEFAULT_LINKS.helpCenter });
    expect(resolveExternalTarget({ kind: 'status-page' }, settings, current)).toEqual({ ok: true, url: DEFAULT_LINKS.statusPage });
  });

  it('refuses a settings link that left gandi.net behind the schema’s back', () => {
    const tampered = { ...settings, links: { ...settings.links, ticket: 'https://evil.example/ticket' } };
    expect(resolveExternalTarget({ kind: 'ticket' }, tampered, current).ok).toBe(false);
  });

  it('resolves incidents and maintenances of the snapshot to their pages on the source’s host', () => {
    expect(resolveExternalTarget({ kind: 'incident', sourceUrl: SOURCE, id: 'i1' }, settings, current)).toEqual({ ok: true, url: `${SOURCE}/incidents/i1` });
    expect(resolveExternalTarget({ kind: 'incident', sourceUrl: SOURCE, id: 'short' }, settings, current)).toEqual({ ok: false, error: 'link not allowed' });
    expect(resolveExternalTarget({ kind: 'maintenance', sourceUrl: SOURCE, id: 'm1' }, settings, current)).toEqual({ ok: true, url: `${SOURCE}/incidents/m1` });
  });

  it.each([
    [{ kind: 'incident' as const, sourceUrl: SOURCE, id: 'nope' }, 'unknown incident'],
    [{ kind: 'incident' as const, sourceUrl: 'https://other.example', id: 'i1' }, 'unknown source'],
    [{ kind: 'incident' as const, sourceUrl: SOURCE, id: 'evil' }, 'link not allowed'],
    [{ kind: 'maintenance' as const, sourceUrl: SOURCE, id: 'i1' }, 'unknown maintenance'],
  ])('refuses %j (%s)', (target, error) => {
    expect(resolveExternalTarget(target, settings, current)).toEqual({ ok: false, error });
  });
});

describe('statusLinkAllowed', () => {
  it.each([
    ['https://status.gandi.net/incidents/1', 'https://status.gandi.net', true],
    ['https://stspg.io/x', 'https://status.gandi.net', false],
    ['http://127.0.0.1:8080/timeline/events/3', 'http://127.0.0.1:8080', true],
    ['http://status.gandi.net/incidents/1', 'https://status.gandi.net', false],
    ['https://status.gandi.net.evil.example/', 'https://status.gandi.net', false],
    ['https://status.gandi.net@evil.example/', 'https://status.gandi.net', false],
    ['https://evil.example/', 'https://status.gandi.net', false],
  ])('%s from %s -> %s', (link, source, allowed) => {
    expect(statusLinkAllowed(link, source)).toBe(allowed);
  });
});

describe('help centre in the window language', () => {
  it('opens the French help centre and ticket form from a French window, the English ones otherwise', () => {
    expect(resolveExternalTarget({ kind: 'ticket', language: 'fr' }, settings, current)).toEqual({ ok: true, url: 'https://helpdesk.gandi.net/hc/fr/requests/new' });
    expect(inLanguage('https://helpdesk.gandi.net/hc/en-us/requests/new', 'fr')).toBe('https://helpdesk.gandi.net/hc/fr/requests/new');
    expect(inLanguage('https://helpdesk.gandi.net/hc/en-us', 'fr')).toBe('https://helpdesk.gandi.net/hc/fr');
    expect(inLanguage('https://helpdesk.gandi.net/hc/fr/requests/new', 'en')).toBe('https://helpdesk.gandi.net/hc/en-us/requests/new');
    // Links a user moved elsewhere on gandi.net are theirs: left as they are.
    expect(inLanguage('https://www.gandi.net/en/contact', 'fr')).toBe('https://www.gandi.net/en/contact');
    expect(inLanguage('https://helpdesk.gandi.net/hc/en-us/requests/new', undefined)).toBe('https://helpdesk.gandi.net/hc/en-us/requests/new');
  });
});

describe('links written in update texts', () => {
  it("opens https links on the page's own site, and nothing else", () => {
    expect(updateLinkAllowed('https://docs.gandi.net/en/domain', 'https://status.gandi.net')).toBe(true);
    expect(updateLinkAllowed('https://gandi.net/', 'https://status.gandi.net')).toBe(true);
    expect(updateLinkAllowed('https://evil.example/phish', 'https://status.gandi.net')).toBe(false);
    expect(updateLinkAllowed('http://docs.gandi.net/', 'https://status.gandi.net')).toBe(false);
    expect(updateLinkAllowed('https://user:pw@docs.gandi.net/', 'https://status.gandi.net')).toBe(false);
    expect(updateLinkAllowed('https://gandi.net.evil.example/', 'https://status.gandi.net')).toBe(false);
    // An address vouches for no other address.
    expect(updateLinkAllowed('https://10.0.0.1/', 'http://127.0.0.1:8080')).toBe(false);
  });

  it('resolves only for a page the app watches', () => {
    expect(resolveExternalTarget({ kind: 'update-link', sourceUrl: 'https://other.example', url: 'https://other.example/x' }, settings, current).ok).toBe(false);
  });
});

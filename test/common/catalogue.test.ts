import { describe, expect, it } from 'vitest';
import { CATALOGUE, searchCatalogue } from '../../common/catalogue';
import { parseSourceUrl, settingsSchema } from '../../common/settings';

describe('the catalogue', () => {
  it('starts with Gandi, and every entry is a page the settings accept, in a format read here', () => {
    expect(CATALOGUE[0]).toMatchObject({ id: 'gandi', url: 'https://status.gandi.net', kind: 'statuspage' });
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
    for (const entry of CATALOGUE) {
      expect(parseSourceUrl(entry.url), entry.id).toEqual({ ok: true, url: entry.url });
      expect(settingsSchema.safeParse({ sources: [{ url: entry.url, kind: entry.kind }] }).success, entry.id).toBe(true);
    }
    expect(new Set(CATALOGUE.map((e) => e.kind))).toEqual(new Set(['statuspage', 'statusio', 'incident-io', 'feed']));
  });

  it('is searched by name, address or coverage, every word, case and accents aside', () => {
    expect(searchCatalogue('git').map((e) => e.id)).toEqual(['github', 'gitlab', 'bitbucket']);
    expect(searchCatalogue('LET’S').map((e) => e.id)).toEqual([]);
    expect(searchCatalogue('encrypt').map((e) => e.id)).toEqual(['letsencrypt']);
    expect(searchCatalogue('cdn dns').map((e) => e.id)).toEqual(['cloudflare']);
    expect(searchCatalogue('  ')).toHaveLength(CATALOGUE.length);
    expect(searchCatalogue('nothing like this')).toEqual([]);
  });
});

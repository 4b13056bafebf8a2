// "Watch only part of a page": the one rule the tray, the notifications and the window follow.
import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema, watchedPartsOf } from '../../common/settings';
import { narrowToWatched, unwatchedServiceKeys, watchedSourceLevel } from '../../common/watch';
import { incident, service, sourceSnapshot } from '../support/snapshots';
import type { StatusSnapshot } from '../../common/model';

// A CDN page: its edge in Paris is down, the one in Sydney degraded, the API fine.
const cdn = sourceSnapshot({
  url: 'https://www.cloudflarestatus.com',
  overall: 'major_outage',
  services: [service('par', 'major_outage', 'Europe', 'Paris, France'), service('syd', 'degraded', 'Oceania', 'Sydney, Australia'), service('api', 'operational', null, 'API')],
});
const picture: StatusSnapshot = { overall: 'major_outage', sources: [cdn] };

describe('watching part of a page', () => {
  it('colours by the watched components only, by id or by group', () => {
    expect(watchedSourceLevel(cdn, { services: ['api'], groups: [] })).toBe('operational');
    expect(watchedSourceLevel(cdn, { services: ['api'], groups: ['Oceania'] })).toBe('degraded');
    expect(narrowToWatched(picture, new Map([[cdn.url, { services: ['api'], groups: [] }]])).overall).toBe('operational');
    // Nothing chosen: the page's own level.
    expect(watchedSourceLevel(cdn, { services: [], groups: [] })).toBe('major_outage');
    expect(narrowToWatched(picture, new Map())).toBe(picture);
  });

  it('never turns a broken page into "all clear" when the choice names nothing the page still has', () => {
    expect(watchedSourceLevel(cdn, { services: ['renamed-away'], groups: ['Gone'] })).toBe('major_outage');
    expect(unwatchedServiceKeys(picture, new Map([[cdn.url, { services: ['renamed-away'], groups: [] }]]))).toEqual([]);
  });

  it('still counts what concerns the whole page: an open incident or a maintenance that names no component', () => {
    const choice = { services: ['api'], groups: [] };
    const pageWide = { ...cdn, incidents: [incident({ id: 'all', impact: 'major', services: [] })] };
    expect(watchedSourceLevel(pageWide, choice)).toBe('partial_outage');
    const elsewhere = { ...cdn, incidents: [incident({ id: 'par', impact: 'critical', services: ['par'] })] };
    expect(watchedSourceLevel(elsewhere, choice)).toBe('operational');
    const resolved = { ...cdn, incidents: [incident({ id: 'old', impact: 'critical', status: 'resolved', services: [] })] };
    expect(watchedSourceLevel(resolved, choice)).toBe('operational');
  });

  it('lists what is not watched, for the notifications', () => {
    // Keyed by page: ids are only unique within one (Cachet numbers its components).
    expect(unwatchedServiceKeys(picture, new Map([[cdn.url, { services: [], groups: ['Europe'] }]]))).toEqual([`${cdn.url}|syd`, `${cdn.url}|api`]);
  });

  it('is kept in the settings per page, and absent means the whole page', () => {
    const settings = settingsSchema.parse({ sources: [{ url: cdn.url, watch: { services: ['api'], groups: [] } }, { url: 'https://status.gandi.net' }] });
    expect([...watchedPartsOf(settings).keys()]).toEqual([cdn.url]);
    expect(watchedPartsOf(defaultSettings()).size).toBe(0);
  });
});

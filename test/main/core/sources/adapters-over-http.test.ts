// Adapter behaviour that needs more than one document: incident.io's confirmation from
// incidents.json, Cachet 2's pages followed within a bound, the forced Cachet version probe.
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceSnapshot } from '../../../../common/model';
import { createHttpClient } from '../../../../main/core/http';
import { createCachetSource, CACHET_MAX_PAGES } from '../../../../main/core/sources/cachet';
import { createIncidentIoSource } from '../../../../main/core/sources/incident-io';
import { FETCHED_AT, provider, serveSite, SITES, type SiteServer } from './provider-fixtures';

const http = () => createHttpClient({ fetch: (url, init) => fetch(url, init), timeoutMs: 2000 });
const deps = () => ({ http: http(), now: () => FETCHED_AT });

let server: SiteServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('incident.io', () => {
  it('confirms from incidents.json the end of an incident that left the summary (its updates may have empty bodies)', async () => {
    server = await serveSite(SITES['incident-io'] ?? { kind: 'incident-io', entry: '', documents: {} });
    const source = createIncidentIoSource(server.base, deps());
    const first = await source.fetchSnapshot(null);
    // An earlier poll saw "Delayed webhook deliveries" open (its native id is in its shortlink).
    const earlier: SourceSnapshot = {
      ...first,
      incidents: [
        ...first.incidents,
        { id: '01J26W14WMCHWYFGCW8T7SWM4F', title: 'Delayed webhook deliveries', status: 'investigating', impact: 'minor', services: [], startedAt: '2026-03-03T17:02:41.004Z', updatedAt: null, resolvedAt: null, url: `${server.base}/incidents/01J26W14WMCHWYFGCW8T7SWM4F`, updates: [] },
      ],
    };
    const next = await source.fetchSnapshot(earlier);
    const confirmed = next.incidents.find((i) => i.id === '01J26W14WMCHWYFGCW8T7SWM4F');
    expect(confirmed).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-03T18:10:12.877Z' });
    expect(confirmed?.updates.map((u) => [u.status, u.body])).toEqual([
      ['resolved', ''],
      ['investigating', ''],
    ]);
    expect(server.requests).toContain('/api/v2/incidents.json');
  });

  it('asks for the widget once when the page has none', async () => {
    const site = SITES['incident-io'];
    if (!site) throw new Error('site');
    const { '/api/v1/summary': _widget, ...documents } = site.documents;
    server = await serveSite({ ...site, documents });
    const source = createIncidentIoSource(server.base, deps());
    await source.fetchSnapshot(null);
    await source.fetchSnapshot(null);
    expect(server.requests.filter((path) => path === '/api/v1/summary')).toHaveLength(1);
  });
});

describe('Cachet 2', () => {
  function pageOf(page: number, totalPages: number): unknown {
    const body = provider('cachet/v2/api_v1_components.json') as { meta: { pagination: Record<string, unknown> }; data: Array<{ id: number; name: string }> };
    return {
      meta: { pagination: { ...body.meta.pagination, current_page: page, total_pages: totalPages } },
      data: body.data.map((c) => ({ ...c, id: c.id + page * 100, name: `${c.name} #${page}` })),
    };
  }

  it(`follows the pages of components, ${CACHET_MAX_PAGES} at most`, async () => {
    const site = SITES['cachet2'];
    if (!site) throw new Error('site');
    const documents = { ...site.documents };
    for (let page = 1; page <= 7; page += 1) {
      const body = JSON.stringify(pageOf(page, 7));
      documents[`/api/v1/components?per_page=100&page=${page}`] = { body: () => body };
    }
    server = await serveSite({ ...site, documents });
    const snapshot = await createCachetSource(server.base, deps(), 2).fetchSnapshot(null);
    expect(snapshot.services).toHaveLength(4 * CACHET_MAX_PAGES);
    expect(server.requests.filter((path) => path.startsWith('/api/v1/components?'))).toHaveLength(CACHET_MAX_PAGES);
  });

  it('asks which Cachet answers when the version is not known', async () => {
    server = await serveSite(SITES['cachet3'] ?? { kind: 'cachet', entry: '', documents: {} });
    const source = createCachetSource(server.base, deps());
    expect((await source.fetchSnapshot(null)).services).toHaveLength(4);
    expect(server.requests.slice(0, 2)).toEqual(['/api/v1/ping', '/api/ping']);
    server.requests.length = 0;
    await source.fetchSnapshot(null);
    expect(server.requests).not.toContain('/api/ping');
  });
});

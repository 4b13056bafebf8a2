// Detection from a bare URL, on a page of every format served from the example documents: the
// right format, within MAX_DETECTION_REQUESTS, then a first poll with the detected adapter.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../main/core/http';
import { createSource } from '../../../../main/core/sources';
import { detectFormat, MAX_DETECTION_REQUESTS } from '../../../../main/core/sources/detect';
import { FETCHED_AT, serveSite, SITES, type SiteServer } from './provider-fixtures';

const http = () => createHttpClient({ fetch: (url, init) => fetch(url, init), timeoutMs: 2000 });

let server: SiteServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Requests each page's detection takes (asserted, so that a change in the order shows here). */
const EXPECTED: Array<[site: string, requests: number, overall: string]> = [
  ['statuspage', 1, 'major_outage'],
  ['statuspage-github', 1, 'major_outage'],
  ['incident-io', 1, 'partial_outage'],
  ['instatus', 3, 'partial_outage'],
  ['instatus-no-hint', 3, 'partial_outage'],
  ['betterstack', 4, 'degraded'],
  ['cachet2', 3, 'partial_outage'],
  ['cachet3', 5, 'partial_outage'],
  ['statusio', 3, 'partial_outage'],
  ['feed-atom', 6, 'degraded'],
  ['feed-rss', 2, 'degraded'],
  ['gandi-legacy', 5, 'degraded'],
];

describe('detectFormat', () => {
  it.each(EXPECTED)('%s: found in %i requests', async (name, requests, overall) => {
    const site = SITES[name];
    if (!site) throw new Error(name);
    server = await serveSite(site);
    const detection = await detectFormat(http(), `${server.base}${site.entry}`);
    expect(detection.kind).toBe(site.kind);
    expect(detection.requests).toBe(requests);
    expect(server.requests).toHaveLength(requests);
    expect(requests).toBeLessThanOrEqual(MAX_DETECTION_REQUESTS);

    if (site.kind === 'gandi-legacy') return; // its example holds the status alone
    const source = createSource({ url: `${server.base}${site.entry}`, kind: 'auto' }, { http: http(), now: () => FETCHED_AT });
    const snapshot = await source.fetchSnapshot(null);
    expect(source.kind).toBe(site.kind);
    expect(snapshot).toMatchObject({ kind: site.kind, overall, stale: false });
  });

  it('stays within the bound on a page that hides its Cachet 2 behind no hint at all', async () => {
    server = await serveSite(SITES['cachet2-no-hint'] ?? { kind: 'cachet', entry: '', documents: {} });
    const detection = await detectFormat(http(), server.base);
    expect(detection).toEqual({ kind: 'cachet', cachetVersion: 2, requests: MAX_DETECTION_REQUESTS });
  });

  it('names what was tried when nothing fits', async () => {
    server = await serveSite({ kind: 'feed', entry: '', documents: {} });
    const error = await detectFormat(http(), server.base).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'invalid', problem: { case: 'unknown-api' } });
    expect((error as Error).message).toMatch(
      /answers like no status page format read here \(\/api\/v2\/summary\.json: HTTP 404, the page: HTTP 404, \/summary\.json: HTTP 404, \/index\.json: HTTP 404, \/api\/status: HTTP 404, \/api\/v1\/ping: HTTP 404; no feed link found\)$/,
    );
    expect(server.requests).toHaveLength(MAX_DETECTION_REQUESTS);
  });

  it("reports a Statuspage page's failing summary rather than settling on its feed", async () => {
    server = await serveSite({
      kind: 'statuspage',
      entry: '',
      documents: {
        '/': {
          body: () => '<html><head><link rel="alternate" type="application/atom+xml" href="/history.atom"><script src="https://dka575ofm4ao0.cloudfront.net/assets/stspg.js"></script></head></html>',
          type: 'text/html',
        },
        '/history.atom': { file: 'feeds/statuspage-history.atom', type: 'application/atom+xml' },
      },
    });
    await expect(detectFormat(http(), server.base)).rejects.toMatchObject({ reason: 'http', status: 404, url: `${server.base}/api/v2/summary.json` });
    expect(server.requests).toEqual(['/api/v2/summary.json', '/']);
  });

  it('says so when every known path answers a web page (Better Stack-like hosting of something else)', async () => {
    server = await serveSite({ kind: 'feed', entry: '', documents: {}, htmlEverywhere: true });
    await expect(detectFormat(http(), server.base)).rejects.toThrow(/sent a web page instead of JSON to every known API path; no feed link found$/);
  });
});

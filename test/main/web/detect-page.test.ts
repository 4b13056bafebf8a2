// Settings' "Add a status page" over the dashboard: POST /api/detect-page reads a page once, of any
// format, and says what it is (or why it cannot be read); nothing is saved.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../common/settings';
import { WINDOW_CALLS, type DetectPageResult } from '../../../common/window-api';
import { listenDashboard, type ListeningDashboard } from '../../../main/web/dashboard';
import { createSettingsController, type SettingsController } from '../../../main/web/settings-controller';
import { serveSite, SITES, type SiteServer } from '../core/sources/provider-fixtures';
import { createFakeStatus } from './fakes';

let dir: string;
let dashboard: ListeningDashboard;
let settings: SettingsController;
let site: SiteServer | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dashboard-detect-'));
  settings = createSettingsController({ initial: defaultSettings(), store: null });
  dashboard = await listenDashboard({
    port: 0,
    host: '127.0.0.1',
    hostGiven: false,
    staticRoot: dir,
    status: createFakeStatus({ overall: 'unknown', sources: [] }),
    settings,
    info: { name: 'Gandi Status', version: '0.1.0', platform: 'web', locale: 'en-US' },
  });
});

afterEach(async () => {
  await site?.close();
  site = null;
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

async function detect(body: unknown): Promise<{ status: number; result: DetectPageResult }> {
  const route = WINDOW_CALLS.detectPage.http;
  const response = await fetch(`${dashboard.url}${route.path}`, {
    method: route.method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, result: (await response.json()) as DetectPageResult };
}

describe('POST /api/detect-page', () => {
  it.each(['incident-io', 'instatus', 'betterstack', 'cachet2', 'cachet3', 'statusio', 'feed-atom', 'statuspage'])(
    'reads a %s page from its bare address and saves nothing',
    async (name) => {
      const served = SITES[name];
      if (!served) throw new Error(name);
      site = await serveSite(served);
      const { status, result } = await detect({ url: `${site.base}/` });
      expect(status).toBe(200);
      expect(result).toMatchObject({ ok: true, url: site.base, kind: served.kind });
      if (!result.ok) return;
      expect(result.services).toBe(served.kind === 'feed' ? 0 : result.services);
      if (served.kind !== 'feed') expect(result.services).toBeGreaterThan(0);
      expect(result.requests).toBe(site.requests.length);
      expect(settings.get().sources).toEqual(defaultSettings().sources);
    },
  );

  it('names the page, its format and its components', async () => {
    site = await serveSite(SITES['instatus'] ?? { kind: 'instatus', entry: '', documents: {} });
    const { result } = await detect({ url: site.base });
    expect(result).toEqual({
      ok: true,
      url: site.base,
      kind: 'instatus',
      name: 'Acme Cloud',
      overall: 'partial_outage',
      services: 5,
      groups: 1,
      incidents: 1,
      maintenances: 1,
      requests: 4, // the detection's answers are read again, not asked again
    });
  });

  it('takes a forced format', async () => {
    site = await serveSite(SITES['cachet3'] ?? { kind: 'cachet', entry: '', documents: {} });
    const { result } = await detect({ url: site.base, kind: 'cachet' });
    // No detection: the adapter asks which Cachet (2.x ping, then 3.x ping), then reads the four lists.
    expect(result).toMatchObject({ ok: true, kind: 'cachet', services: 4, requests: 6 });
  });

  it('says in one sentence why a page cannot be read', async () => {
    site = await serveSite({ kind: 'feed', entry: '', documents: {} });
    const { status, result } = await detect({ url: site.base });
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: false, problem: { reason: 'invalid', case: 'unknown-api' }, requests: 6 });
    if (!result.ok) expect(result.error).toMatch(/answers like no status page format read here .*no feed link found\)$/);
  });

  it('refuses what is not an address of a status page', async () => {
    expect((await detect({ url: 'ftp://example.com' })).result).toMatchObject({ ok: false, problem: { case: 'not-http' } });
    expect((await detect({ url: 'x'.repeat(5000) })).status).toBe(400);
    expect((await detect({ url: 'https://x.example', kind: 'gopher' })).status).toBe(400);
  });
});

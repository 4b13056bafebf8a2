// The window as a user in an outage sees it, in Debian's Chromium: Gandi's real outage page (two
// open incidents, a service in major outage, three maintenances), at the tray popup's size and a
// desktop's, in both languages and themes. Saves the screenshots to test-artifacts/ and runs
// axe-core on every tab.
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { launchChromium } from './helpers/chromium';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/real/statuspage-gandi-summary-major-outage-and-maintenances.json');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The real document with every time moved by the same amount, so that it happened just now. */
function shiftedToNow(document: unknown, capturedAt: number, now: number): unknown {
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string' && ISO.test(value)) return new Date(Date.parse(value) + (now - capturedAt)).toISOString();
    if (Array.isArray(value)) return value.map(shift);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shift(item)]));
    return value;
  };
  return shift(document);
}

let page: http.Server;
let dashboard: RunningDashboard;
let browser: Browser;

beforeAll(async () => {
  const [staticRoot] = await Promise.all([ensureRendererBuild(), mkdir(ARTIFACTS, { recursive: true })]);
  const real = JSON.parse(await readFile(FIXTURE, 'utf8')) as { page: { updated_at: string } };
  const summary = JSON.stringify(shiftedToNow(real, Date.parse(real.page.updated_at), Date.now() - 60_000));
  page = http.createServer((req, res) => {
    const body = req.url === '/api/v2/summary.json' ? summary : req.url?.endsWith('.json') ? '{"incidents":[],"scheduled_maintenances":[]}' : null;
    res.writeHead(body === null ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  dashboard = await startDashboardServer({
    args: { urls: [url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await new Promise((resolve) => page?.close(resolve));
});

async function open(locale: 'en-US' | 'fr-FR', colorScheme: 'light' | 'dark', width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport: { width, height } });
  const tab = await context.newPage();
  await tab.emulateMedia({ colorScheme });
  await tab.goto(dashboard.url);
  await tab.locator('.outage-banner').first().waitFor({ timeout: 15_000 });
  return tab;
}

const TABS = {
  en: { incidents: 'Incidents', maintenances: 'Maintenance', support: 'Support', settings: 'Settings' },
  fr: { incidents: 'Incidents', maintenances: 'Maintenance', support: 'Assistance', settings: 'Réglages' },
} as const;

describe('the window in an outage, as a user sees it', () => {
  it.each([
    ['en-US', 'light'],
    ['en-US', 'dark'],
    ['fr-FR', 'light'],
    ['fr-FR', 'dark'],
  ] as const)('names what is broken on the first screen (%s, %s), at 400x600 and 1280x800', async (locale, scheme) => {
    const language = locale.slice(0, 2) as 'en' | 'fr';
    for (const [width, height] of [
      [400, 600],
      [1280, 800],
    ] as const) {
      const tab = await open(locale, scheme, width, height);
      const name = (view: string) => path.join(ARTIFACTS, `glance-${view}-${language}-${scheme}-${width}x${height}.png`);
      // The first screen: the incident banners are in view without scrolling, above the services.
      const banner = await tab.locator('.outage-banner').first().boundingBox();
      expect((banner?.y ?? height) + (banner?.height ?? 0)).toBeLessThanOrEqual(height);
      expect(await tab.locator('.problems .service').count()).toBeGreaterThan(0);
      await tab.screenshot({ path: name('services') });
      for (const view of ['incidents', 'maintenances', 'support', 'settings'] as const) {
        await tab.getByRole('tab', { name: new RegExp(`^${TABS[language][view]}`) }).click();
        await tab.screenshot({ path: name(view) });
      }
      await tab.context().close();
    }
  });

  it('passes axe-core on every tab', async () => {
    const tab = await open('en-US', 'light', 1280, 800);
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await tab.evaluate(readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations: string[] = [];
    for (const view of ['Services', 'Incidents', 'Maintenance', 'Support', 'Settings']) {
      await tab.getByRole('tab', { name: new RegExp(`^${view}`) }).click();
      const result = await tab.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return axe.run(document);
      });
      for (const violation of result.violations) violations.push(`${view}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
    expect(violations).toEqual([]);
    await tab.context().close();
  });
});

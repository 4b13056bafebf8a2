// The window as a user in an outage sees it, in Debian's Chromium: Gandi's real outage page (two
// open incidents, a service in major outage, three maintenances), at the tray popup's size and a
// desktop's, in both languages and themes. Saves the screenshots to test-artifacts/ and runs
// axe-core on every tab.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { launchChromium } from './helpers/chromium';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';
import { openOutageTab, serveOutagePage, type OutagePage } from './helpers/outage-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
let page: OutagePage;
let dashboard: RunningDashboard;
let browser: Browser;

beforeAll(async () => {
  const [staticRoot] = await Promise.all([ensureRendererBuild(), mkdir(ARTIFACTS, { recursive: true })]);
  page = await serveOutagePage();
  const url = page.url;
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
  await page?.close();
});

function open(locale: 'en-US' | 'fr-FR', colorScheme: 'light' | 'dark', width: number, height: number): Promise<Page> {
  return openOutageTab(browser, dashboard.url, { locale, colorScheme, width, height });
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
        if (view === 'incidents') {
          // The app's own 90 days, under the incidents: recorded from its first look at the page.
          const history = tab.locator('section.history');
          await history.locator('.day-bar').first().waitFor({ timeout: 10_000 });
          await history.scrollIntoViewIfNeeded();
          await tab.screenshot({ path: name('history') });
        }
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

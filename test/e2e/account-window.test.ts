// Step 2 of the support procedure as the user sees it, in Debian's Chromium: the dashboard started
// with a token for the simulated Gandi API, on Gandi's real outage page. The support panel lists
// what the account checks found, the maintenances that touch the account are marked, and the token
// is nowhere in the page. Screenshots at tray size and desktop size, English light and French dark.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../simulator/gandi-api';
import { launchChromium } from './helpers/chromium';
import { openOutageTab, serveOutagePage, type OutagePage } from './helpers/outage-page';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
let statusPage: OutagePage;
let api: GandiApiSimulator;
let dashboard: RunningDashboard;
let browser: Browser;
let dir: string;
const savedApiUrl = process.env.GANDI_API_URL;

beforeAll(async () => {
  const [staticRoot] = await Promise.all([ensureRendererBuild(), mkdir(ARTIFACTS, { recursive: true })]);
  statusPage = await serveOutagePage();
  // The fixtures' dates moved to today, so what expires in them expires from now.
  api = await startGandiApiSimulator({ now: () => new Date() });
  dir = await mkdtemp(path.join(os.tmpdir(), 'gandi-account-window-'));
  const tokenFile = path.join(dir, 'token');
  await writeFile(tokenFile, `${SIM_TOKENS.all}\n`, { mode: 0o600 });
  // The dashboard reads the API's address from its environment, as documented for tests.
  process.env.GANDI_API_URL = api.url;
  dashboard = await startDashboardServer({
    args: { urls: [statusPage.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false, tokenFile },
    staticRoot,
    onWarning: () => undefined,
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  if (savedApiUrl === undefined) delete process.env.GANDI_API_URL;
  else process.env.GANDI_API_URL = savedApiUrl;
  await browser?.close();
  await dashboard?.stop();
  await api?.close();
  await statusPage?.close();
  await rm(dir, { recursive: true, force: true });
});

function open(locale: 'en-US' | 'fr-FR', colorScheme: 'light' | 'dark', width: number, height: number): Promise<Page> {
  return openOutageTab(browser, dashboard.url, { locale, colorScheme, width, height });
}

describe('the account in the window', () => {
  it.each([
    ['en-US', 'light', 'Support', 'Maintenance', 'expired', 'Affects you'],
    ['fr-FR', 'dark', 'Assistance', 'Maintenance', 'a expiré', 'Vous concerne'],
  ] as const)('lists the findings in the support panel and marks what touches the account (%s, %s)', async (locale, scheme, supportTab, maintenanceTab, expiredWord, affectsWord) => {
    const lang = locale.slice(0, 2);
    for (const [width, height] of [
      [400, 600],
      [1280, 800],
    ] as const) {
      const tab = await open(locale, scheme, width, height);
      await tab.getByRole('tab', { name: new RegExp(`^${supportTab}`) }).click();
      const checks = tab.locator('.account-checks');
      await checks.waitFor({ timeout: 20_000 });
      // The expired domain of the fixtures, in the window's language, with the page that fixes it.
      await expect.poll(() => checks.innerText(), { timeout: 10_000 }).toContain(`expired-brand.com ${expiredWord}`);
      expect(await checks.locator('.link-button').count()).toBeGreaterThan(0);
      await tab.locator('.account').scrollIntoViewIfNeeded();
      await tab.screenshot({ path: path.join(ARTIFACTS, `account-support-${lang}-${scheme}-${width}x${height}.png`) });

      await tab.getByRole('tab', { name: new RegExp(`^${maintenanceTab}`) }).click();
      // Registry maintenances touch every registrant: the account has domains.
      await expect.poll(() => tab.locator('[role="tabpanel"]:visible .tag-affects').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await tab.locator('[role="tabpanel"]:visible .tag-affects').first().textContent()).toBe(affectsWord);
      if (width === 400) await tab.screenshot({ path: path.join(ARTIFACTS, `account-maintenances-${lang}-${scheme}-${width}x${height}.png`) });

      expect(await tab.content()).not.toContain(SIM_TOKENS.all);
      await tab.context().close();
    }
  }, 120_000);
});

// The fault suite once through the whole chain, as a user of the dashboard sees it: every fault the
// simulator has, in turn, between good answers. The stale banner must appear while the page fails
// and go when it answers again; the window must never say it lost the server (the server is up),
// and must never turn the page's picture into "all clear" nor blank it.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { startSimulator, type Simulator } from '../simulator/server';
import { FAULTS } from '../simulator/scenarios';
import { launchChromium } from './helpers/chromium';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

const STALE_BANNER = 'cannot be reached right now';
const NO_CONNECTION = 'No connection to the status service';
const SERVER_LOST = 'Lost connection to the dashboard server';

let simulator: Simulator;
let dashboard: RunningDashboard;
let browser: Browser;
let page: Page;

async function refresh(): Promise<void> {
  const response = await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
}

/** Every text the page showed since it opened, recorded in the page as it changes. */
async function textsSeen(): Promise<string> {
  return page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));
}

beforeAll(async () => {
  const [staticRoot, sim] = await Promise.all([
    ensureRendererBuild(),
    // Short stalls and a body just over the cap keep each fault to about a second.
    startSimulator({ port: 0, scenario: 'incident-life', stallMs: 1500, hugeBytes: 6 * 1024 * 1024 }),
  ]);
  simulator = sim;
  dashboard = await startDashboardServer({
    args: { urls: [simulator.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 400, height: 600 } });
  page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__seen', { value: seen });
    const record = (): void => {
      const text = document.body?.innerText ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(dashboard.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await simulator?.close();
});

describe('the fault suite through the dashboard in Chromium', () => {
  it('shows the stale banner during each fault and clears it after, never "No connection" nor a blank page', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).not.toMatch(/^\s*$/);
    // The incident is open: the picture a fault must not erase.
    simulator.step();
    await refresh();
    const banner = page.locator('header .banner');
    await expect.poll(() => page.locator('.incident-banner, .outage-banner').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const levelBefore = await page.getByRole('heading', { level: 1 }).innerText();
    expect(levelBefore).not.toMatch(/All services operational/);

    for (const fault of FAULTS) {
      simulator.setScenario(fault);
      await refresh();
      await expect.poll(() => banner.innerText().catch(() => ''), { timeout: 15_000, message: `stale banner for ${fault}` }).toContain(STALE_BANNER);
      // The last good picture stays, at the level it had.
      expect(await page.getByRole('heading', { level: 1 }).innerText(), fault).toBe(levelBefore);
      if (fault === FAULTS[0]) await page.screenshot({ path: path.join(ARTIFACTS, 'faults-stale-400x600.png') });

      simulator.setScenario('incident-life');
      simulator.step();
      // A refresh waits out a Retry-After the page sent (rate-limited, unavailable): ask again until
      // the poller may ask the page, as a user pressing Refresh would.
      await expect
        .poll(
          async () => {
            await refresh();
            return banner.count();
          },
          { timeout: 20_000, interval: 1000, message: `banner gone after ${fault}` },
        )
        .toBe(0);
    }

    const seen = await textsSeen();
    expect(seen).not.toContain(NO_CONNECTION);
    expect(seen).not.toContain(SERVER_LOST);
    expect(seen).toContain(STALE_BANNER);
  }, 240_000);
});

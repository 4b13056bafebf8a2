// "Add a status page" end to end, once per format, as a user does it in the dashboard in Chromium:
// paste the address, read it, see its name and format, add it, save; then the page's incident is
// on the Incidents tab, named by its page. The simulator serves the same story in every format.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_KIND_NAMES, type SourceKind } from '../../common/model';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { startSimulator, type Simulator } from '../simulator/server';
import { launchChromium } from './helpers/chromium';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const INCIDENT_TITLE = 'Web hosting unreachable on FR-SD5';

/** Each format the simulator serves, under its path, and the format the app must find there. */
const FORMATS: ReadonlyArray<{ prefix: string; kind: SourceKind; label: string }> = [
  { prefix: 'incident-io', kind: 'incident-io', label: 'incident.io' },
  { prefix: 'instatus', kind: 'instatus', label: 'Instatus' },
  { prefix: 'betterstack', kind: 'betterstack', label: 'Better Stack' },
  { prefix: 'cachet2', kind: 'cachet', label: 'Cachet' },
  { prefix: 'cachet3', kind: 'cachet', label: 'Cachet' },
  { prefix: 'statusio', kind: 'statusio', label: 'status.io' },
  { prefix: 'feed', kind: 'feed', label: 'RSS/Atom feed' },
];

let simulator: Simulator;
let dashboard: RunningDashboard;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [staticRoot, sim] = await Promise.all([ensureRendererBuild(), startSimulator({ port: 0, scenario: 'incident-life' }), mkdir(ARTIFACTS, { recursive: true })]);
  simulator = sim;
  simulator.step();
  dashboard = await startDashboardServer({
    // The simulator is on 127.0.0.1: pages there may be added only when the operator allows it.
    args: { urls: [simulator.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: true, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await simulator?.close();
});

async function addPage(address: string, screenshot: string | null): Promise<string> {
  await page.getByRole('tab', { name: /^Settings/ }).click();
  const query = page.getByLabel('Add a status page');
  await query.fill(address);
  await page.getByRole('button', { name: 'Read this page' }).click();
  const found = page.locator('.add-page-found');
  await found.waitFor({ timeout: 15_000 });
  const summary = await found.innerText();
  if (screenshot !== null) await page.screenshot({ path: path.join(ARTIFACTS, screenshot) });
  await page.getByRole('button', { name: /^Add / }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved').waitFor({ timeout: 10_000 });
  return summary;
}

describe('adding a page in each format, from Settings in the dashboard', () => {
  it('reads it, names its format, adds it, and shows its incident', async () => {
    expect(SOURCE_KIND_NAMES.instatus).toBe('Instatus');
    await page.goto(dashboard.url);
    await page.locator('.outage-banner').first().waitFor({ timeout: 15_000 });
    for (const [n, format] of FORMATS.entries()) {
      const summary = await addPage(`${simulator.url}/${format.prefix}`, n === 1 ? 'add-page-found-1280x800.png' : null);
      // "Gandi.net Status · Instatus · 22 components, 1 open incidents"
      expect(summary, format.prefix).toContain(` · ${format.label} · `);
      const saved = (await (await fetch(`${dashboard.url}/api/state`)).json()) as { settings: { sources: Array<{ url: string; kind: string }> } };
      expect(saved.settings.sources.at(-1), format.prefix).toEqual({ url: `${simulator.url}/${format.prefix}`, kind: format.kind });
      expect(saved.settings.sources).toHaveLength(n + 2);
    }
    // Every page tells the same incident; each card names its page.
    await page.getByRole('tab', { name: /^Incidents/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: INCIDENT_TITLE }).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(FORMATS.length);
    await page.screenshot({ path: path.join(ARTIFACTS, 'add-page-incidents-1280x800.png'), fullPage: false });
  }, 240_000);
});

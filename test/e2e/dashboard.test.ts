// The whole chain in a real browser: simulator -> status core -> dashboard server (HTTP + SSE)
// -> the renderer build in Debian's Chromium.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { startSimulator, type Simulator } from '../simulator/server';
import { launchChromium } from './helpers/chromium';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const INCIDENT_TITLE = 'Web hosting unreachable on FR-SD5';

let simulator: Simulator;
let dashboard: RunningDashboard;
let browser: Browser;
let serviceNames: string[];

async function refresh(): Promise<void> {
  const response = await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
}

async function openPage(locale: 'en-US' | 'fr-FR', colorScheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  // Links are opened by the page with window.open: record them instead of opening tabs.
  await page.addInitScript(() => {
    const opened: string[] = [];
    Object.defineProperty(window, '__opened', { value: opened });
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  await page.emulateMedia({ colorScheme });
  await page.goto(dashboard.url);
  return page;
}

beforeAll(async () => {
  const [staticRoot, sim] = await Promise.all([ensureRendererBuild(), startSimulator({ port: 0, scenario: 'all-clear' })]);
  simulator = sim;
  // Names straight from the simulator, which serves Gandi's real summary.json.
  const summary = (await (await fetch(`${simulator.url}/api/v2/summary.json`)).json()) as { components: { name: string; group: boolean }[] };
  serviceNames = summary.components.filter((component) => !component.group).map((component) => component.name);
  dashboard = await startDashboardServer({
    args: { urls: [simulator.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await simulator?.close();
});

describe('browser dashboard', () => {
  it('lists the services of the status page', async () => {
    expect(serviceNames.length).toBeGreaterThan(3);
    const page = await openPage('en-US', 'light');
    for (const name of serviceNames.slice(0, 5)) {
      await expect.poll(() => page.getByText(name, { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  it('shows an incident started in the simulator after one refresh, and its support links resolve', async () => {
    const page = await openPage('en-US', 'light');
    await expect.poll(() => page.getByText(serviceNames[0] ?? '', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByText(INCIDENT_TITLE).count()).toBe(0);

    simulator.setScenario('incident-life');
    await refresh();
    // Pushed over SSE: no reload, no polling by the page.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await expect.poll(() => page.getByText(INCIDENT_TITLE).count(), { timeout: 5_000 }).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Support' }).click();
    const ticketAnswer = page.waitForResponse((response) => response.url().endsWith('/api/open-external'));
    await page.getByRole('button', { name: 'Open a ticket' }).click();
    expect(await (await ticketAnswer).json()).toEqual({ ok: true, url: 'https://helpdesk.gandi.net/hc/en-us/requests/new' });
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened))
      .toEqual(['https://helpdesk.gandi.net/hc/en-us/requests/new', 'https://admin.gandi.net']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-support-en-light.png'), fullPage: true });
    await page.context().close();
  });

  it.each([
    ['en-US', 'light'],
    ['en-US', 'dark'],
    ['fr-FR', 'light'],
    ['fr-FR', 'dark'],
  ] as const)('saves a screenshot in %s, %s theme', async (locale, colorScheme) => {
    const page = await openPage(locale, colorScheme);
    await expect.poll(() => page.getByText(serviceNames[0] ?? '', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    const language = locale.slice(0, 2);
    await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${language}-${colorScheme}.png`), fullPage: true });
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await expect.poll(() => page.getByText(INCIDENT_TITLE).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-incidents-${language}-${colorScheme}.png`), fullPage: true });
    await page.getByRole('tab', { name: language === 'fr' ? 'Assistance' : 'Support' }).click();
    await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-support-${language}-${colorScheme}.png`), fullPage: true });
    await page.context().close();
  });
});

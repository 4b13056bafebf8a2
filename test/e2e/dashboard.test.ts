// The whole chain in a real browser: simulator -> status core -> dashboard server (HTTP + SSE)
// -> the renderer build in Debian's Chromium.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../main/web/start';
import { startSimulator, type Simulator } from '../simulator/server';
import { launchChromium } from './helpers/chromium';
import { emulateDesktopWindow } from './helpers/desktop-window';
import { ensureRendererBuild, REPO_ROOT } from './helpers/renderer-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const INCIDENT_TITLE = 'Web hosting unreachable on FR-SD5';

let simulator: Simulator;
let dashboard: RunningDashboard;
let browser: Browser;
let serviceNames: string[];
let serviceIds: Map<string, string>;
let staticRoot: string;

function startDashboard(port = 0): Promise<RunningDashboard> {
  return startDashboardServer({
    args: { urls: [simulator.url], port, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
}

async function refresh(): Promise<void> {
  const response = await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
}

interface PageOptions {
  width?: number;
  height?: number;
  /** Whose server to open (the shared dashboard by default). */
  url?: string;
  /** Stand in for the desktop window's preload (see helpers/desktop-window.ts). */
  desktop?: Parameters<typeof emulateDesktopWindow>[1];
}

async function openPage(locale: 'en-US' | 'fr-FR', colorScheme: 'light' | 'dark', options: PageOptions = {}): Promise<Page> {
  const viewport = { width: options.width ?? 1100, height: options.height ?? 900 };
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport });
  const page = await context.newPage();
  if (options.desktop) await emulateDesktopWindow(page, options.desktop);
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
  await page.goto(options.url ?? dashboard.url);
  return page;
}

/**
 * How many lines `text` takes at the start of the element matching `selector` (a service's name,
 * without the tags after it): the distinct tops of the boxes of just that text.
 */
async function textLines(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([sel, wanted]) => {
      const element = Array.from(document.querySelectorAll(sel)).find((candidate) => candidate.textContent?.startsWith(wanted));
      if (!element) throw new Error(`no ${sel} starts with ${wanted}`);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (seen === 0) range.setStart(node, 0);
        if (seen + length >= wanted.length) {
          range.setEnd(node, wanted.length - seen);
          break;
        }
        seen += length;
      }
      return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
    },
    [selector, text] as const,
  );
}

beforeAll(async () => {
  const [root, sim] = await Promise.all([ensureRendererBuild(), startSimulator({ port: 0, scenario: 'all-clear' })]);
  staticRoot = root;
  simulator = sim;
  // Names straight from the simulator, which serves Gandi's real summary.json.
  const summary = (await (await fetch(`${simulator.url}/api/v2/summary.json`)).json()) as {
    components: { id: string; name: string; group: boolean }[];
  };
  const services = summary.components.filter((component) => !component.group);
  serviceNames = services.map((component) => component.name);
  serviceIds = new Map(services.map((component) => [component.name, component.id]));
  dashboard = await startDashboard();
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
    await page.getByRole('button', { name: 'Copy the summary and open a ticket' }).click();
    expect(await (await ticketAnswer).json()).toEqual({ url: 'https://helpdesk.gandi.net/hc/en-us/requests/new' });
    await page.getByRole('button', { name: 'Open the customer area (chat)' }).click();
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
  ] as const)('saves screenshots in %s, %s theme, wide and 420 px', async (locale, colorScheme) => {
    const language = locale.slice(0, 2);
    const support = language === 'fr' ? 'Assistance' : 'Support';
    for (const [width, height, suffix] of [
      [1100, 900, ''],
      [420, 640, '-420'],
    ] as const) {
      const page = await openPage(locale, colorScheme, { width, height });
      await expect.poll(() => page.getByText(serviceNames[0] ?? '', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${language}-${colorScheme}${suffix}.png`), fullPage: true });
      await page.getByRole('tab', { name: 'Incidents' }).click();
      await expect.poll(() => page.getByText(INCIDENT_TITLE).count(), { timeout: 5_000 }).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-incidents-${language}-${colorScheme}${suffix}.png`), fullPage: true });
      await page.getByRole('tab', { name: support }).click();
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-support-${language}-${colorScheme}${suffix}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('keeps every French tab label whole at 360 px (the window\'s minimum), scrolling the bar instead', async () => {
    const page = await openPage('fr-FR', 'light', { width: 360, height: 640 });
    await page.getByRole('tablist').waitFor();
    const tabs = await page.getByRole('tab').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { text: element.textContent, clipped: element.scrollWidth > element.clientWidth, left: box.left, right: box.right };
      }),
    );
    expect(tabs.map((tab) => tab.text)).toEqual(['Services', 'Incidents (1)', 'Maintenance', 'Assistance', 'Réglages']);
    expect(tabs.filter((tab) => tab.clipped)).toEqual([]);
    for (const [index, tab] of tabs.entries()) {
      if (index > 0) expect(tab.left).toBeGreaterThanOrEqual(tabs[index - 1]?.right ?? 0);
    }
    // The last tab is reachable: selecting it scrolls it into view.
    await page.getByRole('tab', { name: 'Réglages' }).click();
    const last = await page.getByRole('tab', { name: 'Réglages' }).boundingBox();
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-settings-fr-light-360.png') });
    await page.context().close();
  });

  it('breaks service names between words, with their tags on a line of their own (desktop window, 420 and 360 px)', async () => {
    const followed = ['PAAS FR-SD3', 'www.gandi.net'].map((name) => serviceIds.get(name) ?? name);
    for (const [locale, width] of [
      ['en-US', 420],
      ['fr-FR', 420],
      ['fr-FR', 360],
    ] as const) {
      const page = await openPage(locale, 'light', { width, height: 640, desktop: { settings: { followedServices: followed } } });
      await expect.poll(() => page.locator('.tag-followed').count(), { timeout: 10_000 }).toBe(2);
      expect(await textLines(page, '.service-name', 'PAAS FR-SD3')).toBe(1);
      expect(await textLines(page, '.service-name', 'www.gandi.net')).toBe(1);
      // Group titles are never cut to "Hos…".
      const cut = await page.locator('.group-name').evaluateAll((names) => names.filter((name) => name.scrollWidth > name.clientWidth).map((name) => name.textContent));
      expect(cut).toEqual([]);
      expect(await textLines(page, '.group-name', 'Hosting')).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, `desktop-services-${locale.slice(0, 2)}-light-${width}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('has no notification settings or follow/mute buttons in the dashboard, unlike the desktop window', async () => {
    const page = await openPage('en-US', 'light');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Status pages', 'Your Gandi account', 'General', 'Links']);
    await page.getByRole('tab', { name: 'Services' }).click();
    expect(await page.getByRole('button', { name: /^(Follow|Mute) / }).count()).toBe(0);
    await page.context().close();
  });

  it('says when the dashboard server is gone, shows why Refresh fails, and recovers when it is back', async () => {
    let own = await startDashboard();
    const port = own.port;
    const page = await openPage('en-US', 'light', { url: own.url });
    await expect.poll(() => page.getByText(serviceNames[0] ?? '', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await own.stop();
    try {
      const banner = page.getByRole('alert').filter({ hasText: 'Lost connection to the dashboard server' });
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect
        .poll(() => page.getByText('Refresh failed: the dashboard server cannot be reached').count(), { timeout: 5_000 })
        .toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-server-lost-en-light.png') });

      own = await startDashboard(port);
      // The browser reconnects by itself (the server asks for 3 s between tries).
      await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
      expect(await page.getByText(/^Refresh failed/).count()).toBe(0);
    } finally {
      await page.context().close();
      await own.stop();
    }
  }, 40_000);
});

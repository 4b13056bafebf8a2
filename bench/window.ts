// The window as a user feels it, in Debian's Chromium: the renderer's size, the time from a new
// picture arriving over the dashboard's event stream to the frame that shows it, and the time the
// services filter takes to answer a keystroke, on Gandi's real page and on a page of 1,000
// components and 50 incidents.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startDashboardServer, type RunningDashboard } from '../main/web/start';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { ensureRendererBuild } from '../test/e2e/helpers/renderer-build';
import type { Measurement } from './report';
import { median, percentile } from './stats';
import { changedSummary, largeSummary, readRealSummary, type JsonObject } from './synthetic';

const SECTION = 'window';

/** Stamps, in the page, when a pushed picture arrives and when the next frame after the DOM changed runs. */
const INSTRUMENT = `
  (() => {
    const marks = { arrived: [], painted: [], keyed: [], keyPainted: [] };
    window.__marks = marks;
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      addEventListener(type, listener, options) {
        if (type !== 'state') return super.addEventListener(type, listener, options);
        return super.addEventListener(type, (event) => { marks.arrived.push(performance.now()); return listener(event); }, options);
      }
    };
    let waitingPush = false;
    let waitingKey = false;
    const observer = new MutationObserver(() => {
      if (waitingPush) { waitingPush = false; requestAnimationFrame(() => marks.painted.push(performance.now())); }
      if (waitingKey) { waitingKey = false; requestAnimationFrame(() => marks.keyPainted.push(performance.now())); }
    });
    addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }));
    window.__expectPush = () => { waitingPush = true; };
    addEventListener('keydown', () => { marks.keyed.push(performance.now()); waitingKey = true; }, true);
  })();
`;

interface Marks {
  arrived: number[];
  painted: number[];
  keyed: number[];
  keyPainted: number[];
}

function gzipSizes(root: string): { js: number; css: number } {
  const assets = path.join(root, 'assets');
  let js = 0;
  let css = 0;
  for (const name of readdirSync(assets)) {
    const size = gzipSync(readFileSync(path.join(assets, name))).length;
    // The browser dashboard's bridge is loaded lazily and only there: the desktop window's first load is the rest.
    if (name.endsWith('.js')) js += size;
    else if (name.endsWith('.css')) css += size;
  }
  return { js, css };
}

/** A status page whose summary the benchmark swaps between two versions. */
async function servePage(versions: [JsonObject, JsonObject]): Promise<{ url: string; flip(): void; close(): Promise<void> }> {
  let current = 0;
  const bodies = versions.map((version) => JSON.stringify(version));
  const server = http.createServer((req, res) => {
    const body = req.url === '/api/v2/summary.json' ? bodies[current] : '{"incidents":[],"scheduled_maintenances":[]}';
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    flip: () => {
      current = 1 - current;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function measurePage(browser: Browser, staticRoot: string, name: string, versions: [JsonObject, JsonObject], trials: number): Promise<Measurement[]> {
  const page = await servePage(versions);
  const dashboard: RunningDashboard = await startDashboardServer({
    args: { urls: [page.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    staticRoot,
    onWarning: () => undefined,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const tab: Page = await context.newPage();
  await tab.addInitScript(INSTRUMENT);
  try {
    await tab.goto(dashboard.url);
    await tab.locator('.group').first().waitFor({ timeout: 30_000 });
    const pushes: number[] = [];
    for (let trial = 0; trial < trials + 1; trial += 1) {
      page.flip();
      await tab.evaluate(() => (window as unknown as { __expectPush(): void }).__expectPush());
      const before = await tab.evaluate(() => (window as unknown as { __marks: Marks }).__marks.painted.length);
      await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      await tab.waitForFunction((count) => (window as unknown as { __marks: Marks }).__marks.painted.length > count, before, { timeout: 30_000 });
      const marks = await tab.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
      const painted = marks.painted.at(-1) ?? 0;
      const arrived = marks.arrived.filter((at) => at <= painted).at(-1) ?? painted;
      // The first push warms the code paths up; it is not counted.
      if (trial > 0) pushes.push(painted - arrived);
    }
    const filter = tab.getByRole('searchbox', { name: 'Filter services' });
    await filter.click();
    const keys: number[] = [];
    for (const key of ['P', 'A', 'A', 'S', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
      const before = await tab.evaluate(() => (window as unknown as { __marks: Marks }).__marks.keyPainted.length);
      await tab.keyboard.press(key);
      await tab.waitForFunction((count) => (window as unknown as { __marks: Marks }).__marks.keyPainted.length > count, before, { timeout: 30_000 });
      const marks = await tab.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
      keys.push((marks.keyPainted.at(-1) ?? 0) - (marks.keyed.at(-1) ?? 0));
    }
    return [
      {
        section: SECTION,
        name: `new picture to painted frame, ${name} (median)`,
        value: median(pushes),
        unit: 'ms',
        detail: `worst ${percentile(pushes, 100).toFixed(0)} ms over ${pushes.length} pushes`,
        goal: { max: 100, why: 'a window that shows news at once' },
      },
      {
        section: SECTION,
        name: `filter keystroke to painted frame, ${name} (worst)`,
        value: percentile(keys, 100),
        unit: 'ms',
        detail: `median ${median(keys).toFixed(0)} ms over ${keys.length} keys, clearing included`,
        goal: { max: 50, why: 'typing that keeps up' },
      },
    ];
  } finally {
    await context.close();
    await dashboard.stop();
    await page.close();
  }
}

export async function runWindowBench(options: { trials?: number } = {}): Promise<Measurement[]> {
  const trials = options.trials ?? 7;
  const staticRoot = await ensureRendererBuild();
  const { js, css } = gzipSizes(staticRoot);
  const results: Measurement[] = [
    { section: SECTION, name: 'renderer JavaScript, gzip', value: js / 1024, unit: 'kB', goal: { max: 150, why: 'a light window' } },
    { section: SECTION, name: 'renderer CSS, gzip', value: css / 1024, unit: 'kB' },
  ];
  const browser = await launchChromium();
  try {
    const gandi = readRealSummary('statuspage-gandi-summary-major-outage-and-maintenances.json');
    results.push(...(await measurePage(browser, staticRoot, "Gandi's page", [gandi, changedSummary(gandi)], trials)));
    const big = largeSummary({ components: 1000, incidents: 50, updatesPerIncident: 20, maintenances: 10 });
    results.push(...(await measurePage(browser, staticRoot, '1,000 components', [big, changedSummary(big)], trials)));
  } finally {
    await browser.close();
  }
  return results;
}

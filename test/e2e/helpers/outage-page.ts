// Gandi's real outage page (two open incidents, a service in major outage, three maintenances),
// served locally with every time moved by the same amount, so that it happened a minute ago.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from './renderer-build';

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

export interface OutagePage {
  url: string;
  close(): Promise<void>;
}

export async function serveOutagePage(): Promise<OutagePage> {
  const real = JSON.parse(await readFile(FIXTURE, 'utf8')) as { page: { updated_at: string } };
  const summary = JSON.stringify(shiftedToNow(real, Date.parse(real.page.updated_at), Date.now() - 60_000));
  const server = http.createServer((req, res) => {
    const body = req.url === '/api/v2/summary.json' ? summary : req.url?.endsWith('.json') ? '{"incidents":[],"scheduled_maintenances":[]}' : null;
    res.writeHead(body === null ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A tab on a dashboard watching the outage page, in a language and theme, once its banners show. */
export async function openOutageTab(
  browser: Browser,
  dashboardUrl: string,
  view: { locale: 'en-US' | 'fr-FR'; colorScheme: 'light' | 'dark'; width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ locale: view.locale, timezoneId: 'Europe/Paris', viewport: { width: view.width, height: view.height } });
  const tab = await context.newPage();
  await tab.emulateMedia({ colorScheme: view.colorScheme });
  await tab.goto(dashboardUrl);
  await tab.locator('.outage-banner').first().waitFor({ timeout: 15_000 });
  return tab;
}

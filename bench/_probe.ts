import { spawn } from 'node:child_process';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { startSimulator } from '../test/simulator/server';
const clock = () => Number(process.hrtime.bigint() / 1000000n);
async function main() {
const sim = await startSimulator({ port: 0, scenario: 'incident-life' });
const browser = await launchChromium();
for (let i = 0; i < 3; i++) {
  const page = await (await browser.newContext({ viewport: { width: 400, height: 600 } })).newPage();
  const server = spawn(process.execPath, ['/work/main/dist/web/server.js', '--url', sim.url, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((r) => { let o = ''; server.stdout.on('data', (c) => { o += c; const m = /dashboard: (http:\/\/\S+)/.exec(o); if (m) r(m[1]!); }); });
  const t1 = clock();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => /operational|outage|degraded|maintenance/i.test(document.querySelector('h1')?.textContent ?? ''), undefined, { polling: 'raf' });
  const t4 = clock();
  const nav = await page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)); return { resp: Math.round(n.responseEnd), inter: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd), now: Math.round(performance.now()), r }; })()");
  console.log(t4 - t1, JSON.stringify(nav));
  server.kill(); await page.context().close();
}
await browser.close(); await sim.close();
}
void main();

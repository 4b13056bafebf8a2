// Start to first status, as a user runs each: `gandi-status` once (to its table), `gandi-status
// --watch` (to its "watching ..., now ..." line) and the dashboard (from starting its server to the
// level painted in Chromium; the browser itself already open, as a user's is). Each against what a
// user would do instead, in the same run: `curl` fetching the same summary, which is the network
// and a process start and nothing else. The goal is on the difference: under 1 s beyond it.
// The built files (dist/) are what `npm pack` ships and `npm run web` runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { REPO_ROOT } from '../test/e2e/helpers/renderer-build';
import { startSimulator, type Simulator } from '../test/simulator/server';
import type { Measurement } from './report';
import { median } from './stats';

const SECTION = 'startup';
const RUNS = 7;
const CLI = path.join(REPO_ROOT, 'dist/cli/gandi-status.js');
const SERVER = path.join(REPO_ROOT, 'dist/web/server.js');
const GOAL = { max: 1000, why: 'under 1 s beyond the network' };

function ensureBuilt(): void {
  if (existsSync(CLI) && existsSync(SERVER) && existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('startup bench: the build failed');
}

/** Runs `command` and resolves with the ms until `ready` says so on its output (then it is stopped). */
function timeUntil(command: string, args: string[], ready: (output: string) => boolean, timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => finish(new Error(`${path.basename(args[0] ?? command)} was not ready within ${timeoutMs} ms: ${output}`)), timeoutMs);
    const finish = (error: Error | null): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      if (error) reject(error);
      else resolve(performance.now() - started);
    };
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (ready(output)) finish(null);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => (ready(output) ? finish(null) : finish(new Error(`${command} ended before it was ready: ${output}`))));
  });
}

async function medianOf(runs: number, once: () => Promise<number>): Promise<{ median: number; spread: string }> {
  await once(); // warm-up: the disk cache, as on a second start
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await once());
  return { median: median(times), spread: `${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms` };
}

/** From starting the server, and from opening the page (the server running), to the status painted. */
async function dashboardToPaint(browser: Browser, simulator: Simulator): Promise<{ fromStart: number; fromOpen: number }> {
  const page = await (await browser.newContext({ viewport: { width: 400, height: 600 } })).newPage();
  let server: ChildProcess | null = null;
  try {
    const started = performance.now();
    server = spawn(process.execPath, [SERVER, '--url', simulator.url, '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /dashboard: (http:\/\/\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      server?.once('exit', () => reject(new Error(`the dashboard ended: ${output}`)));
    });
    const opened = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    // The level in words, painted: the first status the user reads.
    await page.waitForFunction(() => /operational|outage|degraded|maintenance/i.test(document.querySelector('h1')?.textContent ?? ''), undefined, { timeout: 20_000, polling: 'raf' });
    const painted = performance.now();
    return { fromStart: painted - started, fromOpen: painted - opened };
  } finally {
    server?.kill('SIGTERM');
    await page.context().close();
  }
}

export async function runStartupBench(): Promise<Measurement[]> {
  ensureBuilt();
  const simulator = await startSimulator({ port: 0, scenario: 'incident-life' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gandi-startup-'));
  let browser: Browser | null = null;
  try {
    const summaryUrl = `${simulator.url}/api/v2/summary.json`;
    const curl = await medianOf(RUNS, () => timeUntil('curl', ['-s', '-o', '/dev/null', '-w', 'done\n', summaryUrl], (out) => out.includes('done')));
    const once = await medianOf(RUNS, () => timeUntil(process.execPath, [CLI, '--url', simulator.url], (out) => /Overall|incident/i.test(out) && out.endsWith('\n')));
    let n = 0;
    const watch = await medianOf(RUNS, () =>
      timeUntil(process.execPath, [CLI, '--watch', '--url', simulator.url, '--state', path.join(dir, `state-${(n += 1)}.json`)], (out) => out.includes('watching')),
    );
    browser = await launchChromium();
    const openBrowser = browser;
    const opens: number[] = [];
    const dashboard = await medianOf(RUNS, async () => {
      const times = await dashboardToPaint(openBrowser, simulator);
      opens.push(times.fromOpen);
      return times.fromStart;
    });
    opens.shift(); // the warm-up's
    const open = { median: median(opens), spread: `${Math.round(Math.min(...opens))}–${Math.round(Math.max(...opens))} ms` };
    const beyond = (m: number): number => Math.max(0, m - curl.median);
    return [
      { section: SECTION, name: 'curl of the same summary (the network, for comparison)', value: curl.median, unit: 'ms', detail: `${RUNS} runs, ${curl.spread}` },
      { section: SECTION, name: 'gandi-status once, to its table, beyond curl', value: beyond(once.median), unit: 'ms', detail: `${RUNS} runs; in all ${Math.round(once.median)} ms, ${once.spread}`, goal: GOAL },
      { section: SECTION, name: 'gandi-status --watch, to its first status line, beyond curl', value: beyond(watch.median), unit: 'ms', detail: `${RUNS} runs; in all ${Math.round(watch.median)} ms, ${watch.spread}`, goal: GOAL },
      { section: SECTION, name: 'dashboard, page opened to status painted in Chromium, beyond curl', value: beyond(open.median), unit: 'ms', detail: `${RUNS} runs; in all ${Math.round(open.median)} ms, ${open.spread}`, goal: GOAL },
      { section: SECTION, name: 'dashboard, server start to status painted in Chromium, beyond curl', value: beyond(dashboard.median), unit: 'ms', detail: `${RUNS} runs; in all ${Math.round(dashboard.median)} ms, ${dashboard.spread}`, goal: GOAL },
    ];
  } finally {
    await browser?.close();
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Real desktop notifications: the command `gandi-status --watch --notify` against the simulator,
// on a private desktop (own D-Bus session, Xvfb, dunst), checked on the bus with dbus-monitor.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { startDesktopSession, type DesktopSession } from './helpers/desktop-session';
import { REPO_ROOT } from './helpers/renderer-build';
import { createNotifySend } from '../../main/core/notify-send';

const INCIDENT_TITLE = 'Web hosting unreachable on FR-SD5';

let session: DesktopSession;
let simulator: Simulator;
let dir: string;
let watcher: ChildProcess | null = null;
let stderr = '';
let stdout = '';

beforeAll(async () => {
  session = await startDesktopSession();
  simulator = await startSimulator({ port: 0, scenario: 'all-clear' });
  dir = await mkdtemp(path.join(tmpdir(), 'gandi-notify-'));
});

afterAll(async () => {
  if (watcher && watcher.exitCode === null) {
    const exited = new Promise((resolve) => watcher?.once('exit', resolve));
    watcher.kill('SIGTERM');
    await exited;
  }
  await simulator?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('raises a desktop notification carrying the title of an incident that starts', async () => {
  watcher = spawn(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['main/cli/gandi-status.ts', '--watch', '--notify', '--json', '--interval', '15', '--url', simulator.url, '--state', path.join(dir, 'state.json')],
    { cwd: REPO_ROOT, env: session.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  watcher.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  watcher.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  // First round done: all clear, nothing to announce.
  await waitFor(() => stderr.includes('watching'), 'the first poll', 10_000);
  expect(session.notifications()).toEqual([]);

  simulator.setScenario('incident-life');
  // The next round comes within one interval (15 s, the shortest the command accepts).
  await waitFor(() => session.notifications().some((call) => `${call.summary} ${call.body}`.includes(INCIDENT_TITLE)), 'the Notify call', 20_000);

  const call = session.notifications().find((candidate) => `${candidate.summary} ${candidate.body}`.includes(INCIDENT_TITLE));
  expect(call?.summary).toMatch(/incident/i);
  expect(call?.body).toContain(simulator.url);
  // The app names itself (notify-send would otherwise report "notify-send").
  expect(call?.appName).toBe('Gandi Status');
  // The same change also went to stdout as one JSON line.
  expect(stdout).toContain('"type":"incident.opened"');
}, 40_000);

// Hostile text from a status page, against the real notify-send and notification server.
const PHISH = '<a href="https://evil.example/phish">Open Gandi support</a>';
const LOCAL_FILE = '<img src="file:///etc/hostname">';
const PHISH_ESCAPED = '&lt;a href="https://evil.example/phish"&gt;Open Gandi support&lt;/a&gt;';
const LOCAL_FILE_ESCAPED = '&lt;img src="file:///etc/hostname"&gt;';
const HUGE = 'x'.repeat(140 * 1024);

type Call = ReturnType<DesktopSession['notifications']>[number];

/** The first Notify call that matches, waiting for it; a failure names what the bus carried. */
async function deliveredWhere(matches: (call: Call) => boolean, what: string, stderrText: () => string = () => '', timeoutMs = 10_000): Promise<Call> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = session.notifications().find(matches);
    if (call !== undefined) return call;
    if (Date.now() > deadline) {
      const seen = session.notifications().map((candidate) => candidate.summary.slice(0, 60));
      throw new Error(`no Notify call ${what}; seen: ${JSON.stringify(seen)}\nstderr: ${stderrText()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const delivered = (summary: string, stderrText?: () => string, timeoutMs?: number): Promise<Call> =>
  deliveredWhere((call) => call.summary === summary, `"${summary}"`, stderrText, timeoutMs);

it('notify-send gets the body escaped: a link and a local picture arrive as text', async () => {
  const errors: string[] = [];
  createNotifySend({ appName: 'Gandi Status', env: session.env, onError: (message) => errors.push(message) }).show({
    title: 'Markup check',
    body: `${PHISH} & ${LOCAL_FILE}`,
  });
  const call = await delivered('Markup check');
  expect(call.body).toBe(`${PHISH_ESCAPED} &amp; ${LOCAL_FILE_ESCAPED}`);
  expect(errors).toEqual([]);
}, 20_000);

it('notify-send delivers titles that look like options, and 140 KB of text bounded, instead of refusing them', async () => {
  const errors: string[] = [];
  const notifySend = createNotifySend({ appName: 'Gandi Status', env: session.env, onError: (message) => errors.push(message) });
  notifySend.show({ title: '--icon=/etc/hostname', body: 'an option for a title' });
  notifySend.show({ title: '- Degraded performance on mail', body: '-1 day delay' });
  notifySend.show({ title: `Long ${HUGE}`, body: `Long ${HUGE}` });

  const option = await delivered('--icon=/etc/hostname');
  expect(option.icon).not.toBe('/etc/hostname');
  expect(option.body).toBe('an option for a title');
  expect((await delivered('- Degraded performance on mail')).body).toBe('-1 day delay');
  const bounded = await deliveredWhere((call) => call.summary.startsWith('Long x'), 'with 140 KB of text');
  expect(bounded.summary).toHaveLength(200);
  expect(bounded.body).toHaveLength(1000);
  expect(errors).toEqual([]);
}, 20_000);

/** Two Statuspage pages on one server (/a, /b); `incidents` switches their incidents on. */
function hostilePages(): { server: Server; url: (page: string) => string; open: () => void } {
  let incidents = false;
  const incident = (id: string, name: string) => ({
    id,
    name,
    status: 'investigating',
    impact: 'major',
    created_at: '2026-03-10T08:00:00Z',
    started_at: '2026-03-10T08:00:00Z',
    updated_at: '2026-03-10T08:00:00Z',
    incident_updates: [],
    components: [],
  });
  const pages: Record<string, { name: string; incident: ReturnType<typeof incident> }> = {
    '/a/api/v2/summary.json': { name: '--icon=/etc/hostname', incident: incident('a1', `${PHISH} ${LOCAL_FILE} ${HUGE}`) },
    '/b/api/v2/summary.json': { name: '- Degraded performance', incident: incident('b1', 'Mail delayed') },
  };
  const server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = {
      page: { id: 'p', name: page.name },
      status: { indicator: incidents ? 'major' : 'none', description: '' },
      components: [],
      incidents: incidents ? [page.incident] : [],
      scheduled_maintenances: [],
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return {
    server,
    url: (page) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${page}`,
    open: () => (incidents = true),
  };
}

it('gandi-status --watch --notify: a hostile page reaches the desktop as text, titled as sent, bounded', async () => {
  const pages = hostilePages();
  await new Promise<void>((resolve) => pages.server.listen(0, '127.0.0.1', resolve));
  let output = '';
  const hostile = spawn(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['main/cli/gandi-status.ts', '--watch', '--notify', '--kind', 'statuspage', '--interval', '15', '--url', pages.url('a'), '--url', pages.url('b'), '--state', path.join(dir, 'hostile.json')],
    { cwd: REPO_ROOT, env: session.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  hostile.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  try {
    const deadline = Date.now() + 10_000;
    while (!output.includes('watching')) {
      if (Date.now() > deadline) throw new Error(`no first poll\nstderr: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    pages.open();
    // The next round comes within one interval (15 s).
    const option = await delivered('--icon=/etc/hostname: new incident', () => output, 25_000);
    expect(option.appName).toBe('Gandi Status');
    expect(option.icon).not.toBe('/etc/hostname');
    expect(option.body.startsWith(`${PHISH_ESCAPED} ${LOCAL_FILE_ESCAPED} xxx`)).toBe(true);
    expect(option.body.length).toBeLessThanOrEqual(1000);
    const dash = await delivered('- Degraded performance: new incident', () => output, 25_000);
    expect(dash.body).toContain('Mail delayed');
    expect(output).not.toContain('desktop notification failed');
  } finally {
    const exited = new Promise((resolve) => hostile.once('exit', resolve));
    hostile.kill('SIGTERM');
    await exited;
    await new Promise((resolve) => pages.server.close(resolve));
  }
}, 45_000);

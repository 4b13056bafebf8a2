// Real desktop notifications: the command `gandi-status --watch --notify` against the simulator,
// on a private desktop (own D-Bus session, Xvfb, dunst), checked on the bus with dbus-monitor.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { startDesktopSession, type DesktopSession } from './helpers/desktop-session';
import { REPO_ROOT } from './helpers/renderer-build';

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

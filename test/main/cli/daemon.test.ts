// The daemon for servers: `--watch --config FILE` reads the settings file the app writes, SIGHUP
// reads it again (a bad file keeps the settings in use), SIGTERM saves and exits 0; events are one
// JSON line each. In-process with the reload wired by hand, and once through the real entry.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { parseArgs } from '../../../main/cli/args';
import { defaultSettings } from '../../../common/settings';
import { startSimulator, type Simulator } from '../../simulator/server';

const root = path.resolve(__dirname, '../../..');
let incident: Simulator;
let maintenance: Simulator;
let dir: string;

beforeAll(async () => {
  incident = await startSimulator({ port: 0, scenario: 'incident-life' });
  maintenance = await startSimulator({ port: 0, scenario: 'maintenance-life' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-daemon-'));
});
afterAll(async () => {
  await incident.close();
  await maintenance.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeSettings(file: string, urls: string[], extra: Record<string, unknown> = {}): Promise<void> {
  const settings = { ...defaultSettings(), sources: urls.map((url) => ({ url, kind: 'auto' })), ...extra };
  await fs.writeFile(file, `${JSON.stringify(settings, null, 2)}\n`);
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('--config', () => {
  it('is read strictly', () => {
    expect(parseArgs(['--watch', '--config', 'settings.json']).configFile).toBe('settings.json');
    expect(() => parseArgs(['--config', 'settings.json'])).toThrow('--config only make sense with --watch');
    expect(() => parseArgs(['--watch', '--config', 's.json', '--url', 'https://status.example.com'])).toThrow('--config and --url do not go together');
  });

  it('a file that holds no settings stops the daemon at start with one line (exit 3)', async () => {
    const file = path.join(dir, 'broken.json');
    await fs.writeFile(file, '{ not json');
    const err: string[] = [];
    const code = await runCli(['--watch', '--config', file, '--state', path.join(dir, 'broken-state.json')], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => err.push(chunk) },
      fetch: (target, init) => fetch(target, init),
      env: {},
      now: () => new Date(),
    });
    expect(code).toBe(3);
    expect(err.join('')).toMatch(/^gandi-status: --config .*broken\.json is not valid JSON \(.*\)\n$/);
    // Only read: the file stays where it is.
    expect(await fs.readFile(file, 'utf8')).toBe('{ not json');
  });

  it('watches the pages of the settings file and reads it again on reload', async () => {
    const file = path.join(dir, 'settings.json');
    await writeSettings(file, [incident.url], { pollIntervalSeconds: 600 });
    const out: string[] = [];
    const err: string[] = [];
    const reloads = new Set<() => void>();
    const controller = new AbortController();
    const exit = runCli(['--watch', '--json', '--config', file, '--state', path.join(dir, 'state.json')], {
      stdout: { write: (chunk: string) => out.push(chunk) },
      stderr: { write: (chunk: string) => err.push(chunk) },
      fetch: (target, init) => fetch(target, init),
      env: {},
      now: () => new Date(),
      signal: controller.signal,
      onReload: (listener) => {
        reloads.add(listener);
        return () => reloads.delete(listener);
      },
    });
    const events = () => out.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string; sourceUrl: string });
    await waitFor(() => events().some((e) => e.type === 'incident.opened' && e.sourceUrl === incident.url), 'the incident');
    expect(reloads.size).toBe(1);

    // The file names another page: after a reload, its maintenance is announced too.
    await writeSettings(file, [incident.url, maintenance.url], { pollIntervalSeconds: 600 });
    for (const reload of reloads) reload();
    await waitFor(() => events().some((e) => e.type === 'maintenance.scheduled' && e.sourceUrl === maintenance.url), 'the maintenance');
    await waitFor(() => err.join('').includes('settings reloaded from'), 'the reload line');
    expect(err.join('')).toContain(`settings reloaded from ${file}: 2 sources`);

    // A damaged file keeps the settings in use.
    await fs.writeFile(file, '[');
    for (const reload of reloads) reload();
    await waitFor(() => err.join('').includes('the settings in use are kept'), 'the refusal');
    // Every line of stdout is one JSON event.
    expect(out.join('').endsWith('\n')).toBe(true);

    controller.abort();
    expect(await exit).toBe(0);
    expect(reloads.size).toBe(0);
  }, 30_000);
});

describe('the real entry under a service manager', () => {
  it('SIGHUP reloads the settings file, SIGTERM saves and exits 0', async () => {
    const file = path.join(dir, 'entry-settings.json');
    const state = path.join(dir, 'entry-state.json');
    await writeSettings(file, [incident.url]);
    // Node itself with tsx as a loader (not tsx's CLI, which relays SIGINT and SIGTERM only).
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/gandi-status.ts', '--watch', '--json', '--config', file, '--state', state], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => stderr.includes('watching'), `the daemon to start (${stderr})`, 30_000);
      await writeSettings(file, [incident.url, maintenance.url]);
      child.kill('SIGHUP');
      await waitFor(() => stderr.includes('settings reloaded'), `the reload (${stderr})`);
      await waitFor(() => stdout.includes('"maintenance.scheduled"'), 'the new page');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
    for (const line of stdout.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const saved = JSON.parse(await fs.readFile(state, 'utf8')) as { snapshots: { url: string }[] };
    expect(saved.snapshots.map((s) => s.url).sort()).toEqual([incident.url, maintenance.url].sort());
  }, 60_000);
});

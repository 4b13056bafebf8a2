// `npm pack` gives a tarball whose `gandi-status` runs on Node with its runtime dependencies alone:
// installed into a temporary prefix with --omit=dev (no tsx, no Electron), it answers --version,
// --check against the simulator, and serves metrics from --watch (prom-client found at run time).
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { startSimulator, type Simulator } from '../simulator/server';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
let sim: Simulator;
let dir: string;
let bin: string;
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: 'incident-life' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-pack-'));
  const started = Date.now();
  await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
  const tarball = path.join(dir, `gandi-status-tray-${version}.tgz`);
  const prefix = path.join(dir, 'prefix');
  // --prefer-offline: the packages come from npm's cache when it holds them, else from the registry.
  await run('npm', ['install', '--prefix', prefix, tarball, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
  bin = path.join(prefix, 'node_modules', '.bin', 'gandi-status');
  console.log(`npm pack and install: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 180_000);
afterAll(async () => {
  await sim?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function exec(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(bin, args, { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: Number(error.code ?? -1), stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

describe('the packed command', () => {
  it('is installed with its runtime dependencies only', async () => {
    const installed = await fs.readdir(path.join(dir, 'prefix', 'node_modules'));
    expect(installed).toContain('gandi-status-tray');
    expect(installed).toContain('prom-client');
    for (const devOnly of ['tsx', 'electron', 'vitest', 'typescript', 'esbuild']) expect(installed).not.toContain(devOnly);
    const files = await fs.readdir(path.join(dir, 'prefix', 'node_modules', 'gandi-status-tray', 'dist', 'cli'));
    expect(files).toEqual(['gandi-status.js']);
  });

  it('answers --version', async () => {
    const result = await exec(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `gandi-status ${version}\n` });
  });

  it('runs --check against the simulator', async () => {
    const result = await exec(['--check', '--url', sim.url, '--timeout', '20']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^GANDI STATUS CRITICAL - PAAS FR-SD5 major outage; 1 incident \| components=\d+;;; incidents=1;;; maintenances=0;;; age=\d+s;;;\n$/);
  });

  it('serves metrics from --watch and exits 0 on SIGTERM', async () => {
    const child = spawn(bin, ['--watch', '--json', '--url', sim.url, '--state', path.join(dir, 'state.json'), '--metrics', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const end = Date.now() + 20_000;
      let text = '';
      while (!/statuspage_up\{[^}]*\} 1/.test(text)) {
        if (Date.now() > end) throw new Error(`no metrics: ${stderr}`);
        const address = /metrics on (http:\/\/\S+)/.exec(stderr)?.[1];
        if (address) text = await (await fetch(address)).text();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(text).toMatch(/statuspage_component_status_level\{[^}]*component="PAAS FR-SD5"[^}]*\} 4/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
  }, 30_000);
});

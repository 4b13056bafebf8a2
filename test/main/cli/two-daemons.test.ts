// Two `--watch` daemons never share one state file: on the default file each set of sources has
// its own; on one file given twice the second is refused in one line. Real processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStateFile } from '../../../main/cli/config-dir';
import { startSimulator, type Simulator } from '../../simulator/server';

const root = path.resolve(__dirname, '../../..');
let incident: Simulator;
let maintenance: Simulator;
let home: string;

beforeAll(async () => {
  incident = await startSimulator({ port: 0, scenario: 'incident-life' });
  maintenance = await startSimulator({ port: 0, scenario: 'maintenance-life' });
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'two-daemons-'));
});
afterAll(async () => {
  await Promise.all([incident.close(), maintenance.close()]);
  await fs.rm(home, { recursive: true, force: true });
});

interface Daemon {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once it says it is watching (or ends). */
  watching: Promise<void>;
  exit: Promise<number | null>;
}

function daemon(args: string[]): Daemon {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'main/cli/gandi-status.ts', '--watch', '--json', ...args], {
    cwd: root,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const watching = new Promise<void>((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('watching')) resolve();
    });
    void exit.then(() => resolve());
  });
  child.stdout?.resume();
  return { child, stderr: () => stderr, watching, exit };
}

async function stop(d: Daemon): Promise<number | null> {
  d.child.kill('SIGTERM');
  return d.exit;
}

async function announced(file: string): Promise<string[]> {
  return (JSON.parse(await fs.readFile(file, 'utf8')) as { announced: string[] }).announced;
}

describe('two --watch daemons', () => {
  it('on the default state file keep one file per set of sources, neither erasing the other', async () => {
    const a = daemon(['--url', incident.url]);
    const b = daemon(['--url', maintenance.url]);
    await Promise.all([a.watching, b.watching]);
    expect([await stop(a), await stop(b)]).toEqual([0, 0]);
    const info = { platform: process.platform, env: { XDG_CONFIG_HOME: path.join(home, '.config') }, homedir: home };
    const fileA = defaultStateFile(info, [incident.url]);
    const fileB = defaultStateFile(info, [maintenance.url]);
    expect(fileA).not.toBe(fileB);
    expect((await announced(fileA)).some((key) => key.startsWith('incident.opened|'))).toBe(true);
    expect((await announced(fileB)).some((key) => key.startsWith('maintenance.scheduled|'))).toBe(true);
  }, 60_000);

  it('on one --state file: the second is refused in one line, the first keeps its memory', async () => {
    const state = path.join(home, 'shared.json');
    const first = daemon(['--url', incident.url, '--state', state]);
    await first.watching;
    const second = daemon(['--url', maintenance.url, '--state', state]);
    expect(await second.exit).toBe(3);
    expect(second.stderr().trim()).toMatch(/^gandi-status: .*shared\.json is in use by another gandi-status \(pid \d+\); give this one its own --state FILE$/);
    expect(await stop(first)).toBe(0);
    const keys = await announced(state);
    expect(keys.some((key) => key.startsWith('incident.opened|'))).toBe(true);
    expect(keys.some((key) => key.startsWith('maintenance.'))).toBe(false);
    // Released on exit: the next run may use the file.
    await expect(fs.stat(`${state}.lock`)).rejects.toThrow();
  }, 60_000);
});

// The real entry, as a user runs it (`npx tsx main/cli/gandi-status.ts`), in a child process.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../../common/model';
import { startSimulator, type Simulator } from '../../simulator/server';

const root = path.resolve(__dirname, '../../..');
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: 'incident-life' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-entry-'));
});
afterAll(async () => {
  await sim.close();
  await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npx tsx ...` as documented; `direct` runs tsx's own CLI without npx, which passes a signal on
 * to the command (npm exec dies of it instead).
 */
function start(
  args: string[],
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
  direct = false,
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  const [command, prefix] = direct
    ? [process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs')]]
    : ['npx', ['tsx']];
  const child = spawn(command, [...prefix, 'main/cli/gandi-status.ts', ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  onSpawn?.(child);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('gandi-status (real entry)', () => {
  it('prints the JSON and exits 2 on a major outage', async () => {
    const run = await start(['--url', sim.url, '--json']);
    expect(run.code).toBe(2);
    const status = JSON.parse(run.stdout) as StatusSnapshot;
    expect(status.overall).toBe('major_outage');
    expect(status.sources[0]?.incidents[0]?.title).toBe('Web hosting unreachable on FR-SD5');
  }, 60_000);

  it('exits 3 with one line and no stack trace on a bad URL', async () => {
    const run = await start(['--url', 'htp:/nowhere']);
    expect(run.code).toBe(3);
    const ours = run.stderr.split('\n').filter((line) => line.startsWith('gandi-status:'));
    expect(ours).toEqual(['gandi-status: invalid URL "htp:/nowhere": only http:// and https:// status pages are supported']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('watches until SIGTERM, then exits 0 with its state saved', async () => {
    const state = path.join(dir, 'watch-state.json');
    let signalled = false;
    const run = await start(['--watch', '--json', '--url', sim.url, '--state', state], (text, child) => {
      if (!signalled && text.includes('watching')) {
        signalled = true;
        child.kill('SIGTERM');
      }
    }, true);
    expect(signalled).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"type":"incident.opened"/);
    const saved = JSON.parse(await fs.readFile(state, 'utf8')) as { announced: string[] };
    expect(saved.announced.some((key) => key.startsWith('incident.opened|'))).toBe(true);
  }, 60_000);

  it('ends cleanly, state saved, when the reader of --watch --json goes away (EPIPE)', async () => {
    const state = path.join(dir, 'closed-reader-state.json');
    // The reader closes its end at once, as `| head -n 0` would: the first event line meets EPIPE.
    const run = await start(['--watch', '--json', '--url', sim.url, '--state', state], undefined, true, (child) => child.stdout?.destroy());
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    const saved = JSON.parse(await fs.readFile(state, 'utf8')) as { announced: string[] };
    expect(saved.announced.some((key) => key.startsWith('incident.opened|'))).toBe(true);
  }, 60_000);
});

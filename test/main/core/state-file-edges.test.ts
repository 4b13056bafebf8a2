// The state file at the edges: a path that is not a regular file, the largest picture the core
// may keep, leftovers of a write that was killed.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { acquireStateLock, StateLockedError } from '../../../main/core/state-lock';
import { createFileStateStore } from '../../../main/core/state-store';
import type { PersistedState } from '../../../main/core/ports';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'state-edges-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const empty: PersistedState = { version: 1, snapshots: [], announced: ['incident.opened|https://status.example.test|i1'] };

/** A FIFO stands for a device: like /dev/null it is not a regular file, and anyone may make one. */
function fifo(): string {
  const file = path.join(dir, 'state.fifo');
  execFileSync('mkfifo', [file]);
  return file;
}

describe('a state path that is not a regular file', () => {
  it('is neither read, nor moved aside, nor replaced by the store', async () => {
    const file = fifo();
    const warnings: string[] = [];
    const store = createFileStateStore(file, { onWarning: (m) => warnings.push(m) });
    expect(await store.load()).toBeNull();
    await store.save(empty);
    expect((await fs.stat(file)).isFIFO()).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['state.fifo']);
    expect(warnings.join('\n')).toContain('is not a regular file');
  });

  it('stops gandi-status --watch at once with one clear line', async () => {
    const file = fifo();
    const err: string[] = [];
    const code = await runCli(['--watch', '--url', 'http://127.0.0.1:9', '--state', file], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => err.push(chunk) },
      fetch: () => Promise.reject(new Error('not expected')),
      env: {},
      now: () => new Date(),
      signal: AbortSignal.timeout(3000),
    });
    expect(code).toBe(3);
    expect(err).toEqual([`gandi-status: --state ${file} is not a regular file\n`]);
    expect((await fs.stat(file)).isFIFO()).toBe(true);
  });
});

describe('the state lock', () => {
  it('is taken over from a process that died, and refused while its owner lives', async () => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(`${file}.lock`, '2147483646\n'); // no such process
    const lock = await acquireStateLock(file);
    await expect(acquireStateLock(file, 1)).rejects.toBeInstanceOf(StateLockedError);
    await lock.release();
    await expect(fs.stat(`${file}.lock`)).rejects.toThrow();
  });
});

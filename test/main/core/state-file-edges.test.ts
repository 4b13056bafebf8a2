// The state file at the edges: a path that is not a regular file, the largest picture the core
// may keep, leftovers of a write that was killed.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { acquireStateLock, StateLockedError } from '../../../main/core/state-lock';
import { createFileStateStore, MAX_ANNOUNCED_KEYS, MAX_STATE_BYTES } from '../../../main/core/state-store';
import type { PersistedState } from '../../../main/core/ports';
import { LIMITS } from '../../../common/limits';
import type { SourceSnapshot } from '../../../common/model';

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

/** A source at every limit of limits.ts: the most the core ever keeps (strings shared, so memory stays small). */
function largestSource(index: number): SourceSnapshot {
  const text = (chars: number): string => 'é'.repeat(chars); // two bytes each in UTF-8
  const id = (n: number): string => `${String(n).padStart(6, '0')}${'x'.repeat(LIMITS.idChars - 6)}`;
  const serviceIds = Array.from({ length: LIMITS.servicesPerItem }, (_, n) => id(n));
  const body = text(LIMITS.bodyChars);
  const updates = Array.from({ length: LIMITS.updatesPerIncident }, (_, n) => ({
    at: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(),
    status: 'investigating',
    body,
  }));
  const url = `https://status${index}.example.test`;
  return {
    url,
    kind: 'statuspage',
    name: text(LIMITS.nameChars),
    overall: 'major_outage',
    fetchedAt: '2026-03-01T12:00:00.000Z',
    stale: false,
    error: null,
    problem: null,
    services: Array.from({ length: LIMITS.servicesPerSource }, (_, n) => ({ id: id(n), name: text(LIMITS.nameChars), group: text(LIMITS.nameChars), status: 'major_outage' as const })),
    incidents: Array.from({ length: LIMITS.incidentsPerSource }, (_, n) => ({
      id: id(n),
      title: text(LIMITS.nameChars),
      status: 'investigating' as const,
      impact: 'major' as const,
      services: serviceIds,
      startedAt: updates[0]?.at ?? null,
      updatedAt: updates[0]?.at ?? null,
      resolvedAt: null,
      url: `${url}/incidents/${n}`,
      updates,
    })),
    maintenances: Array.from({ length: LIMITS.maintenancesPerSource }, (_, n) => ({
      id: id(n),
      title: text(LIMITS.nameChars),
      status: 'scheduled' as const,
      scheduledFor: '2026-03-02T02:00:00.000Z',
      scheduledUntil: '2026-03-02T04:00:00.000Z',
      services: serviceIds,
      url: `${url}/incidents/m${n}`,
    })),
  };
}

describe('what is saved is what loads', () => {
  it('saves the largest picture the core may keep, with the most keys, and loads it back', async () => {
    const file = path.join(dir, 'state.json');
    const keys = Array.from({ length: MAX_ANNOUNCED_KEYS }, (_, n) => `incident.opened|https://status.example.test/${'p'.repeat(3000)}|${n}`);
    const state: PersistedState = { version: 1, snapshots: Array.from({ length: LIMITS.sources }, (_, n) => largestSource(n)), announced: keys };
    const warnings: string[] = [];
    const store = createFileStateStore(file, { onWarning: (m) => warnings.push(m) });
    await store.save(state);
    expect((await fs.stat(file)).size).toBeLessThanOrEqual(MAX_STATE_BYTES);
    const loaded = await store.load();
    expect(warnings).toEqual([]);
    expect(loaded?.announced).toEqual(keys);
    expect(await fs.readdir(dir)).toEqual(['state.json']);
  }, 60_000);

  it('keeps the snapshots of a big page, leaner, when the whole picture passes the cap', async () => {
    const file = path.join(dir, 'state.json');
    const big = largestSource(0);
    // A page of 0.7 MB whose groups expand: every incident names every service, each with a long timeline.
    const page: SourceSnapshot = { ...big, services: big.services.slice(0, 2000), incidents: big.incidents.slice(0, 50), maintenances: big.maintenances.slice(0, 50) };
    const store = createFileStateStore(file);
    await store.save({ version: 1, snapshots: [page], announced: [] });
    const loaded = await store.load();
    const incident = loaded?.snapshots[0]?.incidents[0];
    expect(loaded?.snapshots[0]?.services).toHaveLength(2000);
    expect(loaded?.snapshots[0]?.incidents).toHaveLength(50);
    // The newest update is what the next diff compares: it is kept.
    expect(incident?.updates[0]?.at).toBe(page.incidents[0]?.updates[0]?.at);
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ANNOUNCED_KEYS, createFileStateStore } from '../../../main/core/state-store';
import type { PersistedState } from '../../../main/core/ports';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'state-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const state: PersistedState = {
  version: 1,
  snapshots: [
    {
      url: 'https://status.example.test',
      kind: 'statuspage',
      name: 'Example',
      overall: 'degraded',
      fetchedAt: '2026-03-01T12:00:00.000Z',
      stale: false,
      error: null,
      problem: null,
      services: [{ id: 'web', name: 'Web', group: 'Hosting', status: 'degraded' }],
      incidents: [
        {
          id: 'i1',
          title: 'Slow',
          status: 'investigating',
          impact: 'minor',
          services: ['web'],
          startedAt: '2026-03-01T11:00:00.000Z',
          updatedAt: null,
          resolvedAt: null,
          url: 'https://status.example.test/incidents/i1',
          updates: [{ at: '2026-03-01T11:00:00.000Z', status: 'investigating', body: 'Looking' }],
        },
      ],
      maintenances: [
        {
          id: 'm1',
          title: 'Upgrade',
          status: 'scheduled',
          scheduledFor: '2026-03-02T02:00:00.000Z',
          scheduledUntil: null,
          services: [],
          url: 'https://status.example.test/incidents/m1',
        },
      ],
    },
  ],
  announced: ['incident.opened|https://status.example.test|i1'],
};

function storeWithWarnings(file: string) {
  const warnings: string[] = [];
  const store = createFileStateStore(file, { onWarning: (message) => warnings.push(message) });
  return { store, warnings };
}

describe('createFileStateStore', () => {
  it('returns null for a missing file, without warning', async () => {
    const { store, warnings } = storeWithWarnings(path.join(dir, 'state.json'));
    expect(await store.load()).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('round-trips a state, creating the folder, and leaves no temp file', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'state.json');
    const { store, warnings } = storeWithWarnings(file);
    await store.save(state);
    expect(await store.load()).toEqual(state);
    expect(await fs.readdir(path.dirname(file))).toEqual(['state.json']);
    expect(warnings).toEqual([]);
  });

  it('keeps the last of concurrent saves', async () => {
    const file = path.join(dir, 'state.json');
    const { store } = storeWithWarnings(file);
    const saves = Array.from({ length: 10 }, (_, index) => store.save({ ...state, announced: [`key-${index}`] }));
    await Promise.all(saves);
    expect((await store.load())?.announced).toEqual(['key-9']);
    expect(await fs.readdir(dir)).toEqual(['state.json']);
  });

  it('writes only the newest of the saves made while a write is under way', async () => {
    const file = path.join(dir, 'state.json');
    const { store } = storeWithWarnings(file);
    const renames = vi.spyOn(fs, 'rename');
    try {
      const first = store.save({ ...state, announced: ['first'] });
      const later = Array.from({ length: 20 }, (_, index) => store.save({ ...state, announced: [`later-${index}`] }));
      await first;
      // A waiting save resolves only once its state, or a newer one, is on disk.
      await later[0];
      expect((await store.load())?.announced).toEqual(['later-19']);
      await Promise.all(later);
      expect(renames).toHaveBeenCalledTimes(2);
    } finally {
      renames.mockRestore();
    }
  });

  it('replaces the file whole: a reader never sees a half-written state', async () => {
    const file = path.join(dir, 'state.json');
    const { store } = storeWithWarnings(file);
    await store.save(state);
    const big = { ...state, announced: Array.from({ length: 4000 }, (_, index) => `key-${index}-${'x'.repeat(100)}`) };
    const saving = store.save(big);
    // Read while the write is going on: either the old or the new state, both complete.
    const seen = JSON.parse(await fs.readFile(file, 'utf8')) as PersistedState;
    expect([1, 4000]).toContain(seen.announced.length);
    await saving;
    expect((await store.load())?.announced.length).toBe(4000);
  });

  it('keeps what went wrong as data, next to the words', async () => {
    const file = path.join(dir, 'state.json');
    const { store } = storeWithWarnings(file);
    const problem = { reason: 'http', case: null, host: 'status.example.test', status: 503, retryAfterSeconds: 3, limit: null, detail: null } as const;
    const [first] = state.snapshots;
    if (!first) throw new Error('fixture has a snapshot');
    const failed: PersistedState = { ...state, snapshots: [{ ...first, stale: true, error: 'status.example.test answered HTTP 503 (retry after 3 s)', problem }] };
    await store.save(failed);
    expect(await store.load()).toEqual(failed);
  });

  it('loads a file written before snapshots had a problem: problem null, nothing else lost', async () => {
    const file = path.join(dir, 'state.json');
    const old = { ...state, snapshots: state.snapshots.map(({ problem: _problem, ...rest }) => rest) };
    expect(JSON.stringify(old)).not.toContain('problem');
    await fs.writeFile(file, JSON.stringify(old));
    const { store, warnings } = storeWithWarnings(file);
    expect(await store.load()).toEqual(state);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['a reason it does not know', { reason: 'sunny', case: null, host: null, status: null, retryAfterSeconds: null, limit: null, detail: null }],
    ['a field of the wrong type', { reason: 'http', case: null, host: 'x', status: '503', retryAfterSeconds: null, limit: null, detail: null }],
    ['not an object', 'HTTP 503'],
  ])('reads a problem with %s as null and keeps the rest of the file', async (_name, problem) => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, JSON.stringify({ ...state, snapshots: state.snapshots.map((s) => ({ ...s, problem })) }));
    const { store, warnings } = storeWithWarnings(file);
    expect(await store.load()).toEqual(state);
    expect(warnings).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['state.json']);
  });

  it('keeps only the newest announced keys', async () => {
    const file = path.join(dir, 'state.json');
    const { store } = storeWithWarnings(file);
    const many = Array.from({ length: MAX_ANNOUNCED_KEYS + 250 }, (_, index) => `key-${index}`);
    await store.save({ ...state, announced: many });
    const loaded = await store.load();
    expect(loaded?.announced.length).toBe(MAX_ANNOUNCED_KEYS);
    expect(loaded?.announced[0]).toBe('key-250');
    expect(loaded?.announced.at(-1)).toBe(`key-${MAX_ANNOUNCED_KEYS + 249}`);
  });

  it.each([
    ['truncated JSON', '{"version":1,"snapshots":['],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['wrong version', JSON.stringify({ ...state, version: 2 })],
    ['wrong shape', JSON.stringify({ version: 1, snapshots: 'nope', announced: [] })],
    ['a level we do not know', JSON.stringify({ ...state, snapshots: [{ ...state.snapshots[0], overall: 'sunny' }] })],
    ['an empty file', ''],
  ])('%s: warns, moves the file aside and starts fresh', async (_name, content) => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, content);
    const { store, warnings } = storeWithWarnings(file);
    expect(await store.load()).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/state file .*unusable.*moved it to .*state\.json\.corrupt-/i);
    const files = await fs.readdir(dir);
    expect(files).not.toContain('state.json');
    const aside = files.find((name) => name.startsWith('state.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(path.join(dir, aside ?? ''), 'utf8')).toBe(content);
    // The next save starts a good file again.
    await store.save(state);
    expect(await store.load()).toEqual(state);
  });

  it('warns instead of throwing when the state cannot be written', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocker, 'x');
    const { store, warnings } = storeWithWarnings(path.join(blocker, 'state.json'));
    await expect(store.save(state)).resolves.toBeUndefined();
    expect(warnings[0]).toMatch(/cannot save state/i);
  });

  it('survives a warning sink that throws', async () => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, '{');
    const store = createFileStateStore(file, {
      onWarning: () => {
        throw new Error('sink broke');
      },
    });
    await expect(store.load()).resolves.toBeNull();
  });
});

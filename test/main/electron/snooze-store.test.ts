import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnoozeStore } from '../../../main/electron/snooze-store';

describe('snooze store', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'snooze-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const now = new Date('2026-03-10T22:00:00.000Z');

  it('round-trips a snooze that is still ahead', async () => {
    const store = createSnoozeStore(dir);
    await store.save(new Date('2026-03-11T07:00:00.000Z'));
    expect((await store.load(now))?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
  });

  it('forgets a snooze that has ended, a resumed one, and a damaged file', async () => {
    const store = createSnoozeStore(dir);
    await store.save(new Date('2026-03-10T21:00:00.000Z'));
    expect(await store.load(now)).toBeNull();
    await store.save(null);
    expect(JSON.parse(await readFile(path.join(dir, 'snooze.json'), 'utf8'))).toEqual({ snoozedUntil: null });
    expect(await store.load(now)).toBeNull();
    await writeFile(path.join(dir, 'snooze.json'), '{"snoozedUntil": "tomorrow"');
    expect(await store.load(now)).toBeNull();
    await writeFile(path.join(dir, 'snooze.json'), '{"snoozedUntil": "not a date"}');
    expect(await store.load(now)).toBeNull();
  });
});

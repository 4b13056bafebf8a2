import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnoozeStore } from '../../../main/electron/snooze-store';
import { incidentEvent } from './fixtures';

describe('snooze store', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'snooze-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const now = new Date('2026-03-10T22:00:00.000Z');
  const file = () => path.join(dir, 'snooze.json');

  it('round-trips a snooze that is still ahead, and what it held', async () => {
    const store = createSnoozeStore(dir);
    const held = [incidentEvent('incident.opened', 'i1', 'PAAS down', ['paas'])];
    await store.save(new Date('2026-03-11T07:00:00.000Z'), held);
    const loaded = await store.load(now);
    expect(loaded.snoozedUntil?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
    expect(loaded.held).toEqual(held);
  });

  it('forgets a snooze that has ended (keeping what it held), a resumed one, and a damaged file', async () => {
    const store = createSnoozeStore(dir);
    const held = [incidentEvent('incident.opened', 'i1', 'PAAS down', ['paas'])];
    await store.save(new Date('2026-03-10T21:00:00.000Z'), held);
    expect(await store.load(now)).toEqual({ snoozedUntil: null, held });
    await store.save(null);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ snoozedUntil: null, held: [] });
    expect(await store.load(now)).toEqual({ snoozedUntil: null, held: [] });
    for (const damaged of ['{"snoozedUntil": "tomorrow"', '{"snoozedUntil": "not a date"}', '[]', '{"snoozedUntil": null, "held": 3}']) {
      await writeFile(file(), damaged);
      expect(await store.load(now), damaged).toEqual({ snoozedUntil: null, held: [] });
    }
  });

  it('reads a file from before held changes were kept', async () => {
    await writeFile(file(), '{"snoozedUntil": "2026-03-11T07:00:00.000Z"}');
    expect(await createSnoozeStore(dir).load(now)).toEqual({ snoozedUntil: new Date('2026-03-11T07:00:00.000Z'), held: [] });
  });

  it('drops a damaged held change and keeps the others', async () => {
    const good = incidentEvent('incident.opened', 'i1', 'PAAS down', ['paas']);
    const { title: _title, ...noTitle } = incidentEvent('incident.opened', 'i2', 'DNS down', ['dns']);
    const wrongLevel = { type: 'service.changed', at: now.toISOString(), sourceUrl: 'x', sourceName: 'x', key: 'k', url: 'x', serviceId: 's', serviceName: 'S', from: 'operational', to: 'on fire' };
    await writeFile(file(), JSON.stringify({ snoozedUntil: null, held: [noTitle, good, wrongLevel, 'text'] }));
    expect((await createSnoozeStore(dir).load(now)).held).toEqual([good]);
  });
});

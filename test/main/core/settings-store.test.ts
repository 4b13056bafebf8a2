import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../main/core/settings-store';
import { createWindowStateStore, DEFAULT_WINDOW_STATE } from '../../../main/electron/window-state';
import { defaultSettings, type Settings } from '../../../common/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gandi-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('gives defaults when there is no file, silently', async () => {
    const warnings: string[] = [];
    expect(await createSettingsStore(dir, { onWarning: (m) => warnings.push(m) }).load()).toEqual(defaultSettings());
    expect(warnings).toEqual([]);
  });

  it('round-trips settings through an atomic write (no temp file left)', async () => {
    const store = createSettingsStore(dir);
    const custom: Settings = {
      ...defaultSettings(),
      pollIntervalSeconds: 120,
      language: 'fr',
      mutedServices: ['mail'],
      followedServices: ['paas'],
      quietHours: { enabled: true, start: '22:30', end: '06:45' },
    };
    await store.save(custom);
    expect(await createSettingsStore(dir).load()).toEqual(custom);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps the last of concurrent saves', async () => {
    const store = createSettingsStore(dir);
    await Promise.all([60, 90, 300].map((pollIntervalSeconds) => store.save({ ...defaultSettings(), pollIntervalSeconds })));
    expect((await store.load()).pollIntervalSeconds).toBe(300);
  });

  it('refuses to save invalid settings and writes nothing', async () => {
    const store = createSettingsStore(dir);
    await expect(store.save({ ...defaultSettings(), pollIntervalSeconds: 1 })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"pollIntervalSeconds": 60,'],
    ['a list instead of an object', '["https://status.gandi.net"]'],
    ['a wrong shape', JSON.stringify({ pollIntervalSeconds: 'often', links: { ticket: 'http://phish.example' } })],
    ['an unsafe link', JSON.stringify({ links: { chat: 'javascript:alert(1)' } })],
  ])('falls back to defaults with a warning on %s, keeping the bad file aside', async (_name, content) => {
    await writeFile(path.join(dir, 'settings.json'), content);
    const warnings: string[] = [];
    expect(await createSettingsStore(dir, { onWarning: (m) => warnings.push(m) }).load()).toEqual(defaultSettings());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/using defaults|back to defaults/);
    const files = await readdir(dir);
    const aside = files.find((name) => name.startsWith('settings.json.bad-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside ?? ''), 'utf8')).toBe(content);
  });

  it('keeps the valid settings of a file with one bad value, and names what was reset', async () => {
    const content = JSON.stringify({
      pollIntervalSeconds: 300,
      mutedServices: ['mail'],
      sources: [{ url: 'https://www.githubstatus.com', kind: 'statuspage' }],
      links: { ...defaultSettings().links, chat: 'https://chat.example.net' },
      language: 'klingon',
    });
    await writeFile(path.join(dir, 'settings.json'), content);
    const warnings: string[] = [];
    const loaded = await createSettingsStore(dir, { onWarning: (m) => warnings.push(m) }).load();
    expect(loaded).toEqual({
      ...defaultSettings(),
      pollIntervalSeconds: 300,
      mutedServices: ['mail'],
      sources: [{ url: 'https://www.githubstatus.com', kind: 'statuspage' }],
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/language, links invalid, back to defaults; the other settings are kept/);
    const aside = (await readdir(dir)).find((name) => name.startsWith('settings.json.bad-'));
    expect(await readFile(path.join(dir, aside ?? ''), 'utf8')).toBe(content);
    // The file itself stays until the next save rewrites it.
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(content);
  });

  it('fills in missing fields of an older file', async () => {
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'en' }));
    expect(await createSettingsStore(dir).load()).toEqual({ ...defaultSettings(), language: 'en' });
  });
});

describe('window state store', () => {
  it('remembers the size and falls back to the default on damage', async () => {
    const store = createWindowStateStore(dir);
    expect(await store.load()).toEqual(DEFAULT_WINDOW_STATE);
    await store.save({ width: 1200, height: 800, x: 10, y: 20, maximized: false });
    expect(await store.load()).toEqual({ width: 1200, height: 800, x: 10, y: 20, maximized: false });
    await writeFile(path.join(dir, 'window-state.json'), '{"width": -5}');
    expect(await store.load()).toEqual(DEFAULT_WINDOW_STATE);
  });
});

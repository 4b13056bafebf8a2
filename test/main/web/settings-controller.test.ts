import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsController, loadSettingsFile } from '../../../main/web/settings-controller';
import { defaultSettings, type Settings } from '../../../preload/contract';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dashboard-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings file', () => {
  it('gives defaults when the file does not exist yet, and saves accepted settings into it', async () => {
    const file = path.join(dir, 'sub', 'settings.json');
    const loaded = await loadSettingsFile(file);
    expect(loaded).toEqual({ ok: true, settings: defaultSettings() });
    const controller = createSettingsController({ initial: defaultSettings(), file });
    const heard: Settings[] = [];
    controller.subscribe((settings) => {
      heard.push(settings);
    });
    const next: Settings = { ...defaultSettings(), language: 'fr' };
    expect(await controller.set(next)).toEqual({ ok: true, settings: next });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(next);
    expect(heard).toEqual([next]);
    expect(await loadSettingsFile(file)).toEqual({ ok: true, settings: next });
  });

  it('does not save or announce refused settings', async () => {
    const file = path.join(dir, 'settings.json');
    const controller = createSettingsController({ initial: defaultSettings(), file });
    let heard = 0;
    controller.subscribe(() => {
      heard += 1;
    });
    const result = await controller.set({ ...defaultSettings(), quietHours: { enabled: true, start: '25:00', end: '07:00' } });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('quietHours.start') });
    expect(heard).toBe(0);
    await expect(readFile(file)).rejects.toThrow();
  });

  it.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['an invalid value', JSON.stringify({ pollIntervalSeconds: 1 }), 'pollIntervalSeconds'],
  ])('refuses a file that is %s, saying why', async (_name, content, reason) => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, content);
    const loaded = await loadSettingsFile(file);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? '' : loaded.error).toContain(reason);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsController } from '../../../main/web/settings-controller';
import { createSettingsStore } from '../../../main/core/settings-store';
import { defaultSettings, type Settings } from '../../../common/settings';
import { parseDashboardArgs } from '../../../main/web/args';
import { startDashboardServer } from '../../../main/web/start';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dashboard-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dashboard settings', () => {
  it('saves accepted settings through the shared store and announces them', async () => {
    const store = createSettingsStore(path.join(dir, 'sub'));
    const controller = createSettingsController({ initial: await store.load(), store });
    const heard: Settings[] = [];
    controller.subscribe((settings) => {
      heard.push(settings);
    });
    const next: Settings = { ...defaultSettings(), language: 'fr' };
    expect(await controller.set(next)).toEqual({ ok: true, settings: next });
    expect(JSON.parse(await readFile(store.filePath, 'utf8'))).toEqual(next);
    expect(heard).toEqual([next]);
    expect(await createSettingsStore(path.join(dir, 'sub')).load()).toEqual(next);
  });

  it('does not save or announce refused settings', async () => {
    const store = createSettingsStore(dir);
    const controller = createSettingsController({ initial: defaultSettings(), store });
    let heard = 0;
    controller.subscribe(() => {
      heard += 1;
    });
    const result = await controller.set({ ...defaultSettings(), quietHours: { enabled: true, start: '25:00', end: '07:00' } });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('quietHours.start') });
    expect(heard).toBe(0);
    await expect(readFile(store.filePath)).rejects.toThrow();
  });

  it('keeps the good fields of a file with one bad value, as the desktop does, and writes atomically', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ language: 'fr', pollIntervalSeconds: 1 }));
    const warnings: string[] = [];
    const parsed = parseDashboardArgs(['--settings', file, '--port', '0']);
    if (!parsed.ok) throw new Error(parsed.error);
    const running = await startDashboardServer({ args: parsed.args, onWarning: (m) => warnings.push(m), staticRoot: dir });
    try {
      const state = (await (await fetch(`${running.url}/api/state`)).json()) as { settings: Settings };
      expect(state.settings.language).toBe('fr');
      expect(state.settings.pollIntervalSeconds).toBe(defaultSettings().pollIntervalSeconds);
      expect(warnings.join('\n')).toContain('pollIntervalSeconds');
      const saved = await fetch(`${running.url}/api/settings`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Origin: running.url.replace(/\/$/, '') },
        body: JSON.stringify({ ...state.settings, language: 'en' }),
      });
      expect(saved.status).toBe(200);
      expect(JSON.parse(await readFile(file, 'utf8')).language).toBe('en');
      // The shared atomic writer leaves no temporary file behind.
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      await running.stop();
    }
  });
});

// The tray over the real core and the status page simulator: the icon and the words follow a
// whole incident life as the core sees it over HTTP.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStatusCore } from '../../../main/core/status-core';
import type { Level } from '../../../common/model';
import { textsFor } from '../../../main/electron/texts';
import { startSimulator, type Simulator } from '../../simulator/server';
import { INCIDENT_COMPONENT } from '../../simulator/scenarios';
import { lastTray, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
const { createStatusTray } = await import('../../../main/electron/tray');

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('tray over the simulator', () => {
  it('follows an incident life from unknown to outage and back to all clear', async () => {
    resetFakeElectron();
    sim = await startSimulator({ port: 0, scenario: 'incident-life' });
    const core = createStatusCore({ sources: [{ url: sim.url, kind: 'statuspage', intervalSeconds: 3600 }], fetch: (url, init) => fetch(url, init) });
    const actions = { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
    const tray = createStatusTray({ snapshot: core.getSnapshot(), assetsDir: '/assets', platform: 'win32', actions, onClick: vi.fn() });
    const texts = textsFor('en');
    const show = (snapshot: ReturnType<typeof core.getSnapshot>) =>
      tray.update({ snapshot, texts, snoozedUntil: null, followedServices: [], launchAtLogin: null, now: new Date() });
    show(core.getSnapshot());
    core.subscribe(({ snapshot }) => show(snapshot));
    const seen: Array<{ level: Level; image: string; tooltip: string }> = [];
    const record = () => {
      const fake = lastTray();
      seen.push({ level: core.getSnapshot().overall, image: path.basename(fake.image.path), tooltip: fake.tooltip });
    };
    try {
      record(); // before the first poll: grey, never a false all clear
      await core.start();
      await core.refreshNow();
      record();
      for (let i = 0; i < 20 && sim.step(); i++) {
        await core.refreshNow();
        record();
      }
    } finally {
      await core.stop();
    }
    const levels = seen.map((s) => s.level);
    expect(levels[0]).toBe('unknown');
    expect(seen[0]?.image).toBe('unknown.png');
    expect(levels.at(-1)).toBe('operational');
    expect(levels.some((level) => level === 'major_outage' || level === 'partial_outage')).toBe(true);
    for (const step of seen) {
      // The picture is the level's, and the words say the level too.
      expect(step.image).toBe(`${step.level}.png`);
      expect(step.tooltip).toContain(texts.level[step.level]);
      if (step.level !== 'operational' && step.level !== 'unknown') expect(step.tooltip).toContain(INCIDENT_COMPONENT.name);
    }
  });
});

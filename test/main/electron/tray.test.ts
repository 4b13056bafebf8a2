import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LEVELS } from '../../../common/model';
import { trayIconChoice, unpackedPath } from '../../../main/electron/icons';
import { textsFor } from '../../../main/electron/texts';
import { vouchedLevel as trayLevel } from '../../../common/freshness';
import { describeTray } from '../../../main/electron/tray-text';
import { FakeMenu, lastTray, resetFakeElectron } from './fake-electron';
import { incident, maintenance, service, snapshot } from './fixtures';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
const { createStatusTray } = await import('../../../main/electron/tray');

const en = textsFor('en');
const assetsDir = path.resolve(__dirname, '../../../assets');
const paas = (status: Parameters<typeof service>[2]) => service('paas', 'PAAS LU-BI1', status);

/** One incident's life, as the core would report it. */
const life = [
  snapshot('operational', { services: [paas('operational')] }),
  snapshot('major_outage', { services: [paas('major_outage')], incidents: [incident('i1', 'PAAS LU-BI1 down', { services: ['paas'] })] }),
  snapshot('partial_outage', {
    services: [paas('partial_outage')],
    incidents: [incident('i1', 'PAAS LU-BI1 down', { status: 'monitoring', services: ['paas'] })],
    maintenances: [maintenance('m1', 'Storage upgrade')],
  }),
  snapshot('degraded', { services: [paas('degraded')], incidents: [incident('i1', 'PAAS LU-BI1 down', { status: 'monitoring' })], maintenances: [maintenance('m1', 'Storage upgrade')] }),
  snapshot('maintenance', { services: [paas('maintenance')], maintenances: [maintenance('m1', 'Storage upgrade', { status: 'in_progress' })] }),
  snapshot('operational', { services: [paas('operational')], incidents: [incident('i1', 'PAAS LU-BI1 down', { status: 'resolved' })] }),
  snapshot('unknown', { services: [paas('unknown')], stale: true }),
];

describe('describeTray', () => {
  it('says the state in words through an incident life', () => {
    expect(life.map((s) => describeTray(s, en))).toEqual([
      'Gandi: all systems operational',
      'Gandi: major outage - PAAS LU-BI1',
      'Gandi: partial outage - PAAS LU-BI1; 1 maintenance upcoming',
      'Gandi: degraded performance - PAAS LU-BI1; 1 maintenance upcoming',
      'Gandi: maintenance in progress - PAAS LU-BI1; 1 maintenance in progress',
      'Gandi: all systems operational',
      'Gandi: status unknown - PAAS LU-BI1; status page unreachable',
    ]);
  });

  it('names three services at most and stays within the Windows tooltip limit', () => {
    const services = Array.from({ length: 8 }, (_, i) => service(`s${i}`, `Service number ${i} with a long name`, 'major_outage'));
    const text = describeTray(snapshot('major_outage', { services }), en);
    expect(text).toContain('and 5 more');
    expect(text.length).toBeLessThanOrEqual(127);
  });

  it('speaks French', () => {
    expect(describeTray(life[2] ?? life[0]!, textsFor('fr'))).toBe('Gandi: panne partielle - PAAS LU-BI1; 1 maintenance à venir');
  });
});

describe('tray icons', () => {
  it('has a PNG for every level, size and template variant', () => {
    for (const level of LEVELS) {
      for (const name of [`${level}.png`, `${level}@2x.png`, `${level}-32.png`, `${level}-32@2x.png`, `${level}Template.png`, `${level}Template@2x.png`]) {
        const file = path.join(assetsDir, 'tray', name);
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file).subarray(1, 4).toString('ascii')).toBe('PNG');
      }
    }
  });

  it('picks the picture per OS', () => {
    expect(trayIconChoice('major_outage', 'win32', assetsDir).path).toMatch(/tray[\\/]major_outage\.png$/);
    expect(trayIconChoice('major_outage', 'linux', assetsDir).path).toMatch(/major_outage-32\.png$/);
    expect(trayIconChoice('operational', 'darwin', assetsDir)).toMatchObject({ template: true });
    expect(trayIconChoice('major_outage', 'darwin', assetsDir)).toMatchObject({ template: false });
  });
});

describe('createStatusTray', () => {
  beforeEach(() => resetFakeElectron());

  it('follows the level through a whole incident life: image, tooltip and menu', () => {
    const actions = { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
    const first = life[0]!;
    const tray = createStatusTray({ snapshot: first, assetsDir, platform: 'win32', actions, onClick: vi.fn() });
    const seen: Array<{ image: string; tooltip: string; overall: unknown }> = [];
    for (const step of life) {
      tray.update({ snapshot: step, texts: en, snoozedUntil: null, followedServices: [], launchAtLogin: false, now: new Date() });
      const fake = lastTray();
      const menu = fake.menu as FakeMenu;
      seen.push({ image: path.basename(fake.image.path), tooltip: fake.tooltip, overall: (menu.template[0] as { label: string }).label });
    }
    expect(seen.map((s) => s.image)).toEqual([
      'operational.png',
      'major_outage.png',
      'partial_outage.png',
      'degraded.png',
      'maintenance.png',
      'operational.png',
      'unknown.png',
    ]);
    expect(seen.map((s) => s.overall)).toEqual(life.map((s) => `Gandi: ${en.level[s.overall]}`));
    expect(seen[1]?.tooltip).toBe('Gandi: major outage - PAAS LU-BI1');
  });

  it('opens the window on a left click, except on macOS where the click opens the menu', () => {
    const actions = { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
    const onClick = vi.fn();
    createStatusTray({ snapshot: life[0]!, assetsDir, platform: 'linux', actions, onClick });
    lastTray().emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
    createStatusTray({ snapshot: life[0]!, assetsDir, platform: 'darwin', actions, onClick });
    expect(lastTray().listenerCount('click')).toBe(0);
  });
});

describe('trayLevel: no false all clear while the status page is unreachable', () => {
  const fetchedAt = '2026-03-10T08:05:00.000Z';
  const after = (minutes: number) => new Date(Date.parse(fetchedAt) + minutes * 60_000);

  it('keeps the last good level during the grace period, then shows unknown', () => {
    const stale = snapshot('operational', { services: [paas('operational')], stale: true, fetchedAt });
    expect(trayLevel(stale, after(2))).toBe('operational');
    expect(trayLevel(stale, after(6))).toBe('unknown');
    expect(describeTray(stale, en, after(6))).toBe('Gandi: status unknown (last known: all systems operational); status page unreachable');
  });

  it('keeps bad news shown, and trusts fresh data however old', () => {
    expect(trayLevel(snapshot('major_outage', { stale: true, fetchedAt }), after(60))).toBe('major_outage');
    expect(trayLevel(snapshot('operational', { fetchedAt }), after(60))).toBe('operational');
  });

  it('turns the icon grey once the grace period is over', () => {
    resetFakeElectron();
    const actions = { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
    const stale = snapshot('operational', { services: [paas('operational')], stale: true, fetchedAt });
    const tray = createStatusTray({ snapshot: life[0]!, assetsDir, platform: 'win32', actions, onClick: vi.fn() });
    const model = { texts: en, snoozedUntil: null, followedServices: [], launchAtLogin: false };
    tray.update({ ...model, snapshot: stale, now: after(2) });
    expect(path.basename(lastTray().image.path)).toBe('operational.png');
    tray.update({ ...model, snapshot: stale, now: after(10) });
    expect(path.basename(lastTray().image.path)).toBe('unknown.png');
  });
});

describe('unpackedPath', () => {
  it('points files inside app.asar at the unpacked copy, and leaves others alone', () => {
    expect(unpackedPath('/opt/Gandi Status/resources/app.asar/assets/icon-256.png')).toBe(
      '/opt/Gandi Status/resources/app.asar.unpacked/assets/icon-256.png',
    );
    expect(unpackedPath('C:\\Program Files\\Gandi Status\\resources\\app.asar\\assets\\icon-256.png')).toBe(
      'C:\\Program Files\\Gandi Status\\resources\\app.asar.unpacked\\assets\\icon-256.png',
    );
    expect(unpackedPath('/home/me/gandi-status-tray/assets/icon-256.png')).toBe('/home/me/gandi-status-tray/assets/icon-256.png');
  });
});

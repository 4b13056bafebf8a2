import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildTrayMenu, type TrayMenuModel } from '../../../main/electron/tray-menu';
import { textsFor } from '../../../main/electron/texts';
import { incident, service, snapshot, SOURCE } from './fixtures';

function actions() {
  return { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
}

const now = new Date(2026, 2, 10, 9, 0);
const model = (overrides: Partial<TrayMenuModel> = {}): TrayMenuModel => ({
  snapshot: snapshot('major_outage', {
    fetchedAt: new Date(2026, 2, 10, 8, 5).toISOString(),
    services: [service('paas', 'PAAS LU-BI1', 'major_outage'), service('dns', 'LiveDNS')],
    incidents: [incident('i1', 'PAAS LU-BI1 down'), incident('i0', 'Old one', { status: 'resolved' })],
  }),
  texts: textsFor('en'),
  snoozedUntil: null,
  followedServices: ['dns'],
  launchAtLogin: false,
  now,
  ...overrides,
});

function findOrNull(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | null {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? findOrNull(item.submenu, id) : null;
    if (inner !== null) return inner;
  }
  return null;
}
function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = findOrNull(items, id);
  if (item === null) throw new Error(`no menu item ${id}`);
  return item;
}
function click(item: MenuItemConstructorOptions): void {
  const handler = item.click as (() => void) | undefined;
  if (!handler) throw new Error(`${item.id} has no click`);
  handler();
}

describe('buildTrayMenu', () => {
  it('starts with the state in words and the last update time', () => {
    const items = buildTrayMenu(model(), actions());
    expect(items[0]).toMatchObject({ label: 'Gandi: major outage', enabled: false });
    expect(items[1]).toMatchObject({ label: 'Updated at 08:05', enabled: false });
    expect(buildTrayMenu(model({ snapshot: snapshot('unknown', { fetchedAt: null }) }), actions())[1]?.label).toBe('Not updated yet');
  });

  it('lists open incidents only; a click opens the window on that incident', () => {
    const a = actions();
    const items = buildTrayMenu(model(), a);
    const incidents = items.filter((item) => item.id?.startsWith('incident:'));
    expect(incidents.map((item) => item.label)).toEqual(['PAAS LU-BI1 down (investigating)']);
    click(incidents[0]!);
    expect(a.show).toHaveBeenCalledWith({ kind: 'incident', sourceUrl: SOURCE, id: 'i1' });
  });

  it('names the morning snooze after the day it ends', () => {
    const label = (now: Date) => find(buildTrayMenu({ ...model(), now }, actions()), 'snooze-tomorrow').label;
    expect(label(new Date(2026, 2, 10, 23, 30))).toBe('Until tomorrow 8:00');
    expect(label(new Date(2026, 2, 11, 0, 30))).toBe('Until 8:00 this morning');
  });

  it('wires every action', () => {
    const a = actions();
    const items = buildTrayMenu(model(), a);
    click(find(items, 'refresh'));
    expect(a.refresh).toHaveBeenCalledTimes(1);
    click(find(items, 'snooze-hour'));
    click(find(items, 'snooze-tomorrow'));
    expect(a.snooze.mock.calls).toEqual([['hour'], ['tomorrow']]);
    click(find(items, 'status-page'));
    click(find(items, 'ticket'));
    click(find(items, 'chat'));
    expect(a.openLink.mock.calls).toEqual([['status-page'], ['ticket'], ['chat']]);
    click(find(items, 'settings'));
    expect(a.show).toHaveBeenCalledWith({ kind: 'view', view: 'settings' });
    click(find(items, 'open'));
    expect(a.show).toHaveBeenLastCalledWith({ kind: 'view', view: 'overview' });
    click(find(items, 'launch-at-login'));
    expect(a.setLaunchAtLogin).toHaveBeenCalledWith(true);
    click(find(items, 'quit'));
    expect(a.quit).toHaveBeenCalledTimes(1);
  });

  it('offers resume only while snoozed and says until when', () => {
    const a = actions();
    expect(find(buildTrayMenu(model(), a), 'snooze-resume').enabled).toBe(false);
    const snoozed = buildTrayMenu(model({ snoozedUntil: new Date(2026, 2, 11, 8, 0) }), a);
    expect(find(snoozed, 'snoozed').label).toBe('Snoozed until 08:00');
    const resume = find(snoozed, 'snooze-resume');
    expect(resume.enabled).toBe(true);
    click(resume);
    expect(a.resume).toHaveBeenCalledTimes(1);
  });

  it('lists services to follow as checkboxes that toggle', () => {
    const a = actions();
    const items = buildTrayMenu(model(), a);
    expect(find(items, 'follow:paas')).toMatchObject({ type: 'checkbox', checked: false, label: 'PAAS LU-BI1 - major outage' });
    expect(find(items, 'follow:dns')).toMatchObject({ checked: true, label: 'LiveDNS' });
    click(find(items, 'follow:paas'));
    click(find(items, 'follow:dns'));
    expect(a.setFollowed.mock.calls).toEqual([['paas', true], ['dns', false]]);
  });

  it('hides launch at login where the OS has none (Linux)', () => {
    const items = buildTrayMenu(model({ launchAtLogin: null }), actions());
    expect(findOrNull(items, 'launch-at-login')).toBeNull();
    expect(find(buildTrayMenu(model({ launchAtLogin: true }), actions()), 'launch-at-login').checked).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  eventsToAnnounce,
  followsEndedBy,
  inQuietHours,
  isMuted,
  judge,
  snoozeEnd,
} from '../../../main/electron/notification-policy';
import { defaultSettings } from '../../../common/settings';
import { incidentEvent, maintenanceEvent, serviceEvent, settingsWith } from './fixtures';

const noon = new Date(2026, 2, 10, 12, 0);

describe('judge', () => {
  it('announces a new incident with the default settings', () => {
    expect(judge(incidentEvent('incident.opened', 'i1', 'DNS down', ['dns']), { settings: defaultSettings(), now: noon, snoozedUntil: null })).toBe('announce');
  });

  it('follows the per-kind switches', () => {
    const settings = settingsWith({ notifications: { ...defaultSettings().notifications, incidentUpdates: false, reminders: false } });
    const context = { settings, now: noon, snoozedUntil: null };
    expect(judge(incidentEvent('incident.updated', 'i1', 'DNS down'), context)).toBe('filtered');
    expect(judge(maintenanceEvent('maintenance.reminder', 'm1', 'Storage work'), context)).toBe('filtered');
    expect(judge(maintenanceEvent('maintenance.started', 'm1', 'Storage work'), context)).toBe('announce');
    // serviceChanges is off by default: the tray shows those.
    expect(judge(serviceEvent('dns', 'operational', 'degraded'), context)).toBe('filtered');
  });

  it('filters everything when notifications are off', () => {
    const settings = settingsWith({ notifications: { ...defaultSettings().notifications, enabled: false } });
    expect(judge(incidentEvent('incident.opened', 'i1', 'x'), { settings, now: noon, snoozedUntil: null })).toBe('filtered');
  });

  it('holds back while snoozed, and announces again once the snooze is over', () => {
    const event = incidentEvent('incident.opened', 'i1', 'x');
    const settings = defaultSettings();
    const until = new Date(noon.getTime() + 60_000);
    expect(judge(event, { settings, now: noon, snoozedUntil: until })).toBe('held');
    expect(judge(event, { settings, now: new Date(until.getTime() + 1), snoozedUntil: until })).toBe('announce');
  });

  it('holds back in quiet hours', () => {
    const settings = settingsWith({ quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    const event = incidentEvent('incident.opened', 'i1', 'x');
    expect(judge(event, { settings, now: new Date(2026, 2, 10, 23, 30), snoozedUntil: null })).toBe('held');
    expect(judge(event, { settings, now: noon, snoozedUntil: null })).toBe('announce');
  });

  it('does not announce events about muted services only', () => {
    const settings = settingsWith({ mutedServices: ['mail'] });
    const context = { settings, now: noon, snoozedUntil: null };
    expect(judge(incidentEvent('incident.opened', 'i1', 'Mail slow', ['mail']), context)).toBe('filtered');
    // Also touching an unmuted service: still news.
    expect(judge(incidentEvent('incident.opened', 'i2', 'Mail and DNS', ['mail', 'dns']), context)).toBe('announce');
    // Page-wide events have no service to mute.
    expect(isMuted(incidentEvent('incident.opened', 'i3', 'Everything'), ['mail'])).toBe(false);
  });

  it('announces a followed service whatever the other filters say', () => {
    const settings = settingsWith({
      followedServices: ['paas'],
      mutedServices: ['paas'],
      quietHours: { enabled: true, start: '00:00', end: '23:59' },
      notifications: { ...defaultSettings().notifications, enabled: false, serviceChanges: false, incidentUpdates: false },
    });
    const context = { settings, now: noon, snoozedUntil: new Date(noon.getTime() + 3_600_000) };
    expect(judge(serviceEvent('paas', 'operational', 'partial_outage'), context)).toBe('announce');
    expect(judge(incidentEvent('incident.updated', 'i1', 'PAAS', ['paas']), context)).toBe('announce');
    expect(judge(serviceEvent('dns', 'operational', 'partial_outage'), context)).toBe('filtered');
  });

  it('never announces overall.changed on its own (the tray shows it)', () => {
    const event = { ...serviceEvent('x', 'operational', 'degraded'), type: 'overall.changed' as const };
    const { serviceId: _id, serviceName: _name, ...overall } = event;
    expect(judge(overall, { settings: defaultSettings(), now: noon, snoozedUntil: null })).toBe('filtered');
  });
});

describe('quiet hours', () => {
  const across = { enabled: true, start: '22:00', end: '07:00' };
  it.each([
    [21, 59, false],
    [22, 0, true],
    [23, 59, true],
    [0, 0, true],
    [6, 59, true],
    [7, 0, false],
    [12, 0, false],
  ])('22:00-07:00 at %i:%i -> %s (across midnight)', (hours, minutes, quiet) => {
    expect(inQuietHours(across, new Date(2026, 2, 10, hours, minutes))).toBe(quiet);
  });

  it('handles a range within one day and a disabled or empty range', () => {
    const day = { enabled: true, start: '12:00', end: '14:00' };
    expect(inQuietHours(day, new Date(2026, 2, 10, 13, 0))).toBe(true);
    expect(inQuietHours(day, new Date(2026, 2, 10, 14, 0))).toBe(false);
    expect(inQuietHours({ ...day, enabled: false }, new Date(2026, 2, 10, 13, 0))).toBe(false);
    expect(inQuietHours({ enabled: true, start: '08:00', end: '08:00' }, new Date(2026, 2, 10, 8, 0))).toBe(false);
  });
});

describe('snooze', () => {
  it('ends in one hour', () => {
    expect(snoozeEnd('hour', new Date(2026, 2, 10, 23, 30))).toEqual(new Date(2026, 2, 11, 0, 30));
  });

  it.each([
    ['late evening', new Date(2026, 2, 10, 23, 30), new Date(2026, 2, 11, 8, 0)],
    ['just after midnight: this morning', new Date(2026, 2, 11, 0, 30), new Date(2026, 2, 11, 8, 0)],
    ['just before 8:00', new Date(2026, 2, 11, 7, 59), new Date(2026, 2, 11, 8, 0)],
    ['at 8:00 sharp: the next day', new Date(2026, 2, 11, 8, 0), new Date(2026, 2, 12, 8, 0)],
    ['across a month end', new Date(2026, 2, 31, 9, 0), new Date(2026, 3, 1, 8, 0)],
  ])('"until the morning" chosen %s ends at the next 8:00 local time', (_when, now, end) => {
    expect(snoozeEnd('tomorrow', now)).toEqual(end);
  });
});

describe('following', () => {
  it('ends when the followed service is operational again', () => {
    const events = [serviceEvent('paas', 'partial_outage', 'operational'), serviceEvent('dns', 'degraded', 'operational')];
    expect(followsEndedBy(events, ['paas'])).toEqual(['paas']);
    expect(followsEndedBy([serviceEvent('paas', 'major_outage', 'degraded')], ['paas'])).toEqual([]);
  });

  it('keeps the order of the events it announces', () => {
    const events = [incidentEvent('incident.opened', 'a', 'A'), serviceEvent('x', 'operational', 'degraded'), incidentEvent('incident.opened', 'b', 'B')];
    expect(eventsToAnnounce(events, { settings: defaultSettings(), now: noon, snoozedUntil: null }).map((e) => e.key)).toEqual([
      events[0]?.key,
      events[2]?.key,
    ]);
  });
});

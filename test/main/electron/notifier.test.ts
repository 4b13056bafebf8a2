import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier } from '../../../main/electron/notifier';
import type { Notice } from '../../../main/electron/notification-text';
import { textsFor, type Language } from '../../../main/electron/texts';
import type { Settings } from '../../../common/settings';
import { incidentEvent, maintenanceEvent, serviceEvent, settingsWith } from './fixtures';

function setup(options: { settings?: Settings; language?: Language; snoozedUntil?: Date | null; now?: Date } = {}) {
  const shown: Notice[] = [];
  const ended: string[][] = [];
  const heldChanges: string[][] = [];
  let settings = options.settings ?? settingsWith();
  let clock = options.now ?? new Date(2026, 2, 10, 12, 0);
  const notifier = createNotifier({
    sink: { show: (notice) => shown.push(notice) },
    getSettings: () => settings,
    getSnoozedUntil: () => options.snoozedUntil ?? null,
    getTexts: () => textsFor(options.language ?? 'en'),
    now: () => clock,
    onFollowEnded: (ids) => ended.push(ids),
    onHeldChange: (held) => heldChanges.push(held.map((event) => event.key)),
  });
  return {
    notifier,
    shown,
    ended,
    heldChanges,
    setSettings: (next: Settings) => (settings = next),
    setNow: (next: Date) => (clock = next),
  };
}

describe('notifier', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    return () => vi.useRealTimers();
  });

  it('shows one event as one notification that opens its incident', () => {
    const { notifier, shown } = setup();
    notifier.handle([incidentEvent('incident.opened', 'abc', 'PAAS LU-BI1 unreachable', ['paas'])]);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(shown).toEqual([
      {
        title: 'New incident - Gandi',
        body: 'PAAS LU-BI1 unreachable\nAffects PAAS',
        target: { kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'abc' },
      },
    ]);
  });

  it('coalesces a burst within 3 s into one notification that sums it up', () => {
    const { notifier, shown } = setup();
    notifier.handle([incidentEvent('incident.opened', 'a', 'DNS errors', ['dns'])]);
    vi.advanceTimersByTime(1500);
    notifier.handle([incidentEvent('incident.opened', 'b', 'Mail delays', ['mail']), maintenanceEvent('maintenance.started', 'm', 'Storage work')]);
    vi.advanceTimersByTime(1499);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('3 changes on Gandi status');
    expect(shown[0]?.body.split('\n')).toEqual(['New incident: DNS errors', 'New incident: Mail delays', 'Maintenance started: Storage work']);
    expect(shown[0]?.target).toEqual({ kind: 'view', view: 'overview' });
    // A later event starts a new burst.
    notifier.handle([incidentEvent('incident.resolved', 'a', 'DNS errors', ['dns'])]);
    vi.advanceTimersByTime(3000);
    expect(shown).toHaveLength(2);
    expect(shown[1]?.title).toBe('Incident resolved - Gandi');
  });

  it('opens the incident from a burst that is all about that incident', () => {
    const { notifier, shown } = setup();
    notifier.handle([
      incidentEvent('incident.opened', 'a', 'DNS errors'),
      incidentEvent('incident.updated', 'a', 'DNS errors', [], { key: 'upd', status: 'identified' }),
    ]);
    vi.advanceTimersByTime(3000);
    expect(shown[0]?.target).toEqual({ kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'a' });
  });

  it('does not show the same announcement twice', () => {
    const { notifier, shown } = setup();
    const event = incidentEvent('incident.opened', 'a', 'DNS errors');
    notifier.handle([event]);
    vi.advanceTimersByTime(3000);
    notifier.handle([event]);
    vi.advanceTimersByTime(3000);
    expect(shown).toHaveLength(1);
  });

  it('shows nothing while snoozed, muted or in quiet hours', () => {
    const snoozed = setup({ snoozedUntil: new Date(2026, 2, 10, 13, 0) });
    snoozed.notifier.handle([incidentEvent('incident.opened', 'a', 'x')]);
    const quiet = setup({ settings: settingsWith({ quietHours: { enabled: true, start: '22:00', end: '07:00' } }), now: new Date(2026, 2, 10, 2, 0) });
    quiet.notifier.handle([incidentEvent('incident.opened', 'a', 'x')]);
    const muted = setup({ settings: settingsWith({ mutedServices: ['mail'] }) });
    muted.notifier.handle([incidentEvent('incident.opened', 'a', 'x', ['mail'])]);
    vi.advanceTimersByTime(10_000);
    expect([snoozed.shown, quiet.shown, muted.shown]).toEqual([[], [], []]);
  });

  it('sums up what was held back during quiet hours at the first update after they end', () => {
    const quietHours = { enabled: true, start: '22:00', end: '07:00' };
    const { notifier, shown, setNow } = setup({ settings: settingsWith({ quietHours }), now: new Date(2026, 2, 10, 2, 0) });
    notifier.handle([incidentEvent('incident.opened', 'a', 'Mail down', ['mail'])]);
    setNow(new Date(2026, 2, 10, 4, 0));
    notifier.handle([incidentEvent('incident.resolved', 'a', 'Mail down', ['mail'])]);
    // The same change sent again while still quiet is held once only.
    notifier.handle([incidentEvent('incident.resolved', 'a', 'Mail down', ['mail'])]);
    vi.advanceTimersByTime(10_000);
    expect(shown).toEqual([]);
    setNow(new Date(2026, 2, 10, 7, 1));
    notifier.handle([]);
    vi.advanceTimersByTime(3000);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toContain('2');
    expect(shown[0]?.body.split('\n')).toHaveLength(2);
    notifier.handle([]);
    vi.advanceTimersByTime(3000);
    expect(shown).toHaveLength(1);
  });

  it('says when what it holds changes, even when one held change replaces another', () => {
    const { notifier, heldChanges, setSettings } = setup({ snoozedUntil: new Date(2026, 2, 10, 13, 0) });
    const mail = incidentEvent('incident.opened', 'a', 'Mail delays', ['mail']);
    const dns = incidentEvent('incident.opened', 'b', 'DNS errors', ['dns']);
    notifier.handle([mail]);
    notifier.handle([]); // nothing changed: nothing said
    // Mail muted meanwhile: its held change goes, and the DNS one is held in its place.
    setSettings(settingsWith({ mutedServices: ['mail'] }));
    notifier.handle([dns]);
    expect(heldChanges).toEqual([[mail.key], [dns.key]]);
  });

  it('drops a held reminder whose maintenance has started by the end of the pause', () => {
    const quietHours = { enabled: true, start: '22:00', end: '07:00' };
    const { notifier, shown, setNow } = setup({ settings: settingsWith({ quietHours }), now: new Date(2026, 2, 10, 6, 0) });
    const reminder = maintenanceEvent('maintenance.reminder', 'm1', 'Storage upgrade');
    notifier.handle([{ ...reminder, scheduledFor: new Date(2026, 2, 10, 6, 30).toISOString() }]);
    setNow(new Date(2026, 2, 10, 7, 5));
    notifier.handle([]);
    vi.advanceTimersByTime(3000);
    expect(shown).toEqual([]);
  });

  it('announces a followed service until it is operational again, then ends the follow', () => {
    const { notifier, shown, ended, setSettings } = setup({
      settings: settingsWith({ followedServices: ['paas'] }),
      snoozedUntil: new Date(2026, 2, 10, 18, 0),
    });
    notifier.handle([serviceEvent('paas', 'operational', 'major_outage')]);
    vi.advanceTimersByTime(3000);
    notifier.handle([serviceEvent('paas', 'major_outage', 'operational')]);
    vi.advanceTimersByTime(3000);
    expect(shown.map((n) => n.title)).toEqual(['PAAS changed - Gandi', 'PAAS changed - Gandi']);
    expect(shown[1]?.body).toBe('major outage → all systems operational');
    expect(ended).toEqual([['paas']]);
    setSettings(settingsWith({ followedServices: [] }));
    notifier.handle([serviceEvent('paas', 'operational', 'degraded')]);
    vi.advanceTimersByTime(3000);
    expect(shown).toHaveLength(2);
  });

  it('speaks French when asked', () => {
    const { notifier, shown } = setup({ language: 'fr' });
    notifier.handle([incidentEvent('incident.opened', 'a', 'DNS', ['dns']), incidentEvent('incident.opened', 'b', 'Mail', ['mail'])]);
    vi.advanceTimersByTime(3000);
    expect(shown[0]?.title).toBe('2 changements sur le statut Gandi');
    expect(shown[0]?.body).toContain('Nouvel incident: DNS');
  });

  it('drops what is pending on dispose', () => {
    const { notifier, shown } = setup();
    notifier.handle([incidentEvent('incident.opened', 'a', 'x')]);
    notifier.dispose();
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
  });
});

// Remote text that could harm (controls, bidi overrides) never reaches a notification, the tray
// tooltip or menu, and a notification that fails never takes the tray app down.
import { describe, expect, it, vi } from 'vitest';
import { createNotifier, type NoticeSink } from '../../../main/electron/notifier';
import { composeNotice } from '../../../main/electron/notification-text';
import { textsFor } from '../../../main/electron/texts';
import { buildTrayMenu } from '../../../main/electron/tray-menu';
import { describeTray } from '../../../main/electron/tray-text';
import { incident, incidentEvent, service, settingsWith, snapshot } from './fixtures';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const texts = textsFor('en');

function notifierWith(sink: NoticeSink, onWarning = vi.fn()) {
  let flush: (() => void) | null = null;
  const notifier = createNotifier({
    sink,
    getSettings: () => settingsWith(),
    getSnoozedUntil: () => null,
    getTexts: () => texts,
    now: () => new Date(2026, 2, 10, 12, 0),
    setTimer: (callback) => (flush = callback),
    clearTimer: () => undefined,
    onWarning,
  });
  return { notifier, onWarning, fire: () => flush?.() };
}

describe('a failed notification never takes the process down', () => {
  it('a sink that throws (a NUL in node-notifier\'s helper arguments) is reported, and the next notification still goes out', () => {
    const shown: string[] = [];
    let calls = 0;
    const sink: NoticeSink = {
      show(notice) {
        calls += 1;
        if (calls === 1) throw new TypeError('The argument \'args[3]\' must be a string without null bytes');
        shown.push(notice.title);
      },
    };
    const { notifier, onWarning, fire } = notifierWith(sink);
    notifier.handle([incidentEvent('incident.opened', 'a', 'First')]);
    expect(() => fire()).not.toThrow();
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('without null bytes'));
    notifier.handle([incidentEvent('incident.opened', 'b', 'Second')]);
    fire();
    expect(shown).toEqual(['New incident - Gandi']);
  });

  it('a sink whose promise rejects is reported, not left unhandled', async () => {
    const { notifier, onWarning, fire } = notifierWith({ show: () => Promise.reject(new Error('no notification server')) });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      notifier.handle([incidentEvent('incident.opened', 'a', 'First')]);
      fire();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(onWarning).toHaveBeenCalledWith('Showing a notification failed: no notification server');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('remote text is cleaned before it is shown', () => {
  const hostile = 'PAAS\u0000 down \u202Eelbaliava\u202C\u2066x\u2069\u0085\u001b[2J';

  it('in a notification: title and every line of the body', () => {
    const notice = composeNotice(
      [incidentEvent('incident.updated', 'a', hostile, ['paas'], { sourceName: 'Gandi\u202E', update: { at: '2026-03-10T08:05:00.000Z', status: 'update', body: `We \u0000look\tinto it \u202E` } })],
      texts,
    );
    expect(notice?.title).toBe('Incident update - Gandi');
    expect(notice?.body.split('\n')).toEqual(['PAAS down elbaliavax[2J', 'Affects PAAS', 'We look into it']);
    const burst = composeNotice([incidentEvent('incident.opened', 'a', hostile), incidentEvent('incident.opened', 'b', 'Mail\u202E')], texts);
    expect(burst?.body).not.toMatch(UNSAFE);
  });

  it('in the tray tooltip and menu', () => {
    const shot = snapshot('major_outage', {
      services: [service('paas', `PAAS\u0000\u202E`, 'major_outage')],
      incidents: [incident('i1', hostile)],
    });
    const source = shot.sources[0];
    if (source !== undefined) source.name = 'Gandi\u202E\u0007';
    expect(describeTray(shot, texts)).toBe('Gandi: major outage - PAAS');
    const labels: string[] = [];
    const collect = (items: Array<{ label?: string; submenu?: unknown }>): void => {
      for (const item of items) {
        if (item.label !== undefined) labels.push(item.label);
        if (Array.isArray(item.submenu)) collect(item.submenu as Array<{ label?: string; submenu?: unknown }>);
      }
    };
    const actions = { show: vi.fn(), refresh: vi.fn(), snooze: vi.fn(), resume: vi.fn(), openLink: vi.fn(), setFollowed: vi.fn(), setLaunchAtLogin: vi.fn(), quit: vi.fn() };
    collect(buildTrayMenu({ snapshot: shot, texts, snoozedUntil: null, followedServices: [], launchAtLogin: null, now: new Date(2026, 2, 10, 9, 0) }, actions));
    expect(labels).toContain('PAAS down elbaliavax[2J (investigating)');
    for (const label of labels) expect(label).not.toMatch(UNSAFE);
  });
});

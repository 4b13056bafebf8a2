// The e2e helpers' own logic: a missing program is named with its package; the bus monitor is read right.
import { describe, expect, it } from 'vitest';
import { requireBinaries } from './helpers/binaries';
import { parseNotifyCalls } from './helpers/desktop-session';

describe('requireBinaries', () => {
  it('fails naming the Debian package to install', () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requireBinaries(['dunst', 'notify-send'])).toThrow(
        'missing dunst, notify-send: install with "apt-get install -y --no-install-recommends dunst libnotify-bin"',
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('parseNotifyCalls', () => {
  it('reads app name, summary and a body spanning lines with quotes in it', () => {
    const text = [
      'signal time=1.0 sender=org.freedesktop.DBus -> destination=:1.0 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired',
      '   string ":1.0"',
      'method call time=2.0 sender=:1.5 -> destination=:1.3 serial=7 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=Notify',
      '   string "Gandi Status"',
      '   uint32 0',
      '   string ""',
      '   string "Incident: "Web" down"',
      '   string "Investigating',
      'http://127.0.0.1:1/incidents/x"',
      '   array [',
      '   ]',
      '   int32 -1',
    ].join('\n');
    expect(parseNotifyCalls(text)).toEqual([
      { appName: 'Gandi Status', icon: '', summary: 'Incident: "Web" down', body: 'Investigating\nhttp://127.0.0.1:1/incidents/x' },
    ]);
  });
});

import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification, resetFakeElectron, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));
const notify = vi.hoisted(() => ({ calls: [] as Array<{ options: Record<string, unknown>; callback: (error: Error | null, response: string, metadata?: { activationType?: string }) => void }> }));
vi.mock('node-notifier', () => ({
  default: {
    notify: (options: Record<string, unknown>, callback: (error: Error | null, response: string) => void) => {
      notify.calls.push({ options, callback });
    },
  },
}));

// notify-send (Linux without Electron notifications) is recorded, not run.
const execFile = vi.hoisted(() => ({ calls: [] as Array<{ command: string; args: string[] }> }));
vi.mock('node:child_process', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:child_process')>()),
  execFile: (command: string, args: string[]) => {
    execFile.calls.push({ command, args });
  },
}));

const { electronSink, nodeNotifierSink, platformSink } = await import('../../../main/electron/notification-sinks');
const target = { kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'abc' } as const;
const notice = { title: 'New incident - Gandi', body: 'PAAS down', target };

describe('notification sinks', () => {
  beforeEach(() => {
    resetFakeElectron();
    notify.calls = [];
    execFile.calls = [];
  });

  it('Electron notification: a click opens the window on that incident', () => {
    const onClick = vi.fn();
    electronSink(onClick).show(notice);
    const shown = FakeNotification.instances[0];
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toMatchObject({ title: 'New incident - Gandi', body: 'PAAS down' });
    expect(onClick).not.toHaveBeenCalled();
    shown?.click();
    expect(onClick).toHaveBeenCalledWith(target);
  });

  it('node-notifier: waits for the click and opens the incident on activate only', () => {
    const onClick = vi.fn();
    nodeNotifierSink(onClick, { appId: 'net.gandi.status-tray' }).show(notice);
    expect(notify.calls[0]?.options).toMatchObject({ title: 'New incident - Gandi', message: 'PAAS down', wait: true, appID: 'net.gandi.status-tray' });
    notify.calls[0]?.callback(null, 'timeout');
    expect(onClick).not.toHaveBeenCalled();
    notify.calls[0]?.callback(null, 'activate');
    expect(onClick).toHaveBeenCalledWith(target);
  });

  it('uses Electron notifications on Linux (notify-send reports no clicks), node-notifier elsewhere', () => {
    platformSink('linux', vi.fn()).show(notice);
    expect(FakeNotification.instances).toHaveLength(1);
    expect(notify.calls).toHaveLength(0);
    platformSink('darwin', vi.fn()).show(notice);
    platformSink('win32', vi.fn()).show(notice);
    expect(notify.calls).toHaveLength(2);
    expect(execFile.calls).toHaveLength(0);
  });

  it('on Linux without Electron notifications, runs notify-send itself (never node-notifier), text after --', () => {
    state.notificationsSupported = false;
    platformSink('linux', vi.fn(), { icon: '/opt/Gandi Status/resources/app.asar.unpacked/assets/icon-256.png' }).show({
      ...notice,
      title: '--icon=/etc/hostname - Gandi',
      body: '<img src="file:///etc/hostname">',
    });
    expect(notify.calls).toHaveLength(0);
    expect(execFile.calls).toEqual([
      {
        command: 'notify-send',
        args: [
          '--app-name',
          'Gandi Status',
          '--icon',
          '/opt/Gandi Status/resources/app.asar.unpacked/assets/icon-256.png',
          '--',
          '--icon=/etc/hostname - Gandi',
          '&lt;img src="file:///etc/hostname"&gt;',
        ],
      },
    ]);
  });

  it('Electron notification (Linux): the body arrives escaped, the title as plain text, both cleaned and bounded', () => {
    electronSink(vi.fn()).show({
      ...notice,
      title: 'R&D <ops>\u0000 - Gandi\u202E',
      body: `<a href="https://evil.example/phish">Open Gandi support</a> & <img src="file:///etc/hostname">\u0000 ${'x'.repeat(140 * 1024)}`,
    });
    const options = FakeNotification.instances[0]?.options;
    expect(options?.title).toBe('R&D <ops> - Gandi');
    expect(options?.body?.startsWith('&lt;a href="https://evil.example/phish"&gt;Open Gandi support&lt;/a&gt; &amp; &lt;img src="file:///etc/hostname"&gt; x')).toBe(true);
    expect(options?.body).toHaveLength(1000);
  });

  it('node-notifier (macOS, Windows): no markup there, so nothing escaped; a NUL never reaches its helper; failures reported', () => {
    const onError = vi.fn();
    nodeNotifierSink(vi.fn(), { onError }).show({ ...notice, title: 'R&D\u0000', body: 'a <b> & \u0000b\u202E' });
    expect(notify.calls[0]?.options).toMatchObject({ title: 'R&D', message: 'a <b> & b' });
    notify.calls[0]?.callback(new Error('terminal-notifier not found'), '');
    expect(onError).toHaveBeenCalledWith('desktop notification failed: terminal-notifier not found');
  });
});

describe('Electron notifications stay clickable', () => {
  // Electron loses the click of a Notification object that was garbage collected.
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const collected = async (ref: WeakRef<object>): Promise<boolean> => {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    return ref.deref() === undefined;
  };

  beforeEach(() => resetFakeElectron());

  it('keeps a shown notification alive until it is closed', async () => {
    const sink = electronSink(() => undefined);
    sink.show(notice);
    const ref = new WeakRef(FakeNotification.instances[0]!);
    FakeNotification.instances = [];
    expect(await collected(ref)).toBe(false);
    ref.deref()?.dismiss();
    expect(await collected(ref)).toBe(true);
  });

  it('keeps only the newest twenty, so unclosed ones do not pile up', async () => {
    const sink = electronSink(() => undefined);
    sink.show(notice);
    const oldest = new WeakRef(FakeNotification.instances[0]!);
    for (let i = 0; i < 20; i++) sink.show(notice);
    const newest = new WeakRef(FakeNotification.instances.at(-1)!);
    FakeNotification.instances = [];
    expect(await collected(oldest)).toBe(true);
    expect(await collected(newest)).toBe(false);
  });
});

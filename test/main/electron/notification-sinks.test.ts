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

const { electronSink, nodeNotifierSink, platformSink } = await import('../../../main/electron/notification-sinks');
const target = { kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'abc' } as const;
const notice = { title: 'New incident - Gandi', body: 'PAAS down', target };

describe('notification sinks', () => {
  beforeEach(() => {
    resetFakeElectron();
    notify.calls = [];
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
    state.notificationsSupported = false;
    platformSink('linux', vi.fn()).show(notice);
    expect(notify.calls).toHaveLength(3);
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

// The browser bridge against the real dashboard server (Node's fetch, a small EventSource).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, StatusSnapshot } from '../../../common/model';
import { listenDashboard, type ListeningDashboard } from '../../../main/web/dashboard';
import { createSettingsController } from '../../../main/web/settings-controller';
import { createHttpBridge } from '../../../renderer/src/http-bridge';
import { defaultSettings, type Settings } from '../../../common/settings';
import type { LinkEvent, WindowBridge } from '../../../renderer/src/window-bridge';
import { createFakeStatus, nodeEventSource, until, type FakeStatus } from './fakes';

const snapshot: StatusSnapshot = {
  overall: 'operational',
  sources: [
    {
      url: 'https://status.gandi.net',
      kind: 'statuspage',
      name: 'Gandi',
      overall: 'operational',
      fetchedAt: '2026-11-25T04:00:00.000Z',
      stale: false,
      error: null,
      problem: null,
      services: [{ id: 'mail', name: 'Email', group: null, status: 'operational' }],
      incidents: [],
      maintenances: [],
    },
  ],
};

let dir: string;
let status: FakeStatus;
let dashboard: ListeningDashboard;
let opened: string[];
let clipboard: string[];
let bridge: WindowBridge;

const listen = (port: number) =>
  listenDashboard({
    port,
    host: '127.0.0.1',
    hostGiven: false,
    staticRoot: dir,
    status,
    settings: createSettingsController({ initial: defaultSettings(), store: null }),
    info: { name: 'Gandi Status', version: '0.1.0', platform: 'web', locale: 'en-US' },
  });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'http-bridge-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
  status = createFakeStatus(snapshot);
  dashboard = await listen(0);
  opened = [];
  clipboard = [];
  bridge = createHttpBridge(`${dashboard.url}/`, {
    fetch: (input, init) => fetch(input, init),
    eventSource: nodeEventSource,
    openWindow: (url) => opened.push(url),
    writeClipboard: async (text) => {
      if (text === 'fail') throw new Error('denied');
      clipboard.push(text);
    },
    locale: () => 'fr-FR',
    reopenDelayMs: 50,
  });
});

afterEach(async () => {
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

describe('createHttpBridge', () => {
  it('gets the state, reporting the browser locale and the web platform', async () => {
    const state = await bridge.getState();
    expect(state.snapshot.sources[0]?.services[0]?.name).toBe('Email');
    expect(state.info).toMatchObject({ platform: 'web', locale: 'fr-FR' });
    expect(state.settings).toEqual(defaultSettings());
  });

  it('delivers pushed snapshots and events to listeners, and stops after unsubscribing', async () => {
    const snapshots: StatusSnapshot[] = [];
    const events: ChangeEvent[] = [];
    const offState = bridge.onState((next) => snapshots.push(next));
    const offEvent = bridge.onEvent((event) => events.push(event));
    // The stream starts with the current state, which also tells us it is connected.
    await until(() => snapshots.length === 1, 'the first state');
    const changed: StatusSnapshot = { ...snapshot, overall: 'partial_outage' };
    status.push({
      snapshot: changed,
      events: [
        {
          type: 'overall.changed',
          at: '2026-11-25T04:05:00.000Z',
          sourceUrl: 'https://status.gandi.net',
          sourceName: 'Gandi',
          key: 'overall:partial_outage',
          url: 'https://status.gandi.net',
          from: 'operational',
          to: 'partial_outage',
        },
      ],
    });
    await until(() => snapshots.length === 2 && events.length === 1, 'the pushed update');
    expect(snapshots[1]?.overall).toBe('partial_outage');
    expect(events[0]?.type).toBe('overall.changed');
    offState();
    offEvent();
    status.push({ snapshot, events: [] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(snapshots).toHaveLength(2);
  });

  it('saves settings, reports refusals in words, and pushes accepted settings', async () => {
    const pushed: Settings[] = [];
    const off = bridge.onSettings((settings) => pushed.push(settings));
    const next: Settings = { ...defaultSettings(), language: 'fr' };
    expect(await bridge.setSettings(next)).toEqual({ ok: true, settings: next });
    expect((await bridge.getState()).settings).toEqual(next);
    const refused = await bridge.setSettings({ ...next, pollIntervalSeconds: 1 });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error).toContain('pollIntervalSeconds');
    await until(() => pushed.length === 1, 'the settings push');
    expect(pushed[0]?.language).toBe('fr');
    off();
  });

  it('refreshes through the server', async () => {
    await bridge.refresh();
    expect(status.refreshCount()).toBe(1);
  });

  it('opens only what the server resolved', async () => {
    expect(await bridge.openExternal({ kind: 'ticket' })).toBe(true);
    expect(await bridge.openExternal({ kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'missing' })).toBe(false);
    expect(opened).toEqual(['https://helpdesk.gandi.net/hc/en-us/requests/new']);
  });

  it('copies to the clipboard, and says false when it cannot', async () => {
    expect(await bridge.copyText('summary')).toBe(true);
    expect(await bridge.copyText('fail')).toBe(false);
    expect(clipboard).toEqual(['summary']);
  });

  it('reports the stream lost when the server goes away, and open again when it is back', async () => {
    const states: LinkEvent['state'][] = [];
    const off = bridge.onConnection?.((event) => states.push(event.state));
    await until(() => states.length === 1, 'the stream to open');
    expect(states).toEqual(['open']);

    const port = dashboard.port;
    await dashboard.close();
    await until(() => states.length === 2, 'the loss to be reported');
    expect(states).toEqual(['open', 'lost']);
    // Reopening against a closed port fails again and again: still one report of the loss.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(states).toEqual(['open', 'lost']);

    dashboard = await listen(port);
    await until(() => states.length === 3, 'the stream to come back');
    expect(states).toEqual(['open', 'lost', 'open']);
    off?.();
  });

  it('rejects getState when the server is gone, without throwing from setSettings', async () => {
    await dashboard.close();
    await expect(bridge.getState()).rejects.toThrow();
    const result = await bridge.setSettings(defaultSettings());
    expect(result.ok).toBe(false);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { connectBridge, resolveBridge, unavailableBridge } from '../../renderer/src/bridge';
import { createAppStore } from '../../renderer/src/store';
import { appState, fakeApi, gandiAllOkSource, gandiOutageSource, GANDI, incidentOpenedEvent, wrap } from './fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connectBridge', () => {
  it('loads the state, then follows pushes of snapshots, events, settings and show targets', async () => {
    const store = createAppStore({ clock: () => 0 });
    const fake = fakeApi(appState(wrap(gandiAllOkSource())));
    connectBridge(fake.api, store);
    await settle();
    expect(store.getState().snapshot?.overall).toBe('operational');
    expect(store.getState().settings?.pollIntervalSeconds).toBe(60);

    const outage = gandiOutageSource();
    fake.push('state', wrap(outage));
    fake.push('event', incidentOpenedEvent(outage));
    fake.push('settings', { ...store.getState().settings, language: 'fr' });
    fake.push('show', { kind: 'incident', sourceUrl: GANDI, id: '4vtwdck61r3w' });
    const state = store.getState();
    expect(state.snapshot?.overall).toBe('major_outage');
    expect(state.recentEvents).toHaveLength(1);
    expect(state.settings?.language).toBe('fr');
    expect(state.view).toBe('incidents');
  });

  it('refuses unreadable pushes: no snapshot becomes "all clear" by accident', async () => {
    const store = createAppStore({ clock: () => 0 });
    const fake = fakeApi(appState(wrap(gandiOutageSource())));
    connectBridge(fake.api, store);
    await settle();
    fake.push('state', { overall: 'sunny', sources: [] });
    fake.push('event', { type: 'nonsense' });
    // The right type and common fields, but not the fields an incident event is shown with.
    const { title: _title, ...untitled } = incidentOpenedEvent(gandiOutageSource());
    fake.push('event', untitled);
    fake.push('show', { kind: 'incident' });
    expect(store.getState().snapshot?.overall).toBe('major_outage');
    expect(store.getState().connection).toEqual({ state: 'failed', error: 'unreadable status data at overall' });
    expect(store.getState().recentEvents).toHaveLength(0);
    expect(store.getState().view).toBe('overview');
  });

  it('keeps a snapshot pushed while getState was on its way', async () => {
    const store = createAppStore({ clock: () => 0 });
    let answer: (value: ReturnType<typeof appState>) => void = () => undefined;
    const fake = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    connectBridge(fake.api, store);
    fake.push('state', wrap(gandiOutageSource()));
    answer(appState(wrap(gandiAllOkSource())));
    await settle();
    expect(store.getState().snapshot?.overall).toBe('major_outage');
    expect(store.getState().info?.platform).toBe('electron');
  });

  it('unsubscribes every listener on disconnect and ignores a late answer', async () => {
    const store = createAppStore({ clock: () => 0 });
    const fake = fakeApi(appState(wrap(gandiOutageSource())));
    const disconnect = connectBridge(fake.api, store);
    const { state, event, settings, show } = fake.listeners;
    expect([state, event, settings, show].map((set) => set.size)).toEqual([1, 1, 1, 1]);
    disconnect();
    expect(Object.values(fake.listeners).every((set) => set.size === 0)).toBe(true);
    expect(fake.linkListeners.size).toBe(0);
    await settle();
    expect(store.getState().snapshot).toBeNull();
  });

  it('holds the dashboard connection state, and loads everything again once the stream is back', async () => {
    const store = createAppStore({ clock: () => 5_000 });
    let settings = appState(wrap(gandiOutageSource())).settings;
    const fake = fakeApi(async () => appState(wrap(gandiOutageSource()), { settings }));
    connectBridge(fake.api, store);
    await settle();
    fake.link('open'); // the first open is the initial connection, not a return
    expect(fake.calls.getState).toHaveLength(1);
    expect(store.getState().serverLink).toEqual({ state: 'online' });

    fake.link('lost');
    fake.link('lost'); // the browser retrying: the outage keeps its start
    expect(store.getState().serverLink).toEqual({ state: 'lost', since: 5_000 });

    settings = { ...settings, language: 'fr' }; // changed while the page was cut off
    fake.link('open');
    expect(store.getState().serverLink).toEqual({ state: 'online' });
    await settle();
    expect(fake.calls.getState).toHaveLength(2);
    expect(store.getState().settings?.language).toBe('fr');
    expect(store.getState().snapshot?.overall).toBe('major_outage');
  });

  it('reports a bridge that cannot answer', async () => {
    const store = createAppStore({ clock: () => 0 });
    connectBridge(unavailableBridge('no server'), store);
    await settle();
    expect(store.getState().connection).toEqual({ state: 'failed', error: 'no server' });
  });
});

describe('resolveBridge', () => {
  it('prefers the desktop bridge when the preload provides one', async () => {
    const fake = fakeApi(appState(wrap(gandiOutageSource())));
    const win = { gandiStatus: fake.api, location: window.location } as unknown as Window;
    expect(await resolveBridge(win)).toBe(fake.api);
  });
});

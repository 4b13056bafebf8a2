import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/store';
import { RECENT_EVENTS } from '../../../common/window-api';
import { initialStatus, reduceAppState, reduceEvent, reduceSnapshot } from '../../../renderer/src/store/status';
import { initialUi, reduceShow, reduceToggleGroup, type UiData } from '../../../renderer/src/store/ui';
import { appState, gandiAllOkSource, gandiOutageSource, GANDI, incidentOpenedEvent, wrap } from '../fixtures';

describe('status reducers', () => {
  it('starts with no picture rather than a guessed one', () => {
    expect(initialStatus.snapshot).toBeNull();
    expect(initialStatus.connection.state).toBe('connecting');
  });

  it('replaces the snapshot with the pushed one and marks the connection live', () => {
    const first = reduceSnapshot(initialStatus, wrap(gandiAllOkSource()));
    const second = reduceSnapshot(first, wrap(gandiOutageSource()));
    expect(first.snapshot?.overall).toBe('operational');
    expect(second.snapshot?.overall).toBe('major_outage');
    expect(second.snapshot?.sources[0]?.incidents).toHaveLength(2);
    expect(second.connection).toEqual({ state: 'connected' });
    expect(first.snapshot?.overall).toBe('operational'); // not mutated
  });

  it('keeps one copy per event key, newest last, capped', () => {
    const source = gandiOutageSource();
    const a = incidentOpenedEvent(source, 0);
    const b = incidentOpenedEvent(source, 1);
    let data = reduceEvent(reduceEvent(initialStatus, a), b);
    data = reduceEvent(data, { ...a, at: '2020-01-15T10:20:00.000Z' });
    expect(data.recentEvents.map((e) => e.key)).toEqual([b.key, a.key]);
    expect(data.recentEvents[1]?.at).toBe('2020-01-15T10:20:00.000Z');

    let many = initialStatus;
    for (let i = 0; i < RECENT_EVENTS + 5; i += 1) many = reduceEvent(many, { ...a, key: `k${i}` });
    expect(many.recentEvents).toHaveLength(RECENT_EVENTS);
    expect(many.recentEvents.at(-1)?.key).toBe(`k${RECENT_EVENTS + 4}`);
  });

  it('loads the app state and keeps events pushed before it arrived', () => {
    const source = gandiOutageSource();
    const early = reduceEvent(initialStatus, incidentOpenedEvent(source, 1));
    const data = reduceAppState(early, appState(wrap(source), { recentEvents: [incidentOpenedEvent(source, 0)] }));
    expect(data.info?.version).toBe('0.1.0');
    expect(data.recentEvents.map((e) => e.type === 'incident.opened' && e.incidentId)).toEqual(['4vtwdck61r3w', '4vt3dck64r31']);
  });
});

describe('ui reducers', () => {
  const ui: UiData = initialUi(0);

  it('shows an incident by switching view and highlighting it, again on each request', () => {
    const once = reduceShow(ui, { kind: 'incident', sourceUrl: GANDI, id: '4vtwdck61r3w' });
    const twice = reduceShow(once, { kind: 'incident', sourceUrl: GANDI, id: '4vtwdck61r3w' });
    expect(once.view).toBe('incidents');
    expect(once.highlight).toMatchObject({ kind: 'incident', id: '4vtwdck61r3w' });
    expect(twice.highlight?.seq).toBe((once.highlight?.seq ?? 0) + 1);
    expect(reduceShow(once, { kind: 'view', view: 'support' })).toMatchObject({ view: 'support', highlight: null });
    expect(reduceShow(ui, { kind: 'maintenance', sourceUrl: GANDI, id: 'x' }).view).toBe('maintenances');
  });

  it('toggles a group open and closed', () => {
    const closed = reduceToggleGroup(ui, 'g');
    expect(closed.toggledGroups).toEqual(['g']);
    expect(reduceToggleGroup(closed, 'g').toggledGroups).toEqual([]);
  });

  it('ticks the shared clock only when the second changes', () => {
    let now = 1_000;
    const store = createAppStore({ clock: () => now });
    let changes = 0;
    store.subscribe(() => (changes += 1));
    now = 1_500;
    store.getState().tick();
    expect(changes).toBe(0);
    now = 2_000;
    store.getState().tick();
    expect(store.getState().now).toBe(2_000);
    expect(changes).toBe(1);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNELS, PUSH_CHANNELS, type GandiStatusApi } from '../../common/window-api';
import { exposed, ipcRenderer, resetFakeElectron } from '../main/electron/fake-electron';
import { snapshot } from '../main/electron/fixtures';

vi.mock('electron', () => import('../main/electron/fake-electron').then((m) => m.electronModule));

// The preload runs once, like in a real window; what it exposed is kept before resets.
await import('../../preload/preload');
const exposedAtLoad = new Map(exposed);

async function loadPreload(): Promise<GandiStatusApi> {
  const api = exposedAtLoad.get('gandiStatus');
  if (api === undefined) throw new Error('nothing exposed as gandiStatus');
  return api as GandiStatusApi;
}

describe('preload bridge', () => {
  beforeEach(() => resetFakeElectron());

  it('exposes exactly the named API and nothing else (no ipcRenderer)', async () => {
    const api = await loadPreload();
    expect([...exposedAtLoad.keys()]).toEqual(['gandiStatus']);
    expect(Object.keys(api).sort()).toEqual(
      ['copyText', 'detectPage', 'getState', 'onEvent', 'onSettings', 'onShow', 'onState', 'openExternal', 'refresh', 'setSettings', 'getAccount', 'getHistory', 'checkAccount', 'setAccountToken', 'onAccount'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes the contract channels with one payload', async () => {
    const api = await loadPreload();
    ipcRenderer.invoke.mockResolvedValue(true);
    await api.openExternal({ kind: 'ticket' });
    await api.copyText('hello');
    await api.refresh();
    await api.getState();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [CALL_CHANNELS.openExternal, { kind: 'ticket' }],
      [CALL_CHANNELS.copyText, 'hello'],
      [CALL_CHANNELS.refresh],
      [CALL_CHANNELS.getState],
    ]);
  });

  it('hands listeners the payload only, and unsubscribe stops them', async () => {
    const api = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = api.onState((...args) => received.push(args));
    const other = vi.fn();
    api.onShow(other);
    const state = snapshot('degraded');
    ipcRenderer.emit(PUSH_CHANNELS.state, state);
    expect(received).toEqual([[state]]);
    unsubscribe();
    expect(ipcRenderer.listenerCount(PUSH_CHANNELS.state)).toBe(0);
    ipcRenderer.emit(PUSH_CHANNELS.state, snapshot('operational'));
    expect(received).toHaveLength(1);
    ipcRenderer.emit(PUSH_CHANNELS.show, { kind: 'view', view: 'settings' });
    expect(other).toHaveBeenCalledWith({ kind: 'view', view: 'settings' });
  });
});

// The only place the store is fed: the bridge's initial state, then whatever main pushes.
// Everything is checked on the way in (see validate.ts).
import type { AppStoreApi } from './store';
import { CALL_NAMES, PUSH_NAMES, pushListenerName, type GandiStatusApi } from '../../common/window-api';
import { checkAppState, checkPush } from './validate';
import type { WindowBridge } from './window-bridge';

export type { LinkEvent, WindowBridge } from './window-bridge';

function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'unknown error';
}

/** Subscribes the store to the bridge and loads the current state. Returns a disconnect. */
export function connectBridge(api: WindowBridge, store: AppStoreApi): () => void {
  let connected = true;
  let pushedSnapshot = false;
  const actions = () => store.getState();

  // Listen first, so nothing pushed while getState is on its way is lost.
  const unsubscribers = [
    api.onState((value) => {
      const checked = checkPush('state', value);
      if (checked.ok) {
        pushedSnapshot = true;
        actions().receiveSnapshot(checked.value);
      } else {
        actions().connectionFailed(checked.error);
      }
    }),
    api.onEvent((value) => {
      const checked = checkPush('event', value);
      if (checked.ok) actions().receiveEvent(checked.value);
    }),
    api.onSettings((value) => {
      const checked = checkPush('settings', value);
      if (checked.ok) actions().receiveSettings(checked.value);
    }),
    api.onShow((value) => {
      const checked = checkPush('show', value);
      if (checked.ok) actions().show(checked.value);
    }),
    api.onAccount((value) => {
      const checked = checkPush('account', value);
      if (checked.ok) actions().receiveAccount(checked.value);
    }),
  ];

  const load = (): void => {
    // Only a snapshot pushed while this getState is on its way is newer than its answer.
    pushedSnapshot = false;
    api.getState().then(
      (value) => {
        if (!connected) return;
        const checked = checkAppState(value);
        if (!checked.ok) {
          actions().connectionFailed(checked.error);
          return;
        }
        const current = actions().snapshot;
        actions().receiveAppState(checked.value);
        // A snapshot pushed meanwhile is newer than the one getState answered with.
        if (pushedSnapshot && current) actions().receiveSnapshot(current);
        actions().receiveSettings(checked.value.settings);
        // The account is extra: a window without it still shows the status.
        api.getAccount().then(
          (account) => {
            const view = checkPush('account', account);
            if (connected && view.ok) actions().receiveAccount(view.value);
          },
          () => undefined,
        );
      },
      (error: unknown) => {
        if (connected) actions().connectionFailed(describe(error));
      },
    );
  };

  if (api.onConnection) {
    unsubscribers.push(
      api.onConnection((event) => {
        if (!connected) return;
        if (event.state === 'lost') {
          actions().serverLost(actions().now);
        } else if (actions().serverLink.state === 'lost') {
          // Back after a drop: settings and events may have changed meanwhile, so load it all again.
          actions().serverBack();
          load();
        }
      }),
    );
  }

  actions().connecting();
  load();

  return () => {
    connected = false;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** A bridge that answers nothing, for when no real one can be had: the window shows why. */
export function unavailableBridge(reason: string): WindowBridge {
  // Calls answered with a boolean or a result say "no" instead of failing, as the real ones do.
  const refusals: Partial<Record<string, unknown>> = {
    openExternal: false,
    copyText: false,
    setSettings: { ok: false, error: reason },
  };
  const bridge: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    bridge[name] = () => (name in refusals ? Promise.resolve(refusals[name]) : Promise.reject(new Error(reason)));
  }
  for (const push of PUSH_NAMES) bridge[pushListenerName(push)] = () => () => undefined;
  return bridge as GandiStatusApi;
}

// Only the browser dashboard needs the HTTP bridge; a glob keeps the build working without it
// and loads it lazily, so the desktop window never ships it in its first chunk.
const httpBridgeModules = import.meta.glob<{ createHttpBridge: (baseUrl: string) => WindowBridge }>(
  './http-bridge.ts',
);

/** `window.gandiStatus` in the desktop app, the HTTP + SSE bridge in a browser. */
export async function resolveBridge(win: Window): Promise<WindowBridge> {
  const desktop = (win as Partial<Window>).gandiStatus;
  if (desktop) return desktop;
  const load = httpBridgeModules['./http-bridge.ts'];
  if (!load) return unavailableBridge('this build has no browser connection');
  try {
    const module = await load();
    return module.createHttpBridge(win.location.origin);
  } catch (error) {
    return unavailableBridge(describe(error));
  }
}

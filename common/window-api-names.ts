// The window API's names and IPC channels, without zod, so the sandboxed preload bundle stays
// small. window-api.ts adds the schemas and HTTP routes to these same names.

/** renderer -> main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const CALL_CHANNELS = {
  getState: 'status:get-state',
  refresh: 'status:refresh',
  openExternal: 'app:open-external',
  setSettings: 'settings:set',
  copyText: 'app:copy-text',
  detectPage: 'sources:detect-page',
  getAccount: 'account:get',
  getHistory: 'status:get-history',
  checkAccount: 'account:check',
  setAccountToken: 'account:set-token',
} as const;

/** main -> renderer pushes (webContents.send; Server-Sent Events of the same name in the dashboard). */
export const PUSH_CHANNELS = {
  state: 'status:state',
  event: 'status:event',
  settings: 'settings:changed',
  show: 'window:show',
  account: 'account:changed',
} as const;

export type CallName = keyof typeof CALL_CHANNELS;
export type PushName = keyof typeof PUSH_CHANNELS;

/** `onState` for `state`: the name of a push's listener on the bridge. */
export type PushListenerName<K extends PushName> = `on${Capitalize<K>}`;

export function pushListenerName<K extends PushName>(push: K): PushListenerName<K> {
  return `on${push.charAt(0).toUpperCase()}${push.slice(1)}` as PushListenerName<K>;
}

// IPC channel names, shared by the main process and the preload bridge.

/** renderer -> main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE = {
  getState: 'status:get-state',
  refresh: 'status:refresh',
  openExternal: 'app:open-external',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  copyText: 'app:copy-text',
} as const;

/** main -> renderer pushes (webContents.send). */
export const PUSH = {
  state: 'status:state',
  event: 'status:event',
  settings: 'settings:changed',
  show: 'window:show',
} as const;

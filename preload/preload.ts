// The bridge between the sandboxed window and the main process: a small named API on
// window.gandiStatus, never ipcRenderer itself, derived from the window API's table. Listeners
// receive the payload only (not the Electron event, which would hand the page a way back to
// ipcRenderer) and get an unsubscribe. Only the zod-free names file is imported at run time.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNELS, PUSH_CHANNELS, pushListenerName, type CallName, type PushName } from '../common/window-api-names';
import type { GandiStatusApi } from '../common/window-api';

function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

function buildApi(): GandiStatusApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(CALL_CHANNELS) as [CallName, string][]) {
    // The argument is passed on as given; main checks how many there are and what they hold.
    api[name] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
  }
  for (const [name, channel] of Object.entries(PUSH_CHANNELS) as [PushName, string][]) {
    api[pushListenerName(name)] = (listener: (payload: unknown) => void) => listen(channel, listener);
  }
  return api as GandiStatusApi;
}

export const api = buildApi();

contextBridge.exposeInMainWorld('gandiStatus', api);

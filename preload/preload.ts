// The bridge between the sandboxed window and the main process: a small named API on
// window.gandiStatus, never ipcRenderer itself. Listeners receive the payload only (not the
// Electron event, which would hand the page a way back to ipcRenderer) and get an unsubscribe.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeEvent, StatusSnapshot } from '../main/core/model';
import { INVOKE, PUSH } from './channels';
import type { AppState, GandiStatusApi, SetSettingsResult, Settings, ShowTarget } from './contract';

function listen<Payload>(channel: string, listener: (payload: Payload) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: Payload): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

export const api: GandiStatusApi = {
  getState: () => ipcRenderer.invoke(INVOKE.getState) as Promise<AppState>,
  onState: (listener) => listen<StatusSnapshot>(PUSH.state, listener),
  onEvent: (listener) => listen<ChangeEvent>(PUSH.event, listener),
  onSettings: (listener) => listen<Settings>(PUSH.settings, listener),
  onShow: (listener) => listen<ShowTarget>(PUSH.show, listener),
  refresh: async () => {
    await ipcRenderer.invoke(INVOKE.refresh);
  },
  openExternal: (target) => ipcRenderer.invoke(INVOKE.openExternal, target) as Promise<boolean>,
  getSettings: () => ipcRenderer.invoke(INVOKE.getSettings) as Promise<Settings>,
  setSettings: (settings) => ipcRenderer.invoke(INVOKE.setSettings, settings) as Promise<SetSettingsResult>,
  copyText: (text) => ipcRenderer.invoke(INVOKE.copyText, text) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('gandiStatus', api);

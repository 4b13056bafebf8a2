// The bridge the renderer sees: `window.gandiStatus`, typed once from the contract.
import type { GandiStatusApi } from '../common/window-api';

declare global {
  interface Window {
    gandiStatus: GandiStatusApi;
  }
}

export {};

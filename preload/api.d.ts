// The bridge the renderer sees: `window.gandiStatus`, typed once from the contract.
import type { GandiStatusApi } from './contract';

declare global {
  interface Window {
    gandiStatus: GandiStatusApi;
  }
}

export {};

// The bridge as the window sees it. Kept apart from bridge.ts (which uses Vite's import.meta.glob)
// so the Node-side type check of the HTTP bridge can import it.
import type { GandiStatusApi } from '../../common/window-api';

/** What a bridge whose connection can drop (the dashboard's event stream) reports. */
export type LinkEvent = { state: 'open' } | { state: 'lost' };

/**
 * The preload's API plus an optional report of the push channel's health: only the browser
 * bridge has one, as the desktop window's IPC cannot drop.
 */
export interface WindowBridge extends GandiStatusApi {
  onConnection?(listener: (event: LinkEvent) => void): () => void;
}

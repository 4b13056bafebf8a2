// The dashboard's HTTP server: listens, then serves the routes with a Host check made for the port
// it really got (port 0 picks a free one).
import type { HistoryRecorder } from '../core/history-recorder';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatusService } from '../core/ports';
import type { AppInfo } from '../../common/window-api';
import { hostPolicyFor } from './http-guard';
import { createDashboardApp, type DashboardApp } from './routes';
import type { AccountService } from '../core/account/account-service';
import type { SettingsController } from './settings-controller';
import { createSseHub } from './sse-hub';

export interface ListenOptions {
  port: number;
  host: string;
  /** True when the user chose the interface: the Host check then accepts that name too. */
  hostGiven: boolean;
  /** More names the Host header may carry (--allow-host). */
  allowHosts?: readonly string[];
  /** Required of every request when the dashboard is reachable from other machines; null on loopback. */
  accessToken?: string | null;
  staticRoot: string;
  status: StatusService;
  settings: SettingsController;
  info: AppInfo;
  maxClients?: number;
  heartbeatMs?: number;
  /** How long a client may take to send a whole request, body included (default 30 s). */
  requestTimeoutMs?: number;
  /** Unread bytes an event stream may hold before its client is dropped. */
  maxBufferedBytes?: number;
  /** The Gandi account checks (default: no token). */
  account?: AccountService;
  /** What the app saw over 90 days (default: in memory). */
  history?: HistoryRecorder;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ListeningDashboard {
  /** What a user opens, e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  port: number;
  /** Closes the streams and the server; the core is the caller's to stop. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export async function listenDashboard(options: ListenOptions): Promise<ListeningDashboard> {
  let app: DashboardApp | null = null;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // The deadline is for receiving a request (a slow body holds a socket and its buffers); the event
  // stream's response, which stays open as long as the page does, is not under it.
  const server: Server = createServer(
    { requestTimeout, headersTimeout: Math.min(10_000, requestTimeout), connectionsCheckingInterval: Math.min(30_000, requestTimeout / 2) },
    (req, res) => {
      if (app) app.handle(req, res);
      else res.writeHead(503).end();
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const readyApp = createDashboardApp({
    status: options.status,
    settings: options.settings,
    info: options.info,
    staticRoot: options.staticRoot,
    hostPolicy: hostPolicyFor(port, options.host, options.hostGiven, options.allowHosts ?? []),
    accessToken: options.accessToken ?? null,
    ...(options.account ? { account: options.account } : {}),
    ...(options.history ? { history: options.history } : {}),
    hub: createSseHub({ maxClients: options.maxClients, heartbeatMs: options.heartbeatMs, maxBufferedBytes: options.maxBufferedBytes }),
  });
  app = readyApp;
  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        readyApp.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

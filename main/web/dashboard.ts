// The dashboard's HTTP server: listens, then serves the routes with a Host check made for the port
// it really got (port 0 picks a free one).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatusService } from '../core/ports';
import type { AppInfo } from '../../common/window-api';
import { hostPolicyFor } from './http-guard';
import { createDashboardApp, type DashboardApp } from './routes';
import type { SettingsController } from './settings-controller';
import { createSseHub } from './sse-hub';

export interface ListenOptions {
  port: number;
  host: string;
  /** True when the user chose the interface: the Host check then accepts that name too. */
  hostGiven: boolean;
  staticRoot: string;
  status: StatusService;
  settings: SettingsController;
  info: AppInfo;
  maxClients?: number;
  heartbeatMs?: number;
}

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
  const server: Server = createServer((req, res) => {
    if (app) app.handle(req, res);
    else res.writeHead(503).end();
  });
  // The event stream stays open for as long as the page does.
  server.requestTimeout = 0;
  server.headersTimeout = 10_000;
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
    hostPolicy: hostPolicyFor(port, options.host, options.hostGiven),
    hub: createSseHub({ maxClients: options.maxClients, heartbeatMs: options.heartbeatMs }),
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

// `gandi-status --watch --metrics HOST:PORT`: `/metrics` in the Prometheus text format (prom-client)
// and `/healthz`, served from the daemon's own status core. Loopback unless the user says otherwise
// (`--metrics-allow-remote`), as the dashboard: a bind on loopback also answers only loopback host
// names, so a web page cannot read it through DNS rebinding.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry } from 'prom-client';
import { statusMetrics, type MetricFamily, type PollLedger } from '../core/metrics-model';
import { accountMetrics } from '../core/account-metrics';
import type { AccountReport } from '../../common/account';
import type { StatusSnapshot } from '../../common/model';
import type { StatusService } from '../core/ports';
import type { CliIo } from './io';
import { isLoopbackHost } from '../web/network-exposure';
import type { MetricsAddress } from './daemon-args';

/** One prom-client metric per family, refilled from the current picture at every scrape. */
export interface MetricsInputs {
  snapshot: StatusSnapshot;
  polls: PollLedger;
  /** The last Gandi account report, with `--account`; null otherwise or before the first check. */
  account: AccountReport | null;
}

export function createMetricsRegistry(read: () => MetricsInputs, options: { account?: boolean } = {}): Registry {
  const registry = new Registry();
  const current = (name: string): MetricFamily | undefined => {
    const { snapshot, polls, account } = read();
    const families = name.startsWith('gandi_account_') ? accountMetrics(account) : statusMetrics(snapshot, polls);
    return families.find((each) => each.name === name);
  };
  const shapes = [...statusMetrics({ overall: 'unknown', sources: [] }, read().polls), ...(options.account ? accountMetrics(null) : [])];
  for (const shape of shapes) {
    const config = { name: shape.name, help: shape.help, labelNames: [...shape.labelNames], registers: [registry] };
    if (shape.type === 'counter') {
      new Counter({
        ...config,
        collect() {
          this.reset();
          for (const sample of current(shape.name)?.samples ?? []) this.inc(sample.labels, sample.value);
        },
      });
    } else {
      new Gauge({
        ...config,
        collect() {
          this.reset();
          const samples = current(shape.name)?.samples ?? [];
          for (const sample of samples) this.set(sample.labels, sample.value);
          // A gauge without labels reads 0 after a reset: absent is what "nothing to say" means.
          if (samples.length === 0 && shape.labelNames.length === 0) this.remove();
        },
      });
    }
  }
  return registry;
}

export interface MetricsServer {
  /** Where it listens, e.g. http://127.0.0.1:9747 */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOST_HEADER = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

export async function startMetricsServer(address: MetricsAddress, registry: Registry): Promise<MetricsServer> {
  const loopbackOnly = isLoopbackHost(address.host);
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string): void => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (loopbackOnly && !LOOPBACK_HOST_HEADER.test(request.headers.host ?? '')) return send(421, 'text/plain; charset=utf-8', 'unknown host\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (path === '/healthz') return send(200, 'text/plain; charset=utf-8', 'ok\n');
    if (path !== '/metrics') return send(404, 'text/plain; charset=utf-8', 'not found: try /metrics\n');
    registry.metrics().then(
      (text) => send(200, registry.contentType, text),
      () => send(500, 'text/plain; charset=utf-8', 'metrics unavailable\n'),
    );
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The daemon's metrics: served from its core, announced on stderr (the address, with the port chosen). */
export async function serveMetrics(
  address: MetricsAddress,
  core: StatusService,
  polls: PollLedger,
  io: CliIo,
  account?: () => AccountReport | null,
): Promise<MetricsServer> {
  const registry = createMetricsRegistry(() => ({ snapshot: core.getSnapshot(), polls, account: account?.() ?? null }), { account: account !== undefined });
  const server = await startMetricsServer(address, registry).catch((error: unknown) => {
    throw new Error(`--metrics: cannot listen on ${address.host}:${address.port} (${error instanceof Error ? error.message : String(error)})`);
  });
  io.stderr.write(`gandi-status: metrics on ${server.url}/metrics\n`);
  return server;
}

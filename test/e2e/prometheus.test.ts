// A real Prometheus server scrapes `gandi-status --watch --metrics` while the simulator runs an
// incident's life, and its HTTP API sees the component's level go from major outage (4) to
// degraded (2). Skips with one line where the prometheus binary is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/cli';
import { INCIDENT_COMPONENT } from '../simulator/scenarios';
import { startSimulator, type Simulator } from '../simulator/server';

const hasPrometheus = spawnSync('prometheus', ['--version']).status === 0;
if (!hasPrometheus) console.log('skipped: the prometheus binary is not installed (Debian package "prometheus")');

let sim: Simulator;
let dir: string;
let prometheus: ChildProcess | null = null;
const daemon = new AbortController();
let daemonExit: Promise<number> | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | null>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  if (!hasPrometheus) return;
  sim = await startSimulator({ port: 0, scenario: 'incident-life' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-prometheus-'));
});
afterAll(async () => {
  daemon.abort();
  await daemonExit;
  if (prometheus && prometheus.exitCode === null) {
    const exited = new Promise((resolve) => prometheus?.once('exit', resolve));
    prometheus.kill('SIGTERM');
    await exited;
  }
  await sim?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPrometheus)('Prometheus scrapes the daemon', () => {
  it('sees the component of an incident go from major outage to degraded', async () => {
    const started = Date.now();
    const metricsPort = await freePort();
    const err: string[] = [];
    daemonExit = runCli(
      ['--watch', '--json', '--interval', '15', '--url', sim.url, '--state', path.join(dir, 'state.json'), '--metrics', `127.0.0.1:${metricsPort}`],
      {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => err.push(chunk) },
        fetch: (target, init) => fetch(target, init),
        env: {},
        now: () => new Date(),
        signal: daemon.signal,
      },
    );

    const webPort = await freePort();
    const config = path.join(dir, 'prometheus.yml');
    await fs.writeFile(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        'scrape_configs:',
        '  - job_name: gandi-status',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${metricsPort}']`,
        '',
      ].join('\n'),
    );
    const log: string[] = [];
    prometheus = spawn(
      'prometheus',
      [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${webPort}`, '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    prometheus.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));

    const api = `http://127.0.0.1:${webPort}/api/v1`;
    const selector = `statuspage_component_status_level{component="${INCIDENT_COMPONENT.name}"}`;
    const query = async (promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> => {
      const response = await fetch(`${api}/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (body.status !== 'success') throw new Error(JSON.stringify(body));
      return body.data.result;
    };
    const levelIs = (level: string) => async () => {
      const result = await query(selector);
      return result.length === 1 && result[0]?.value[1] === level ? result : null;
    };

    const major = await until(`Prometheus to see level 4 (${log.join('')})`, 20_000, levelIs('4'));
    expect(major[0]?.metric).toMatchObject({ job: 'gandi-status', source: sim.url, component: INCIDENT_COMPONENT.name });
    const up = await query('statuspage_up');
    expect(up.map((r) => r.value[1])).toEqual(['1']);
    const sawMajorAt = Date.now();

    // identified, then monitoring: the component is degraded; the daemon sees it at its next poll.
    sim.step();
    sim.step();
    await until('Prometheus to see level 2', 25_000, levelIs('2'));
    const sawDegradedAt = Date.now();

    // The history Prometheus kept holds both levels.
    const seen = await query(`max_over_time(${selector}[2m])`);
    expect(seen[0]?.value[1]).toBe('4');
    const now = await query(`statuspage_component_status{component="${INCIDENT_COMPONENT.name}",status="degraded"} == 1`);
    expect(now).toHaveLength(1);
    const incidents = await query('statuspage_incidents_open');
    expect(incidents[0]?.value[1]).toBe('1');
    console.log(
      `prometheus: level 4 seen ${((sawMajorAt - started) / 1000).toFixed(1)} s after start, level 2 ${((sawDegradedAt - sawMajorAt) / 1000).toFixed(1)} s after the step`,
    );
    expect(err.join('')).toContain('metrics on http://127.0.0.1:');
  }, 60_000);
});

// `gandi-status --watch --metrics`: the metrics as a table, the server's rules, and the text format
// checked by Prometheus' own `promtool check metrics` where it is installed.
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../main/cli/args';
import { runCli } from '../../../main/cli/cli';
import { createPollLedger, statusMetrics } from '../../../main/core/metrics-model';
import type { SourceSnapshot } from '../../../common/model';
import { startSimulator, type Simulator } from '../../simulator/server';

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: 'incident-life' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-metrics-'));
});
afterAll(async () => {
  await sim.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

/** A daemon run in-process until `stop()`; resolves its metrics address from the line it prints. */
async function startDaemon(args: string[]): Promise<{ metricsUrl: string; stop: () => Promise<number>; stderr: () => string }> {
  const controller = new AbortController();
  const err: string[] = [];
  const code = runCli(['--watch', '--json', '--state', path.join(dir, `state-${Date.now()}.json`), ...args], {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => err.push(chunk) },
    fetch: (target, init) => fetch(target, init),
    env: {},
    now: () => new Date(),
    signal: controller.signal,
  });
  const end = Date.now() + 10_000;
  let metricsUrl: string | null = null;
  while (metricsUrl === null) {
    metricsUrl = /metrics on (http:\/\/\S+)\/metrics/.exec(err.join(''))?.[1] ?? null;
    if (Date.now() > end) throw new Error(`no metrics address: ${err.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    metricsUrl,
    stderr: () => err.join(''),
    stop: async () => {
      controller.abort();
      return code;
    },
  };
}

describe('the metrics model', () => {
  it('gives every family with bounded labels, titles only in _info', () => {
    const snapshot: SourceSnapshot = {
      url: 'https://status.example.com',
      kind: 'statuspage',
      name: 'Example',
      overall: 'major_outage',
      fetchedAt: '2026-12-01T12:00:00Z',
      stale: false,
      error: null,
      problem: null,
      services: [
        { id: 'a', name: 'Web', group: 'Hosting', status: 'major_outage' },
        { id: 'b', name: 'DNS', group: null, status: 'operational' },
      ],
      incidents: [
        { id: 'i1', title: 'Web down', status: 'investigating', impact: 'major', services: ['a'], startedAt: null, updatedAt: null, resolvedAt: null, url: '', updates: [] },
        { id: 'i0', title: 'Old', status: 'resolved', impact: 'minor', services: [], startedAt: null, updatedAt: null, resolvedAt: null, url: '', updates: [] },
      ],
      maintenances: [
        { id: 'm1', title: 'Upgrade', status: 'scheduled', scheduledFor: '2026-12-02T00:00:00Z', scheduledUntil: null, services: [], url: '' },
        { id: 'm2', title: 'Later', status: 'scheduled', scheduledFor: '2026-12-03T00:00:00Z', scheduledUntil: null, services: [], url: '' },
      ],
    };
    const polls = createPollLedger();
    polls.record({ url: snapshot.url, ok: false, durationMs: 100, endedAt: new Date() });
    polls.record({ url: snapshot.url, ok: false, durationMs: 200, endedAt: new Date() });
    const families = statusMetrics({ overall: 'major_outage', sources: [snapshot] }, polls);
    const value = (name: string, labels: Record<string, string> = {}) =>
      families.find((f) => f.name === name)?.samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v)).map((s) => s.value);
    const source = { source: 'https://status.example.com' };
    expect(value('statuspage_up', source)).toEqual([0]);
    expect(value('statuspage_consecutive_failures')).toEqual([2]);
    expect(value('statuspage_poll_duration_seconds')).toEqual([0.2]);
    expect(value('statuspage_polls_total', { result: 'failure' })).toEqual([2]);
    expect(value('statuspage_last_success_timestamp_seconds')).toEqual([Date.parse('2026-12-01T12:00:00Z') / 1000]);
    expect(value('statuspage_status_level')).toEqual([4]);
    expect(value('statuspage_status', { status: 'major_outage' })).toEqual([1]);
    expect(value('statuspage_status')).toEqual([0, 0, 0, 0, 1, 0]);
    expect(value('statuspage_component_status_level', { component: 'Web', group: 'Hosting' })).toEqual([4]);
    expect(value('statuspage_component_status_level', { component: 'DNS', group: '' })).toEqual([0]);
    expect(value('statuspage_component_status', { component: 'DNS', status: 'operational' })).toEqual([1]);
    expect(value('statuspage_incidents_open')).toEqual([1]);
    expect(value('statuspage_incident_info', { title: 'Web down' })).toEqual([1]);
    expect(value('statuspage_maintenances_upcoming')).toEqual([2]);
    expect(value('statuspage_maintenances_in_progress')).toEqual([0]);
    expect(value('statuspage_next_maintenance_start_timestamp_seconds')).toEqual([Date.parse('2026-12-02T00:00:00Z') / 1000]);
    // Free text is in one _info family only.
    for (const f of families.filter((each) => !each.name.endsWith('_info'))) expect(f.labelNames).not.toContain('title');
  });
});

describe('--metrics address', () => {
  it('binds loopback by default and refuses the network unless asked', () => {
    expect(parseArgs(['--watch', '--metrics', '9747']).metrics).toEqual({ host: '127.0.0.1', port: 9747 });
    expect(parseArgs(['--watch', '--metrics', 'localhost:9100']).metrics).toEqual({ host: 'localhost', port: 9100 });
    expect(parseArgs(['--watch', '--metrics', '[::1]:9100']).metrics).toEqual({ host: '::1', port: 9100 });
    expect(() => parseArgs(['--watch', '--metrics', '0.0.0.0:9747'])).toThrow('reachable from every network; add --metrics-allow-remote');
    expect(() => parseArgs(['--watch', '--metrics', '192.0.2.1:9747'])).toThrow('--metrics-allow-remote');
    expect(parseArgs(['--watch', '--metrics', '0.0.0.0:9747', '--metrics-allow-remote']).metrics).toEqual({ host: '0.0.0.0', port: 9747 });
    expect(() => parseArgs(['--metrics', '9747'])).toThrow('--metrics only make sense with --watch');
    expect(() => parseArgs(['--watch', '--metrics', 'nowhere'])).toThrow('--metrics expects HOST:PORT');
  });
});

describe('gandi-status --watch --metrics', () => {
  it('serves /metrics and /healthz, answers loopback names only; promtool finds nothing wrong', async () => {
    const daemon = await startDaemon(['--url', sim.url, '--metrics', '127.0.0.1:0']);
    try {
      let text = '';
      const end = Date.now() + 10_000;
      while (!/statuspage_up\{[^}]*\} 1/.test(text)) {
        if (Date.now() > end) throw new Error(`no good poll: ${text}`);
        const response = await fetch(`${daemon.metricsUrl}/metrics`);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        text = await response.text();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(text).toContain(`statuspage_component_status_level{source="${sim.url}",component="PAAS FR-SD5",group="`);
      expect(text).toMatch(/statuspage_component_status_level\{[^}]*component="PAAS FR-SD5"[^}]*\} 4/);
      expect(text).toMatch(/statuspage_incidents_open\{[^}]*\} 1/);
      expect(text).toMatch(/statuspage_incident_info\{[^}]*title="Web hosting unreachable on FR-SD5"[^}]*\} 1/);
      expect(text).toMatch(/# TYPE statuspage_polls_total counter/);

      expect(await (await fetch(`${daemon.metricsUrl}/healthz`)).text()).toBe('ok\n');
      expect((await fetch(`${daemon.metricsUrl}/nothing`)).status).toBe(404);
      expect((await fetch(`${daemon.metricsUrl}/metrics`, { method: 'POST' })).status).toBe(405);
      const rebound = await new Promise<number>((resolve, reject) => {
        const { port } = new URL(daemon.metricsUrl);
        import('node:http').then(({ get }) =>
          get({ host: '127.0.0.1', port, path: '/metrics', headers: { Host: 'evil.example:80' } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }).on('error', reject),
        );
      });
      expect(rebound).toBe(421);

      if (!hasPromtool) {
        console.log('skipped promtool check metrics: promtool not installed');
        return;
      }
      const lint = await new Promise<{ code: number; out: string }>((resolve) => {
        const child = execFile('promtool', ['check', 'metrics'], (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
        );
        child.stdin?.end(text);
      });
      expect(lint.out.trim()).toBe('');
      expect(lint.code).toBe(0);
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  }, 30_000);
});

// `gandi-status --check`: the plugin line, its exit codes, the component filter, the age limit and
// the timeout, against the simulator over real HTTP; the verdict itself as a table.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli/cli';
import { parseArgs } from '../../../main/cli/args';
import { formatCheckLine, judge, pluginText, type CheckSelection } from '../../../main/cli/nagios';
import type { SourceSnapshot } from '../../../common/model';
import { startSimulator, type Simulator } from '../../simulator/server';

const sims: Simulator[] = [];
let incident: Simulator;
let allClear: Simulator;
let broken: Simulator;
let dir: string;

beforeAll(async () => {
  incident = await startSimulator({ port: 0, scenario: 'incident-life' });
  allClear = await startSimulator({ port: 0, scenario: 'all-clear' });
  broken = await startSimulator({ port: 0, scenario: 'error-500' });
  sims.push(incident, allClear, broken);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-check-'));
});
afterAll(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    fetch: (target, init) => fetch(target, init),
    env: {},
    now: () => new Date(),
    homedir: dir,
    platform: 'linux',
    ...extra,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const PLUGIN_LINE = /^GANDI STATUS (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+ \| components=\d+;;; incidents=\d+;;; maintenances=\d+;;;( age=\d+s;;;)?\n$/;

describe('gandi-status --check against the simulator', () => {
  it('says CRITICAL with the component in one line and exits 2', async () => {
    const result = await run(['--check', '--url', incident.url]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(PLUGIN_LINE);
    expect(result.stdout).toMatch(/^GANDI STATUS CRITICAL - PAAS FR-SD5 major outage; 1 incident \| components=\d+;;; incidents=1;;; maintenances=0;;; age=0s;;;\n$/);
    expect(result.stderr).toBe('');
  });

  it('judges only the components asked for', async () => {
    const ok = await run(['--check', '--url', incident.url, '--component', 'LiveDNS']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^GANDI STATUS OK - LiveDNS operational; no incident \| components=1;;; incidents=0;;;/);
    const byId = await run(['--check', '--url', incident.url, '--component', 'wgtyj8zkfgdr', '--component', 'LiveDNS']);
    expect(byId.code).toBe(2);
    expect(byId.stdout).toMatch(/components=2;;; incidents=1;;;/);
  });

  it('judges a group of components', async () => {
    const picture = await run(['--url', incident.url, '--json']);
    const services = (JSON.parse(picture.stdout) as { sources: SourceSnapshot[] }).sources[0]?.services ?? [];
    const group = services.find((s) => s.id === 'wgtyj8zkfgdr')?.group;
    expect(group).toBeTruthy();
    const result = await run(['--check', '--url', incident.url, '--group', String(group)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`components=${services.filter((s) => s.group === group).length};;;`);
  });

  it('says UNKNOWN for a name that matches nothing', async () => {
    const result = await run(['--check', '--url', allClear.url, '--component', 'No such thing']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^GANDI STATUS UNKNOWN - no component or group named "No such thing"/);
  });

  it('says OK for an all clear', async () => {
    const result = await run(['--check', '--url', allClear.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^GANDI STATUS OK - all \d+ components operational; no incident \| /);
  });

  it('is UNKNOWN when the page cannot be read, unless saved data is young enough', async () => {
    const plain = await run(['--check', '--url', broken.url]);
    expect(plain.code).toBe(3);
    expect(plain.stdout).toMatch(PLUGIN_LINE);
    expect(plain.stdout).toMatch(/^GANDI STATUS UNKNOWN - .*HTTP 500/);

    // What a --watch saved 40 s ago: a major outage.
    const live = await run(['--url', incident.url, '--json']);
    const snapshot = (JSON.parse(live.stdout) as { sources: SourceSnapshot[] }).sources[0] as SourceSnapshot;
    const state = path.join(dir, 'saved.json');
    const fetchedAt = new Date(Date.now() - 40_000).toISOString();
    await fs.writeFile(state, JSON.stringify({ version: 1, announced: [], snapshots: [{ ...snapshot, problem: null, url: broken.url, fetchedAt }] }));

    const young = await run(['--check', '--url', broken.url, '--state', state, '--max-age', '60']);
    expect(young.code).toBe(2);
    expect(young.stdout).toMatch(/^GANDI STATUS CRITICAL - PAAS FR-SD5 major outage; 1 incident \(last data, 4\ds old: .*HTTP 500.*\) \| .* age=4\ds;;;\n$/);

    const old = await run(['--check', '--url', broken.url, '--state', state, '--max-age', '30']);
    expect(old.code).toBe(3);
    expect(old.stdout).toMatch(/^GANDI STATUS UNKNOWN - .*HTTP 500.*; last data 4\ds old \(more than 30s\) \| /);
  });

  it('gives up after --timeout with UNKNOWN', async () => {
    const stalled = await startSimulator({ port: 0, scenario: 'stall', stallMs: 5_000 });
    sims.push(stalled);
    const started = Date.now();
    const result = await run(['--check', '--url', stalled.url, '--timeout', '1']);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^GANDI STATUS UNKNOWN - no answer from 127\.0\.0\.1:\d+ within 1 ?s/);
  });
});

describe('--check options', () => {
  it('reads them strictly', () => {
    expect(parseArgs(['--check', '--component', 'A', '--group', 'B', '--max-age', '90', '--timeout', '5']).check).toEqual({
      components: ['A'],
      groups: ['B'],
      maxAgeSeconds: 90,
      timeoutSeconds: 5,
    });
    expect(() => parseArgs(['--component', 'A'])).toThrow('--component only make sense with --check');
    expect(() => parseArgs(['--check', '--watch'])).toThrow('--check and --watch do not go together');
    expect(() => parseArgs(['--check', '--timeout', '0'])).toThrow('--timeout must be between 1 and 300 seconds');
    expect(() => parseArgs(['--check', '--max-age', 'soon'])).toThrow('--max-age expects a whole number of seconds');
  });
});

describe('the verdict', () => {
  const selection: CheckSelection = { components: [], groups: [], maxAgeSeconds: null, timeoutSeconds: 10 };
  const now = new Date('2026-12-01T12:00:12Z');
  const source = (services: SourceSnapshot['services'], extra: Partial<SourceSnapshot> = {}): SourceSnapshot => ({
    url: 'https://status.example.com',
    kind: 'statuspage',
    name: 'Example',
    overall: 'operational',
    fetchedAt: '2026-12-01T12:00:00Z',
    stale: false,
    error: null,
    problem: null,
    services,
    incidents: [],
    maintenances: [],
    ...extra,
  });

  it('never lets remote text break the line or the performance data', () => {
    const evil = source([{ id: 'x', name: 'Web | a=1;;; \n GANDI STATUS OK', group: null, status: 'major_outage' }], { overall: 'major_outage' });
    const line = formatCheckLine(judge([{ snapshot: evil, failure: null }], selection, now));
    expect(line.split('\n')).toHaveLength(2);
    expect(line.split('|')).toHaveLength(2);
    expect(line).toBe('GANDI STATUS CRITICAL - Web / a=1;;; GANDI STATUS OK major outage; no incident | components=1;;; incidents=0;;; maintenances=0;;; age=12s;;;\n');
    expect(pluginText('a\u001b[31m|b')).toBe('a [31m/b');
  });

  it('names the worst components first, three at most', () => {
    const services = ['degraded', 'major_outage', 'partial_outage', 'maintenance', 'operational'].map((status, i) => ({
      id: String(i),
      name: `C${i}`,
      group: null,
      status: status as SourceSnapshot['overall'],
    }));
    const verdict = judge([{ snapshot: source(services, { overall: 'major_outage' }), failure: null }], selection, now);
    expect(verdict.text).toBe('C1 major outage, C2 partial outage, C0 degraded, and 1 more; no incident');
    expect(verdict.code).toBe(2);
  });

  it('maintenance is OK, degraded is WARNING, and several pages are named', () => {
    const maint = source([{ id: 'a', name: 'A', group: null, status: 'maintenance' }], { overall: 'maintenance', name: 'One' });
    const slow = source([{ id: 'b', name: 'B', group: null, status: 'degraded' }], { overall: 'degraded', name: 'Two', url: 'https://two' });
    expect(judge([{ snapshot: maint, failure: null }], selection, now).code).toBe(0);
    const both = judge([{ snapshot: maint, failure: null }, { snapshot: slow, failure: null }], selection, now);
    expect(both.code).toBe(1);
    expect(both.text).toBe('One: A maintenance; no incident; Two: B degraded; no incident');
  });
});

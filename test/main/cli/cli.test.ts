// The command run in-process against the simulator over real HTTP.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { exitCodeFor, runCli, type CliIo } from '../../../main/cli/cli';
import { eventJson } from '../../../main/cli/watch';
import { stateFileName } from '../../../main/cli/config-dir';
import type { DesktopNotice } from '../../../main/cli/desktop-notifier';
import type { SourceHealthEvent, StatusSnapshot } from '../../../common/model';
import { startSimulator, type ScenarioName, type Simulator } from '../../simulator/server';

const sims = new Map<string, Simulator>();
let dir: string;

async function sim(name: string, scenario: ScenarioName, steps = 0): Promise<string> {
  const started = await startSimulator({ port: 0, scenario });
  for (let i = 0; i < steps; i += 1) started.step();
  sims.set(name, started);
  return started.url;
}

beforeAll(async () => {
  await sim('all-clear', 'all-clear');
  await sim('incident', 'incident-life');
  await sim('monitoring', 'incident-life', 2);
  await sim('maintenance', 'maintenance-life', 1);
  await sim('flapping', 'flapping');
  await sim('error-500', 'error-500');
  await sim('invalid-json', 'invalid-json');
  await sim('html-error', 'html-error');
});
afterAll(async () => {
  await Promise.all([...sims.values()].map((s) => s.close()));
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const url = (name: string): string => sims.get(name)?.url ?? 'missing';

function io(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    fetch: (target, init) => fetch(target, init),
    env: {},
    now: () => new Date(),
    ...extra,
  };
  return { io: value, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(argv: string[], extra: Partial<CliIo> = {}) {
  const streams = io(extra);
  const code = await runCli(argv, streams.io);
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('exit codes (one source per level)', () => {
  it.each([
    ['all-clear', 0],
    ['maintenance', 0],
    ['flapping', 1],
    ['monitoring', 1],
    ['incident', 2],
    ['error-500', 3],
    ['invalid-json', 3],
    ['html-error', 3],
  ])('%s -> %i', async (name, expected) => {
    const { code, stderr } = await run(['--url', url(name)]);
    expect(code).toBe(expected);
    if (expected === 3) {
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^gandi-status: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    } else {
      expect(stderr).toBe('');
    }
  });

  it.each([
    [['all-clear', 'incident'], 2],
    [['flapping', 'incident'], 2],
    [['all-clear', 'flapping'], 1],
    [['flapping', 'error-500'], 1],
    [['all-clear', 'error-500'], 3],
    [['all-clear', 'maintenance'], 0],
  ])('sources %j -> %i', async (names, expected) => {
    const { code } = await run(names.flatMap((name) => ['--url', url(name)]));
    expect(code).toBe(expected);
  });

  it('follows the Nagios rule for any mix of levels', () => {
    expect(exitCodeFor(['unknown', 'major_outage'])).toBe(2);
    expect(exitCodeFor(['unknown', 'partial_outage'])).toBe(1);
    expect(exitCodeFor(['operational', 'unknown'])).toBe(3);
    expect(exitCodeFor(['operational', 'maintenance'])).toBe(0);
    expect(exitCodeFor([])).toBe(3);
  });
});

describe('one-shot output', () => {
  it('prints the documented JSON', async () => {
    const { code, stdout } = await run(['--url', url('incident'), '--json']);
    expect(code).toBe(2);
    const status = JSON.parse(stdout) as StatusSnapshot;
    expect(Object.keys(status)).toEqual(['overall', 'sources']);
    expect(status.overall).toBe('major_outage');
    const [source] = status.sources;
    expect(Object.keys(source ?? {})).toEqual([
      'url', 'kind', 'name', 'overall', 'fetchedAt', 'stale', 'error', 'services', 'incidents', 'maintenances',
    ]);
    expect(source).toMatchObject({ url: url('incident'), kind: 'statuspage', stale: false, error: null });
    expect(Object.keys(source?.services[0] ?? {})).toEqual(['id', 'name', 'group', 'status']);
    const incident = source?.incidents[0];
    expect(Object.keys(incident ?? {})).toEqual([
      'id', 'title', 'status', 'impact', 'services', 'startedAt', 'updatedAt', 'resolvedAt', 'url', 'updates',
    ]);
    expect(incident?.status).toBe('investigating');
    expect(Object.keys(incident?.updates[0] ?? {})).toEqual(['at', 'status', 'body']);
  });

  it('prints maintenances in the JSON with their documented fields', async () => {
    const { stdout } = await run(['--url', url('maintenance'), '--json']);
    const maintenance = (JSON.parse(stdout) as StatusSnapshot).sources[0]?.maintenances[0];
    expect(Object.keys(maintenance ?? {})).toEqual(['id', 'title', 'status', 'scheduledFor', 'scheduledUntil', 'services', 'url']);
    expect(maintenance?.status).toBe('in_progress');
  });

  it('keeps an unreachable source in the JSON as unknown, never as operational', async () => {
    const { code, stdout, stderr } = await run(['--url', url('all-clear'), '--url', url('error-500'), '--json']);
    expect(code).toBe(3);
    expect(stderr).toMatch(/HTTP 500/);
    const status = JSON.parse(stdout) as StatusSnapshot;
    expect(status.sources[1]).toMatchObject({ overall: 'unknown', stale: true, fetchedAt: null });
    expect(status.sources[1]?.error).toMatch(/500/);
    // The failure's `problem` (for the translated windows) is not part of the documented JSON.
    expect(Object.keys(status.sources[1] ?? {})).toEqual([
      'url', 'kind', 'name', 'overall', 'fetchedAt', 'stale', 'error', 'services', 'incidents', 'maintenances',
    ]);
  });

  it('reads the legacy API when told to', async () => {
    const { code, stdout } = await run(['--url', url('incident'), '--kind', 'gandi-legacy']);
    expect(code).toBe(2);
    expect(stdout).toMatch(/PAAS\s+MAJOR OUTAGE/);
    expect(stdout).toMatch(/Web hosting unreachable on FR-SD5/);
  });

  it('prints a readable table: services by group, open incidents, maintenances', async () => {
    const incident = await run(['--url', url('incident')]);
    expect(incident.stdout).toMatch(/MAJOR OUTAGE/);
    expect(incident.stdout).toMatch(/^ {2}Hosting$/m);
    expect(incident.stdout).toMatch(/^ {4}PAAS FR-SD5 +MAJOR OUTAGE$/m);
    expect(incident.stdout).toMatch(/Open incidents:\n {2}- Web hosting unreachable on FR-SD5 \[investigating/);
    const maintenance = await run(['--url', url('maintenance')]);
    expect(maintenance.stdout).toMatch(/Maintenances:\n {2}- Storage upgrade on IAAS FR-SD3 \[in progress\]\n {4}\d{4}-\d\d-\d\d \d\d:\d\d -> /);
  });
});

describe('bad input: one line on stderr, exit 3', () => {
  it.each([
    [['--url', 'not a url'], /invalid URL "not a url"/],
    [['--url', 'ftp://status.example'], /only http:\/\/ and https:\/\//],
    [['--url'], /--url needs a value/],
    [['--bogus'], /unknown option --bogus/],
    [['status.gandi.net'], /unexpected argument/],
    [['--kind', 'nagios'], /--kind must be one of/],
    [['--interval', '5', '--watch'], /between 15 and 3600/],
    [['--notify'], /only make sense with --watch/],
    [['--url', 'http://127.0.0.1:1'], /could not reach 127\.0\.0\.1:1/],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('answers --help and --version on stdout with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--watch/);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^gandi-status \d+\.\d+\.\d+\n$/);
  });
});

describe('--watch --json lines', () => {
  it('print an unreachable source as documented: its problem stays out', () => {
    const event: SourceHealthEvent = {
      type: 'source.unreachable',
      at: '2026-03-01T12:00:00.000Z',
      sourceUrl: 'https://status.gandi.net',
      sourceName: 'Gandi',
      key: 'source.unreachable|https://status.gandi.net|never',
      url: 'https://status.gandi.net',
      error: 'status.gandi.net answered HTTP 503',
      problem: { reason: 'http', case: null, host: 'status.gandi.net', status: 503, retryAfterSeconds: null, limit: null, detail: null },
    };
    expect(eventJson(event)).toBe(
      '{"type":"source.unreachable","at":"2026-03-01T12:00:00.000Z","sourceUrl":"https://status.gandi.net","sourceName":"Gandi",' +
        '"key":"source.unreachable|https://status.gandi.net|never","url":"https://status.gandi.net","error":"status.gandi.net answered HTTP 503"}',
    );
  });
});

describe('--watch', () => {
  async function watch(argv: string[], extra: Partial<CliIo> = {}) {
    const controller = new AbortController();
    const streams = io({ signal: controller.signal, ...extra });
    const done = runCli(['--watch', ...argv], streams.io);
    await waitFor(() => streams.stderr().includes('watching'), 'the first round');
    controller.abort();
    const code = await done;
    return { code, stdout: streams.stdout(), stderr: streams.stderr() };
  }

  it('prints each event as one JSON line, saves state, and announces nothing twice across runs', async () => {
    const state = path.join(dir, 'state.json');
    const first = await watch(['--url', url('incident'), '--json', '--state', state]);
    expect(first.code).toBe(0);
    const events = first.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; at: string });
    expect(events.map((event) => event.type)).toEqual(['incident.opened']);
    expect(Number.isNaN(Date.parse(events[0]?.at ?? ''))).toBe(false);
    expect(first.stderr).toMatch(/watching 1 source, now MAJOR OUTAGE; state in .*state\.json/);
    const saved = JSON.parse(await fs.readFile(state, 'utf8')) as { announced: string[] };
    expect(saved.announced).toHaveLength(1);

    const second = await watch(['--url', url('incident'), '--json', '--state', state]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
  });

  it('prints readable lines and raises a notification per event with --notify', async () => {
    const notices: DesktopNotice[] = [];
    const result = await watch(['--url', url('maintenance'), '--notify', '--state', path.join(dir, 's.json')], {
      notifier: { notify: (notice) => notices.push(notice) },
    });
    expect(result.stdout).toMatch(/\[maintenance\.started\] .*maintenance started: Storage upgrade on IAAS FR-SD3 http:\/\/127\.0\.0\.1/);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toMatch(/maintenance started/);
    expect(notices[0]?.message).toMatch(/Storage upgrade on IAAS FR-SD3/);
    expect(notices[0]?.url).toMatch(new RegExp(`^${url('maintenance')}/incidents/`));
  });

  it('keeps its state in the config folder by default', async () => {
    const result = await watch(['--url', url('all-clear')], {
      env: { XDG_CONFIG_HOME: dir },
      platform: 'linux',
    });
    expect(result.code).toBe(0);
    // One file per set of sources: Gandi's page alone keeps cli-state.json.
    const file = path.join(dir, 'gandi-status-tray', stateFileName([url('all-clear')]));
    expect(path.basename(file)).toMatch(/^cli-state-[0-9a-f]{12}\.json$/);
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { snapshots: unknown[] };
    expect(saved.snapshots).toHaveLength(1);
  });

  it('keeps running through an unreachable source and says so on stderr at start', async () => {
    const result = await watch(['--url', url('error-500'), '--state', path.join(dir, 's.json')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/watching 1 source, now unknown/);
  });
});

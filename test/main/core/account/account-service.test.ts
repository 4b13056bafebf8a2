// The account checks over time, against the simulated Gandi API: one run at a time, the report
// kept across restarts and dropped with its token, each change told to subscribers; and the
// dashboard's routes and push for it, over HTTP, which never take or give a token.
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenState } from '../../../../common/account-view';
import { accountViewSchema } from '../../../../common/account-view';
import type { AccountEvent } from '../../../../common/account-events';
import { createAccountService, type AccountTokenSource } from '../../../../main/core/account/account-service';
import { createAccountReportFile } from '../../../../main/core/account/report-file';
import { listenDashboard, type ListeningDashboard } from '../../../../main/web/dashboard';
import { serverTokenSource } from '../../../../main/web/account-token';
import { createSettingsController } from '../../../../main/web/settings-controller';
import { defaultSettings } from '../../../../common/settings';
import { FIXTURE_NOW, SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../../../simulator/gandi-api';
import { createFakeStatus, openSse, until, type SseFrame } from '../../web/fakes';

let sim: GandiApiSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startGandiApiSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.setScenario('fixtures');
  sim.setFault(null);
  sim.requests.length = 0;
  dir = await mkdtemp(path.join(tmpdir(), 'gandi-account-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function tokenSource(initial: string | null): AccountTokenSource & { token: string | null } {
  const source = {
    token: initial,
    read: async () => source.token,
    state: (): TokenState => ({ set: source.token !== null, storage: source.token === null ? 'none' : 'this-run', encryptionAvailable: false, settable: true }),
  };
  return source;
}

function service(tokens: AccountTokenSource, file = path.join(dir, 'account-report.json'), now: () => Date = () => FIXTURE_NOW) {
  return createAccountService({
    tokens,
    fetch: (url, init) => fetch(url, init),
    env: { GANDI_API_URL: sim.url },
    now,
    store: createAccountReportFile(file),
    sleep: async () => undefined,
    limits: { minIntervalMs: 0 },
  });
}

describe('the account service', () => {
  it('runs one check at a time, tells each change, and keeps the report (without the token) across a restart', async () => {
    const tokens = tokenSource(SIM_TOKENS.all);
    const first = service(tokens);
    const seen: boolean[] = [];
    first.subscribe((view) => seen.push(view.checking));
    const [a, b] = await Promise.all([first.checkNow(), first.checkNow()]);
    expect(a).toEqual(b);
    expect(sim.requests.filter((r) => r.path === '/v5/organization/user-info')).toHaveLength(1);
    expect(seen).toEqual([true, false]);
    expect(a.report?.overall).toBe('problem');
    expect(a.nextCheckAt).toBe('2026-12-01T18:00:00.000Z');
    expect(await readFile(path.join(dir, 'account-report.json'), 'utf8')).not.toContain(SIM_TOKENS.all);

    const restarted = service(tokens);
    sim.requests.length = 0;
    await restarted.start();
    restarted.stop();
    // Not due yet: the kept report is shown, nothing asked.
    expect(restarted.view().report).toEqual(a.report);
    expect(sim.requests).toHaveLength(0);
  });

  it('drops the report of a token that was removed', async () => {
    const tokens = tokenSource(SIM_TOKENS.all);
    const running = service(tokens);
    await running.checkNow();
    tokens.token = null;
    const view = await running.tokenChanged();
    expect(view).toMatchObject({ report: null, nextCheckAt: null, token: { set: false } });
    await expect(readFile(path.join(dir, 'account-report.json'), 'utf8')).rejects.toThrow();
  });

  it('checks at start when a token is set and nothing is known', async () => {
    const running = service(tokenSource(SIM_TOKENS.all));
    await running.start();
    await until(() => running.view().report !== null, 'the first check');
    running.stop();
    expect(running.view().report?.account?.name).toBe('alice_martin');
  });
});

describe('what the account service announces', () => {
  function collect(running: ReturnType<typeof service>): AccountEvent[] {
    const events: AccountEvent[] = [];
    running.subscribeEvents((batch) => events.push(...batch));
    return events;
  }
  const described = (events: AccountEvent[]) =>
    events.map((event) => (event.type === 'account.token-refused' ? event.type : `${event.type} ${event.finding.code} ${event.finding.subject}`)).sort();

  it('each new finding once, nothing again after a restart, and again when an expiry crosses 7 then 1 days', async () => {
    let clock = FIXTURE_NOW;
    const tokens = tokenSource(SIM_TOKENS.all);
    const first = service(tokens, undefined, () => clock);
    const firstEvents = collect(first);
    const view = await first.checkNow();
    const findings = view.report?.checks.flatMap((result) => result.findings).filter((finding) => finding.severity !== 'notice') ?? [];
    expect(findings.length).toBeGreaterThan(2);
    expect(described(firstEvents)).toEqual(findings.map((finding) => `account.finding ${finding.code} ${finding.subject}`).sort());
    // The zone that changed 2 h ago is shown in the panel, not announced.
    expect(view.report?.checks.some((result) => result.findings.some((finding) => finding.severity === 'notice'))).toBe(true);

    const restarted = service(tokens, undefined, () => clock);
    const again = collect(restarted);
    await restarted.start();
    await restarted.checkNow();
    restarted.stop();
    expect(again).toEqual([]);

    // A certificate that expires soon, checked 20, 6, 5 and half a day before: a new notice at
    // each stage crossed (30, 7 and 1 days), none in between.
    const expiring = findings.find((finding) => finding.code === 'certificate-expiring');
    expect(expiring?.at, 'the fixtures have a certificate expiring soon').toBeTruthy();
    const later = service(tokens, undefined, () => clock);
    const crossings = collect(later);
    await later.start();
    for (const daysLeft of [20, 6, 5, 0.5]) {
      clock = new Date(Date.parse(expiring!.at!) - daysLeft * 86_400_000);
      await later.checkNow();
    }
    later.stop();
    const about = crossings.filter((event) => event.type === 'account.finding' && event.finding.subject === expiring!.subject);
    expect(about.map((event) => (event.type === 'account.finding' ? event.finding.days : null))).toEqual([20, 6, 0]);
  });

  it('says when a finding is gone, only after a run that looked, and when the token stops being accepted', async () => {
    const tokens = tokenSource(SIM_TOKENS.all);
    const running = service(tokens);
    await running.checkNow();
    const events = collect(running);
    sim.setFault({ kind: '500' });
    await running.checkNow();
    expect(events, 'a failed run clears nothing').toEqual([]);
    sim.setFault(null);
    sim.setScenario('all-fine');
    await running.checkNow();
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((event) => event.type === 'account.cleared')).toBe(true);
    events.length = 0;
    tokens.token = 'not-a-known-token';
    await running.checkNow();
    await running.checkNow();
    expect(described(events)).toEqual(['account.token-refused']);
  });
});

describe("the dashboard's account routes", () => {
  let dashboard: ListeningDashboard;
  beforeEach(async () => {
    const account = service(serverTokenSource(SIM_TOKENS.all));
    dashboard = await listenDashboard({
      port: 0,
      host: '127.0.0.1',
      hostGiven: false,
      staticRoot: dir,
      status: createFakeStatus({ overall: 'operational', sources: [] }),
      settings: createSettingsController({ initial: defaultSettings(), store: null }),
      info: { name: 'Gandi Status', version: '0.1.0', platform: 'web', locale: 'en-US' },
      account,
    });
  });
  afterEach(async () => {
    await dashboard.close();
  });

  function call(method: string, urlPath: string, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: dashboard.port, method, path: urlPath, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('serve the view, run a check on demand (pushed too), and refuse a token from the browser', async () => {
    const frames: SseFrame[] = [];
    const stream = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    await stream.response;
    const before = await call('GET', '/api/account');
    expect(JSON.parse(before.body)).toMatchObject({ token: { set: true, storage: 'server', settable: false }, report: null });
    const checked = await call('POST', '/api/account/check', '{}');
    const view = accountViewSchema.parse(JSON.parse(checked.body));
    expect(view.report?.overall).toBe('problem');
    await until(() => frames.some((frame) => frame.event === 'account' && JSON.parse(frame.data).report !== null), 'the account push');
    const refused = await call('PUT', '/api/account/token', JSON.stringify({ token: 'x' }));
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false });
    stream.close();
    const everything = [before.body, checked.body, refused.body, ...frames.map((frame) => frame.data)].join('\n');
    expect(everything).not.toContain(SIM_TOKENS.all);
  });
});

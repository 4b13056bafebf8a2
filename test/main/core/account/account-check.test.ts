// A whole run of the account checks over real HTTP against the simulated Gandi API: what it finds in
// Gandi's examples, a 403 marking only its check, a refused token or an API out of reach stopping
// the run at once, a failed run keeping what was known, and the bound on requests for a big account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountReportSchema, type AccountReport, type CheckResult } from '../../../../common/account';
import { checkAccount, type AccountCheckOptions } from '../../../../main/core/account/account-check';
import { FIXTURE_NOW, SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../../../simulator/gandi-api';

let sim: GandiApiSimulator;
beforeAll(async () => {
  sim = await startGandiApiSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setScenario('fixtures');
  sim.setFault(null);
  sim.requests.length = 0;
});

function run(options: Partial<AccountCheckOptions> = {}): Promise<AccountReport> {
  return checkAccount({
    token: SIM_TOKENS.all,
    fetch: (url, init) => fetch(url, init),
    env: { GANDI_API_URL: sim.url },
    now: () => FIXTURE_NOW,
    sleep: async () => undefined,
    limits: { minIntervalMs: 0 },
    ...options,
  });
}

const byCheck = (report: AccountReport): Record<string, CheckResult> => Object.fromEntries(report.checks.map((check) => [check.check, check]));
const outcomes = (report: AccountReport): Record<string, string> => Object.fromEntries(report.checks.map((check) => [check.check, check.outcome]));

describe('a run of the account checks', () => {
  it("finds in Gandi's examples what each check should, and what the account uses", async () => {
    const report = await run();
    expect(accountReportSchema.parse(report)).toEqual(report);
    expect(report.account).toEqual({ id: '5b0f6a3e-2c1d-4e8f-9a7b-3d2c1b0a9f8e', name: 'alice_martin' });
    expect(outcomes(report)).toEqual({ token: 'ok', domains: 'problem', dns: 'ok', mailboxes: 'warning', credit: 'warning', hosting: 'problem', certificates: 'problem' });
    expect(report.overall).toBe('problem');
    expect(report.checks.flatMap((check) => check.findings.map((f) => f.message))).toEqual([
      'expired-brand.com expired 12 days ago',
      'held-startup.net is on hold (clientHold): it does not resolve',
      'the zone of example-shop.fr changed 2 h ago',
      'contact@example-shop.fr is 97 % full',
      'the prepaid credit is low (8.40 EUR, below 20)',
      'the instance shop-prod expires in 29 days',
      'the instance old-blog is paused, expired 3 days ago',
      'the certificate of www.example-shop.fr expires in 5 days',
      'the certificate of blog.expired-brand.com expired 55 days ago',
    ]);
    expect(byCheck(report).dns?.coverage).toEqual({ checked: 3, total: 3 });
    expect(report.usage).toEqual({
      registeredDomains: ['example-shop.fr', 'expired-brand.com', 'held-startup.net', 'external-dns.org'],
      liveDnsDomains: ['example-shop.fr', 'expired-brand.com', 'held-startup.net'],
      otherDnsDomains: ['external-dns.org'],
      mailDomains: ['example-shop.fr'],
      hosting: [{ datacenter: 'FR-SD5', instances: ['shop-prod', 'old-blog'] }],
    });
    // Only reads, only under the base.
    expect(new Set(sim.requests.map((r) => r.method))).toEqual(new Set(['GET']));
    expect(report.requests).toBe(sim.requests.length);
  });

  it('says all is fine when it is', async () => {
    sim.setScenario('all-fine');
    const report = await run();
    expect(report.overall).toBe('ok');
    expect(report.checks.every((check) => check.findings.length === 0 && check.notChecked === null)).toBe(true);
  });

  it('marks only the check a permission is missing for, naming the permission', async () => {
    const report = await run({ token: SIM_TOKENS.noBilling });
    expect(byCheck(report).credit).toMatchObject({ outcome: 'not-checked', notChecked: { reason: 'permission-missing', permission: 'Access to the billing interface' } });
    expect(outcomes(report)).toMatchObject({ token: 'ok', domains: 'problem', hosting: 'problem', certificates: 'problem', mailboxes: 'warning' });
  });

  it('with a domains-only token, stops LiveDNS and mail at their first 403 (one request each)', async () => {
    const report = await run({ token: SIM_TOKENS.domainsOnly });
    expect(byCheck(report).dns?.notChecked).toMatchObject({ reason: 'permission-missing', permission: 'Manage domain name technical configurations' });
    expect(byCheck(report).mailboxes?.notChecked?.reason).toBe('permission-missing');
    expect(byCheck(report).domains?.outcome).toBe('problem');
    expect(sim.requests.filter((r) => r.path.startsWith('/v5/livedns/')).length).toBeLessThanOrEqual(4);
  });

  it('stops after one request when the token is refused', async () => {
    const report = await run({ token: 'not-a-token-of-this-account' });
    expect(sim.requests).toHaveLength(1);
    expect(report.overall).toBe('not-checked');
    expect(report.checks.every((check) => check.notChecked?.reason === 'token-refused')).toBe(true);
  });

  it('says every check is not checked, and why, without a token', async () => {
    const report = await run({ token: null });
    expect(sim.requests).toHaveLength(0);
    expect(report.checks.map((check) => check.notChecked?.reason)).toEqual(Array(7).fill('no-token'));
  });

  it('keeps the known problems when a later run cannot reach the API', async () => {
    const first = await run();
    sim.setFault({ kind: '500' });
    const second = await run({ previous: first });
    expect(second.checks.every((check) => check.notChecked?.reason === 'api-unreachable')).toBe(true);
    expect(outcomes(second)).toEqual({ token: 'not-checked', domains: 'problem', dns: 'ok', mailboxes: 'warning', credit: 'warning', hosting: 'problem', certificates: 'problem' });
    expect(byCheck(second).domains?.checkedAt).toBe(first.checkedAt);
    expect(second.usage).toEqual(first.usage);
    expect(second.account).toEqual(first.account);
  });

  it('keeps a known problem when only its check fails, and drops one a full check no longer finds', async () => {
    const first = await run();
    sim.setScenario('all-fine');
    sim.setFault({ kind: '403-not-json', path: 'billing' });
    const second = await run({ previous: first });
    expect(outcomes(second)).toMatchObject({ credit: 'warning', domains: 'ok', hosting: 'ok' });
    expect(byCheck(second).credit?.notChecked?.reason).toBe('permission-missing');
  });

  it('checks 200 domains and 50 mailboxes within the bound of requests', async () => {
    sim.setScenario('many');
    const report = await run();
    expect(report.usage.registeredDomains).toHaveLength(200);
    expect(report.usage.mailDomains).toHaveLength(10);
    expect(byCheck(report).dns?.coverage).toEqual({ checked: 200, total: 200 });
    // user-info 1, domains 2 pages, snapshots 200, mailboxes 200, billing 1, hosting 1, certificates 1.
    expect(report.requests).toBe(406);
    expect(report.overall).toBe('ok');
  });

  it('says so, and keeps what it found, when the budget runs out', async () => {
    sim.setScenario('many');
    const report = await run({ limits: { minIntervalMs: 0, maxRequests: 100 } });
    expect(sim.requests.length).toBe(100);
    const partial = [byCheck(report).dns, byCheck(report).mailboxes];
    expect(partial.some((check) => check?.notChecked?.reason === 'request-budget')).toBe(true);
  });
});

describe('answers not fully understood', () => {
  it('say so instead of "fine" when list items do not fit, and still judge the rest', async () => {
    const fetchOdd = async (url: string, init?: Parameters<typeof fetch>[1]): Promise<Response> => {
      if (url.includes('/simplehosting/instances')) {
        return new Response(JSON.stringify([{ name: 'ok-one', status: 'paused' }, { unexpected: true }]), { status: 200, headers: { 'content-type': 'application/json', 'total-count': '2' } });
      }
      return fetch(url, init);
    };
    const report = await run({ fetch: fetchOdd });
    expect(byCheck(report).hosting).toMatchObject({
      outcome: 'problem',
      coverage: { checked: 1, total: 2 },
      notChecked: { reason: 'unexpected-answer', detail: '1 of 2 not understood' },
    });
  });
});

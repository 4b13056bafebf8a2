// `--watch --metrics --account`: the Gandi account report as metrics, from the simulated Gandi API
// over real HTTP; the text passes `promtool check metrics` where it is installed.
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../main/cli/args';
import { runCli } from '../../../main/cli/cli';
import type { CliIo } from '../../../main/cli/io';
import { accountMetrics } from '../../../main/core/account-metrics';
import { SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../../simulator/gandi-api';
import { startSimulator, type Simulator } from '../../simulator/server';

let api: GandiApiSimulator;
let status: Simulator;
let dir: string;
beforeAll(async () => {
  // The fixtures' dates moved to today, so what expires in them expires from now.
  api = await startGandiApiSimulator({ now: () => new Date() });
  status = await startSimulator({ port: 0, scenario: 'all-clear' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-status-account-metrics-'));
});
afterAll(async () => {
  await api.close();
  await status.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** What runCli gets in these tests: the simulated Gandi API, the real clock, captured output. */
function watchIo(out: string[], err: string[], signal: AbortSignal, notifier?: CliIo['notifier']): CliIo {
  return {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    fetch: (target, init) => fetch(target, init),
    env: { GANDI_API_URL: api.url },
    now: () => new Date(),
    platform: 'linux',
    signal,
    ...(notifier ? { notifier } : {}),
  };
}

describe('--account', () => {
  it('is read strictly', () => {
    expect(parseArgs(['--watch', '--metrics', '9747', '--account', '--token-file', 't'])).toMatchObject({ account: true, tokenFile: 't' });
    expect(parseArgs(['--watch', '--account'])).toMatchObject({ account: true });
    // A token file is asking for the account to be checked.
    expect(parseArgs(['--watch', '--token-file', 't'])).toMatchObject({ account: true, tokenFile: 't' });
    expect(() => parseArgs(['--account'])).toThrow('--watch');
  });

  it('puts account.* events on the --watch stream, each once: not again after a restart', async () => {
    const tokenFile = path.join(dir, 'token-events');
    await fs.writeFile(tokenFile, `${SIM_TOKENS.all}\n`, { mode: 0o600 });
    const state = path.join(dir, 'events-state.json');
    const reportFile = path.join(dir, 'events-state-account.json');
    const checkedAt = () => fs.readFile(reportFile, 'utf8').then((text) => (JSON.parse(text) as { checkedAt: string }).checkedAt, () => null);
    async function watchOnce(json: boolean): Promise<{ out: string; err: string; notices: string[] }> {
      const before = await checkedAt();
      const out: string[] = [];
      const err: string[] = [];
      const notices: string[] = [];
      const controller = new AbortController();
      const exit = runCli(
        ['--watch', '--url', status.url, '--state', state, '--token-file', tokenFile, '--notify', ...(json ? ['--json'] : [])],
        watchIo(out, err, controller.signal, { notify: (notice) => notices.push(`${notice.title} | ${notice.message}`) }),
      );
      const end = Date.now() + 20_000;
      // The account report is written after each check: the run is over once it is there.
      while ((await checkedAt()) === before || !err.join('').includes('watching')) {
        if (Date.now() > end) throw new Error(`no account check: ${err.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      expect(await exit).toBe(0);
      return { out: out.join(''), err: err.join(''), notices };
    }

    const first = await watchOnce(true);
    const events = first.out.trim().split('\n').map((line) => JSON.parse(line) as { type: string; at: string; code?: string; subject?: string; severity?: string; url?: string });
    const account = events.filter((event) => event.type.startsWith('account.'));
    expect(account.map((event) => `${event.code} ${event.subject}`)).toContain('domain-expired expired-brand.com');
    expect(account.every((event) => event.type === 'account.finding' && (event.severity === 'warning' || event.severity === 'problem'))).toBe(true);
    expect(account.find((event) => event.code === 'domain-expired')?.url).toBe('https://admin.gandi.net/domain/');
    // Every line says when it was seen, a finding without a date (low credit) too.
    for (const event of account) expect(Number.isNaN(Date.parse(event.at)), JSON.stringify(event)).toBe(false);
    expect(first.notices.filter((notice) => notice.startsWith('Gandi account:'))).toHaveLength(account.length);
    for (const output of [first.out, first.err, ...first.notices]) expect(output).not.toContain(SIM_TOKENS.all);

    // Restarted after the next check is due: checked again, nothing announced again.
    const report = JSON.parse(await fs.readFile(reportFile, 'utf8')) as { checkedAt: string };
    await fs.writeFile(reportFile, JSON.stringify({ ...report, checkedAt: new Date(Date.now() - 7 * 3600_000).toISOString() }));
    const requestsBefore = api.requests.length;
    const second = await watchOnce(false);
    expect(api.requests.length).toBeGreaterThan(requestsBefore);
    expect(second.out).not.toContain('[account.');
    expect(second.notices.filter((notice) => notice.startsWith('Gandi account:'))).toEqual([]);
  }, 60_000);

  it('has every family, empty before the first report', () => {
    expect(accountMetrics(null).map((f) => [f.name, f.samples.length])).toEqual([
      ['gandi_account_last_check_timestamp_seconds', 0],
      ['gandi_account_check_outcome', 0],
      ['gandi_account_findings', 0],
      ['gandi_account_domain_expiry_timestamp_seconds', 0],
      ['gandi_account_mailbox_quota_ratio', 0],
      ['gandi_account_prepaid_credit', 0],
      ['gandi_account_simplehosting_instances_not_active', 0],
      ['gandi_account_certificate_expiry_timestamp_seconds', 0],
    ]);
  });

  it('serves what the account checks found, never the token', async () => {
    const tokenFile = path.join(dir, 'token');
    await fs.writeFile(tokenFile, `${SIM_TOKENS.all}\n`, { mode: 0o600 });
    const err: string[] = [];
    const controller = new AbortController();
    const exit = runCli(
      ['--watch', '--url', status.url, '--state', path.join(dir, 'state.json'), '--metrics', '127.0.0.1:0', '--account', '--token-file', tokenFile],
      watchIo([], err, controller.signal),
    );
    let text = '';
    try {
      const end = Date.now() + 20_000;
      while (!/^gandi_account_last_check_timestamp_seconds \d/m.test(text)) {
        if (Date.now() > end) throw new Error(`no account metrics: ${err.join('')} ${text}`);
        const address = /metrics on (http:\/\/\S+)/.exec(err.join(''))?.[1];
        if (address) text = await (await fetch(address)).text();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      controller.abort();
    }
    expect(await exit).toBe(0);
    expect(text).toMatch(/gandi_account_check_outcome\{check="domains",outcome="problem"\} 1/);
    expect(text).toMatch(/gandi_account_domain_expiry_timestamp_seconds\{domain="expired-brand\.com"\} \d+/);
    expect(text).toMatch(/gandi_account_mailbox_quota_ratio\{mailbox="contact@example-shop\.fr"\} 0\.97/);
    expect(text).not.toContain(SIM_TOKENS.all);
    expect(err.join('')).not.toContain(SIM_TOKENS.all);
    // The report is kept beside the state for the next start.
    expect(JSON.parse(await fs.readFile(path.join(dir, 'state-account.json'), 'utf8'))).toMatchObject({ account: { name: 'alice_martin' } });

    if (spawnSync('promtool', ['--version']).status !== 0) {
      console.log('skipped promtool check metrics: promtool not installed');
      return;
    }
    const lint = await new Promise<string>((resolve) => {
      const child = execFile('promtool', ['check', 'metrics'], (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
      child.stdin?.end(text);
    });
    expect(lint.trim()).toBe('');
  }, 40_000);
});

// `gandi-status account` run in-process against the simulated Gandi API over real HTTP: where the
// token comes from, the exit codes, the output, and that no output of any run ever holds the token
// or a transfer code.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli/cli';
import { parseArgs, ArgsError } from '../../../main/cli/args';
import { accountExitCode } from '../../../main/cli/account';
import { accountReportSchema, type AccountReport } from '../../../common/account';
import { FIXTURE_NOW, SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../../simulator/gandi-api';

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
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-account-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Everything a run wrote, on either stream. */
const outputs: string[] = [];

async function account(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    fetch: (url, init) => fetch(url, init),
    env: { GANDI_API_URL: sim.url, ...env },
    now: () => FIXTURE_NOW,
    platform: 'linux',
  };
  const code = await runCli(['account', ...args], io);
  outputs.push(stdout, stderr);
  return { code, stdout, stderr };
}

async function tokenFile(token: string, mode = 0o600): Promise<string> {
  const file = path.join(dir, 'token');
  await fs.writeFile(file, `${token}\n`, { mode });
  await fs.chmod(file, mode);
  return file;
}

describe('gandi-status account: arguments', () => {
  it('reads --token-file and --json strictly', () => {
    expect(parseArgs(['account', '--token-file', 'f', '--json'])).toMatchObject({ mode: 'account', tokenFile: 'f', json: true });
    expect(parseArgs(['account', '--token-file=f'])).toMatchObject({ tokenFile: 'f' });
    expect(parseArgs(['account'])).toMatchObject({ mode: 'account', tokenFile: null, json: false });
    expect(() => parseArgs(['account', '--token-file'])).toThrow(ArgsError);
    expect(() => parseArgs(['account', '--url', 'x'])).toThrow(/unknown option --url/);
    expect(() => parseArgs(['account', 'extra'])).toThrow(/unexpected argument/);
  });
});

describe('gandi-status account', () => {
  it("prints the findings of Gandi's examples and exits 2 for the problems", async () => {
    const { code, stdout, stderr } = await account(['--token-file', await tokenFile(SIM_TOKENS.all)]);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expect(stdout).toContain('Gandi account alice_martin, checked 2026-12-01T12:00:00.000Z');
    expect(stdout).toContain('  domains         PROBLEM (4/4)\n      - expired-brand.com expired 12 days ago');
    expect(stdout).toContain('      · the zone of example-shop.fr changed 2 h ago\n      (not on LiveDNS: external-dns.org)\n');
    expect(stdout).toContain('  mailboxes       WARNING (4/4)\n      - contact@example-shop.fr is 97 % full');
  });

  it('takes the token from GANDI_PAT, and says which permission a check lacks', async () => {
    const { code, stdout } = await account([], { GANDI_PAT: SIM_TOKENS.noBilling });
    expect(code).toBe(2);
    expect(stdout).toContain('  prepaid credit  not checked: the token lacks the permission "Access to the billing interface"');
  });

  it('exits 0 when all is fine, with --json the report', async () => {
    sim.setScenario('all-fine');
    const { code, stdout } = await account(['--json'], { GANDI_PAT: SIM_TOKENS.all });
    expect(code).toBe(0);
    const report = accountReportSchema.parse(JSON.parse(stdout));
    expect(report.overall).toBe('ok');
  });

  it('exits 3 when the token is refused, or the API cannot be reached', async () => {
    const refused = await account([], { GANDI_PAT: 'sim-pat-unknown-0000000000' });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('not checked: the token was refused or has expired; create a new one');
    const away = await account([], { GANDI_PAT: SIM_TOKENS.all, GANDI_API_URL: 'http://127.0.0.1:1/v5/' });
    expect(away.code).toBe(3);
    expect(away.stdout).toContain("not checked: Gandi's API could not be reached");
  });

  it('exits 1 for warnings only', () => {
    const report: AccountReport = {
      checkedAt: FIXTURE_NOW.toISOString(),
      account: null,
      overall: 'warning',
      checks: [{ check: 'credit', outcome: 'warning', findings: [], checkedAt: null, notChecked: null, coverage: null }],
      usage: { registeredDomains: null, liveDnsDomains: null, otherDnsDomains: null, mailDomains: null, hosting: null },
      requests: 1,
    };
    expect(accountExitCode(report)).toBe(1);
  });

  it('refuses a token file others can read, and says how to fix it', async () => {
    const file = await tokenFile(SIM_TOKENS.all, 0o644);
    const { code, stderr, stdout } = await account(['--token-file', file]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(`gandi-status: the token file ${file} can be read by other users; refused. Make it yours alone: chmod 600 ${file}\n`);
  });

  it('says where to get a token when there is none', async () => {
    const { code, stderr } = await account([]);
    expect(code).toBe(3);
    expect(stderr).toContain('no Gandi token: use --token-file FILE or set GANDI_PAT');
    expect(stderr).toContain('https://admin.gandi.net/organizations/account/pat');
  });

  it('never writes the token or a transfer code, in any output of any run', async () => {
    outputs.length = 0;
    sim.setScenario('hostile');
    const file = await tokenFile(SIM_TOKENS.all);
    const text = await account(['--token-file', file]);
    const json = await account(['--token-file', file, '--json']);
    // The hostile API echoed the token in the account's name: blanked, and the control characters gone.
    expect(JSON.parse(json.stdout).account.name).toBe('alice [hidden]');
    expect(text.stdout).toContain('Gandi account alice [hidden],');
    await account([], { GANDI_PAT: SIM_TOKENS.noBilling });
    await account(['--json'], { GANDI_PAT: SIM_TOKENS.domainsOnly });
    sim.setFault({ kind: '403-not-json' });
    await account(['--json'], { GANDI_PAT: SIM_TOKENS.all });
    sim.setFault({ kind: '429-retry-after', path: 'billing', times: 1 });
    await account(['--json'], { GANDI_PAT: SIM_TOKENS.all });
    sim.setFault({ kind: 'not-json', path: 'livedns' });
    await account(['--json'], { GANDI_PAT: SIM_TOKENS.all });
    sim.setFault(null);
    await account(['--json'], { GANDI_PAT: 'sim-pat-refused-token-123456' });
    await account([], { GANDI_PAT: SIM_TOKENS.all, GANDI_API_URL: 'http://127.0.0.1:1/v5/' });
    await account(['--token-file', await tokenFile(SIM_TOKENS.all, 0o640)]);
    const everything = outputs.join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of [...Object.values(SIM_TOKENS), 'sim-pat-refused-token-123456', 'sim-pat-0123456789abcdef', 'NOT-A-REAL-AUTHCODE', 'authinfo']) {
      expect(everything, secret).not.toContain(secret);
    }
  }, 60_000);
});

// `gandi-status account`: the user's Gandi account checked through the API v5 (step 2 of Gandi's
// support procedure), printed as lines or JSON, with an exit code for monitoring. Neither the token
// nor anything secret the API returns reaches the output.
import { ACCOUNT_CHECKS, type AccountReport, type CheckResult, type NotChecked } from '../../common/account';
import { checkAccount } from '../core/account/account-check';
import type { CliOptions } from './args';
import { ArgsError } from './args';
import { findToken, NO_TOKEN_MESSAGE } from './account-token';
import { clean } from './format';
import type { CliIo } from './io';

export const ACCOUNT_EXIT = { ok: 0, warning: 1, problem: 2, unknown: 3 } as const;

/** 2 any problem, 1 any warning, 3 token refused, API out of reach or nothing checked, 0 otherwise. */
export function accountExitCode(report: AccountReport): number {
  const outcomes = report.checks.map((check) => check.outcome);
  if (outcomes.includes('problem')) return ACCOUNT_EXIT.problem;
  if (outcomes.includes('warning')) return ACCOUNT_EXIT.warning;
  const cut = report.checks.some((check) => check.notChecked?.reason === 'token-refused' || check.notChecked?.reason === 'api-unreachable');
  if (cut || report.overall === 'not-checked') return ACCOUNT_EXIT.unknown;
  return ACCOUNT_EXIT.ok;
}

const CHECK_LABELS: Record<(typeof ACCOUNT_CHECKS)[number], string> = {
  token: 'token',
  domains: 'domains',
  dns: 'DNS zones',
  mailboxes: 'mailboxes',
  credit: 'prepaid credit',
  hosting: 'Simple Hosting',
  certificates: 'certificates',
};

export function notCheckedText(notChecked: NotChecked): string {
  const detail = notChecked.detail ? ` (${clean(notChecked.detail)})` : '';
  switch (notChecked.reason) {
    case 'no-token':
      return 'not checked: no token';
    case 'permission-missing':
      return `not checked: the token lacks the permission "${notChecked.permission ?? '?'}"`;
    case 'token-refused':
      return 'not checked: the token was refused or has expired; create a new one';
    case 'api-unreachable':
      return `not checked: Gandi's API could not be reached${detail}`;
    case 'unexpected-answer':
      return `not checked: Gandi's API answered something unexpected${detail}`;
    case 'request-budget':
      return `not fully checked: the run's request budget ran out${detail}`;
    case 'needs-domains':
      return 'not checked: it needs the domain list, which could not be read';
  }
}

function checkLines(check: CheckResult): string[] {
  const label = CHECK_LABELS[check.check].padEnd(16);
  const state = check.outcome === 'not-checked' ? '' : check.outcome === 'ok' ? 'ok' : check.outcome.toUpperCase();
  const coverage = check.coverage && check.coverage.total > 0 ? ` (${check.coverage.checked}/${check.coverage.total})` : '';
  const why = check.notChecked ? `${state ? '; ' : ''}${notCheckedText(check.notChecked)}` : '';
  const lines = [`  ${label}${state}${coverage}${why}`];
  for (const finding of check.findings) {
    const mark = finding.severity === 'notice' ? '·' : '-';
    lines.push(`      ${mark} ${clean(finding.message)}`);
  }
  if (check.checkedAt !== null && check.notChecked !== null && check.findings.length > 0) lines.push(`      (known since ${check.checkedAt})`);
  return lines;
}

/** Domains a LiveDNS incident does not touch, said under the DNS check. */
function otherDnsLine(report: AccountReport): string[] {
  const others = report.usage.otherDnsDomains ?? [];
  if (others.length === 0) return [];
  const shown = others.slice(0, 5).map(clean).join(', ');
  return [`      (not on LiveDNS: ${shown}${others.length > 5 ? ` and ${others.length - 5} more` : ''})`];
}

export function formatAccount(report: AccountReport): string {
  const who = report.account ? `Gandi account ${clean(report.account.name)}` : 'Gandi account';
  const lines = report.checks.flatMap((check) => [...checkLines(check), ...(check.check === 'dns' ? otherDnsLine(report) : [])]);
  return [`${who}, checked ${report.checkedAt} (${report.requests} requests)`, ...lines, ''].join('\n');
}

export async function runAccount(options: CliOptions, io: CliIo): Promise<number> {
  const token = await findToken(options.tokenFile ?? null, io.env, io.platform ?? process.platform);
  if (token === null) throw new ArgsError(NO_TOKEN_MESSAGE);
  const report = await checkAccount({ token, fetch: io.fetch, env: io.env, now: io.now });
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAccount(report));
  return accountExitCode(report);
}

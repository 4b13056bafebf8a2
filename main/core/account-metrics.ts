// The Gandi account report as Prometheus metrics (`--watch --account`). The report holds findings,
// not an inventory: a domain, mailbox, credit or certificate appears only once it needs attention
// (expiring within 30 days without automatic renewal, 90 % full, below the credit threshold...), so
// each series says "this needs attention, here is the figure", and its absence "nothing to say".
import { ACCOUNT_CHECKS, CHECK_OUTCOMES, type AccountReport, type FindingCode } from '../../common/account';
import type { MetricFamily } from './metrics-model';

export const ACCOUNT_METRIC_PREFIX = 'gandi_account_';

function family(name: string, help: string, labelNames: readonly string[]): MetricFamily {
  return { name: `${ACCOUNT_METRIC_PREFIX}${name}`, help, type: 'gauge', labelNames, samples: [] };
}

function seconds(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

/** Every account family, always present (empty without a report). */
export function accountMetrics(report: AccountReport | null): MetricFamily[] {
  const lastCheck = family('last_check_timestamp_seconds', 'When the account was last checked through Gandi\'s API (Unix time).', []);
  const outcome = family('check_outcome', 'Outcome of each account check, one series per outcome: 1 for the current one.', ['check', 'outcome']);
  const findings = family('findings', 'What the account checks found, by check and severity.', ['check', 'severity']);
  const domainExpiry = family('domain_expiry_timestamp_seconds', 'When a domain that needs attention expires or expired (Unix time): ending within 30 days without automatic renewal, or expired.', ['domain']);
  const mailboxRatio = family('mailbox_quota_ratio', 'Share of its quota a mailbox uses, for mailboxes at least 90 % full (0 to 1).', ['mailbox']);
  const credit = family('prepaid_credit', 'Prepaid credit left, when below its warning threshold or exhausted (the account\'s currency).', []);
  const notActive = family('simplehosting_instances_not_active', 'Simple Hosting instances paused, locked or waiting for a bill.', []);
  const certificateExpiry = family('certificate_expiry_timestamp_seconds', 'When a certificate that needs attention ends or ended (Unix time): within 30 days, or expired and not replaced.', ['certificate']);
  const all = [lastCheck, outcome, findings, domainExpiry, mailboxRatio, credit, notActive, certificateExpiry];
  if (report === null) return all;

  const at = seconds(report.checkedAt);
  if (at !== null) lastCheck.samples.push({ labels: {}, value: at });
  for (const check of ACCOUNT_CHECKS) {
    const result = report.checks.find((each) => each.check === check);
    const current = result?.outcome ?? 'not-checked';
    for (const each of CHECK_OUTCOMES) outcome.samples.push({ labels: { check, outcome: each }, value: each === current ? 1 : 0 });
    for (const severity of ['notice', 'warning', 'problem'] as const) {
      findings.samples.push({ labels: { check, severity }, value: result?.findings.filter((f) => f.severity === severity).length ?? 0 });
    }
  }
  const all_findings = report.checks.flatMap((check) => check.findings);
  const byCode = (...codes: FindingCode[]) => all_findings.filter((finding) => codes.includes(finding.code));
  for (const finding of byCode('domain-expiring', 'domain-expired')) {
    const ends = seconds(finding.at);
    if (ends !== null) domainExpiry.samples.push({ labels: { domain: finding.subject }, value: ends });
  }
  for (const finding of byCode('mailbox-full', 'mailbox-nearly-full')) {
    if (finding.amount !== null) mailboxRatio.samples.push({ labels: { mailbox: finding.subject }, value: finding.amount / 100 });
  }
  const [low] = byCode('credit-low', 'credit-exhausted');
  if (low?.amount !== null && low?.amount !== undefined) credit.samples.push({ labels: {}, value: low.amount });
  if (report.checks.some((check) => check.check === 'hosting' && check.outcome !== 'not-checked')) {
    notActive.samples.push({ labels: {}, value: byCode('instance-stopped').length });
  }
  for (const finding of byCode('certificate-expiring', 'certificate-expired')) {
    const ends = seconds(finding.at);
    if (ends !== null) certificateExpiry.samples.push({ labels: { certificate: finding.subject }, value: ends });
  }
  return all;
}

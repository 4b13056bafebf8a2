// What the API's answers mean for the user: each check as a pure function from answers to findings,
// so each is tested as a table. No fetching here (see account-check.ts).
import type { AccountCheck, Finding, FindingCode, FindingSeverity } from '../../../common/account';
import { apiDate, type ApiCertificate, type ApiDomain, type ApiInstance, type ApiMailbox } from './api-schemas';
import { percentUsed } from './mailbox-quota';

const DAY_MS = 24 * 60 * 60 * 1000;

export const THRESHOLDS = {
  /** Expiries (domains, instances, certificates) are said from this many days ahead... */
  expiryWarningDays: 30,
  /** ...and said again when they cross these. */
  expiryReminderDays: [7, 1],
  /** A zone change younger than this is worth knowing when something misbehaves. */
  zoneChangeHours: 48,
  mailboxWarningPercent: 90,
  mailboxFullPercent: 100,
  /** An expired certificate older than this is history, not a current cause. */
  certificateExpiredForgetDays: 90,
} as const;

const HOLD_STATUSES = new Set(['clientHold', 'serverHold']);
const STOPPED_INSTANCE_STATUSES = new Set(['paused', 'locked', 'waiting_bill']);

/** Whole days from `now` to `at` (negative: past), truncated toward zero. */
export function daysBetween(now: Date, at: Date): number {
  // `+ 0` turns -0 into 0: the report goes through JSON, which cannot tell them apart.
  return Math.trunc((at.getTime() - now.getTime()) / DAY_MS) + 0;
}

/** Which reminder an expiry `days` ahead is at: the key changes at 30, 7 and 1 days, and on expiry. */
function expiryStage(days: number): string {
  if (days < 0) return 'expired';
  const reminder = [...THRESHOLDS.expiryReminderDays].sort((a, b) => a - b).find((limit) => days <= limit);
  return `${reminder ?? THRESHOLDS.expiryWarningDays}d`;
}

interface FindingInput {
  check: AccountCheck;
  code: FindingCode;
  severity: FindingSeverity;
  subject: string;
  at?: Date | null;
  amount?: number | null;
  message: string;
  /** Part of the key besides code and subject (an expiry stage, a change time). */
  stage?: string;
}

function finding(input: FindingInput, now: Date): Finding {
  const at = input.at ?? null;
  return {
    check: input.check,
    code: input.code,
    severity: input.severity,
    subject: input.subject,
    at: at === null ? null : at.toISOString(),
    days: at === null ? null : daysBetween(now, at),
    amount: input.amount ?? null,
    message: input.message,
    key: ['account', input.code, input.subject, input.stage].filter((part) => part !== undefined).join(':'),
  };
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return `in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} ago`;
}

function autorenewOn(domain: ApiDomain): boolean {
  const autorenew = domain.autorenew;
  if (typeof autorenew === 'boolean') return autorenew;
  return autorenew?.enabled === true;
}

export function evaluateDomains(domains: readonly ApiDomain[], now: Date): Finding[] {
  return domains.flatMap((domain) => {
    const found: Finding[] = [];
    const holds = domain.status.filter((status) => HOLD_STATUSES.has(status));
    if (holds.length > 0) {
      found.push(
        finding({ check: 'domains', code: 'domain-on-hold', severity: 'problem', subject: domain.fqdn, message: `${domain.fqdn} is on hold (${holds.join(', ')}): it does not resolve` }, now),
      );
    }
    const ends = apiDate(domain.dates.registry_ends_at);
    if (ends === null) return found;
    const days = daysBetween(now, ends);
    if (ends.getTime() <= now.getTime()) {
      found.push(finding({ check: 'domains', code: 'domain-expired', severity: 'problem', subject: domain.fqdn, at: ends, message: `${domain.fqdn} expired ${inDays(days)}`, stage: 'expired' }, now));
    } else if (days <= THRESHOLDS.expiryWarningDays && !autorenewOn(domain)) {
      found.push(
        finding(
          { check: 'domains', code: 'domain-expiring', severity: 'warning', subject: domain.fqdn, at: ends, message: `${domain.fqdn} expires ${inDays(days)} and is not renewed automatically`, stage: expiryStage(days) },
          now,
        ),
      );
    }
    return found;
  });
}

/** The newest automatic snapshot of a zone: a change under 48 h old is a notice. */
export function evaluateZoneChange(fqdn: string, newestAutomatic: Date | null, now: Date): Finding[] {
  if (newestAutomatic === null) return [];
  const ageMs = now.getTime() - newestAutomatic.getTime();
  if (ageMs < 0 || ageMs > THRESHOLDS.zoneChangeHours * 60 * 60 * 1000) return [];
  const hours = Math.round(ageMs / (60 * 60 * 1000));
  const ago = hours === 0 ? 'less than an hour ago' : `${hours} h ago`;
  return [
    finding(
      { check: 'dns', code: 'zone-changed', severity: 'notice', subject: fqdn, at: newestAutomatic, message: `the zone of ${fqdn} changed ${ago}`, stage: newestAutomatic.toISOString() },
      now,
    ),
  ];
}

/** `capacityMb` of each mailbox type (known types and the domain's slots); a type without one is not judged. */
export function evaluateMailboxes(mailboxes: readonly ApiMailbox[], capacityMb: ReadonlyMap<string, number>, now: Date): Finding[] {
  return mailboxes.flatMap((mailbox) => {
    const capacity = capacityMb.get(mailbox.mailbox_type);
    if (capacity === undefined) return [];
    const percent = Math.round(percentUsed(mailbox.quota_used, capacity));
    if (percent >= THRESHOLDS.mailboxFullPercent) {
      return [finding({ check: 'mailboxes', code: 'mailbox-full', severity: 'problem', subject: mailbox.address, amount: percent, message: `${mailbox.address} is full (${percent} %): new mail is refused` }, now)];
    }
    if (percent >= THRESHOLDS.mailboxWarningPercent) {
      return [finding({ check: 'mailboxes', code: 'mailbox-nearly-full', severity: 'warning', subject: mailbox.address, amount: percent, message: `${mailbox.address} is ${percent} % full` }, now)];
    }
    return [];
  });
}

export interface Prepaid {
  amount?: number | null | undefined;
  warning_threshold?: number | null | undefined;
  currency?: string | null | undefined;
}

export function evaluateCredit(prepaid: Prepaid | null | undefined, now: Date): Finding[] {
  const amount = prepaid?.amount;
  if (amount === null || amount === undefined) return [];
  const money = `${amount.toFixed(2)}${prepaid?.currency ? ` ${prepaid.currency}` : ''}`;
  if (amount <= 0) {
    return [finding({ check: 'credit', code: 'credit-exhausted', severity: 'problem', subject: 'prepaid', amount, message: `the prepaid credit is exhausted (${money}): renewals paid from it fail` }, now)];
  }
  const threshold = prepaid?.warning_threshold;
  if (threshold !== null && threshold !== undefined && amount < threshold) {
    return [finding({ check: 'credit', code: 'credit-low', severity: 'warning', subject: 'prepaid', amount, message: `the prepaid credit is low (${money}, below ${threshold})` }, now)];
  }
  return [];
}

export function evaluateInstances(instances: readonly ApiInstance[], now: Date): Finding[] {
  return instances.flatMap((instance) => {
    const expires = apiDate(instance.expire_at);
    const days = expires === null ? null : daysBetween(now, expires);
    const expired = expires !== null && expires.getTime() <= now.getTime();
    if (STOPPED_INSTANCE_STATUSES.has(instance.status)) {
      const why = expired && days !== null ? `, expired ${inDays(days)}` : '';
      return [
        finding(
          { check: 'hosting', code: 'instance-stopped', severity: 'problem', subject: instance.name, at: expires, message: `the instance ${instance.name} is ${instance.status.replace('_', ' ')}${why}`, stage: instance.status },
          now,
        ),
      ];
    }
    if (expires === null || days === null) return [];
    if (expired) {
      return [finding({ check: 'hosting', code: 'instance-expired', severity: 'problem', subject: instance.name, at: expires, message: `the instance ${instance.name} expired ${inDays(days)}`, stage: 'expired' }, now)];
    }
    if (days <= THRESHOLDS.expiryWarningDays) {
      return [
        finding({ check: 'hosting', code: 'instance-expiring', severity: 'warning', subject: instance.name, at: expires, message: `the instance ${instance.name} expires ${inDays(days)}`, stage: expiryStage(days) }, now),
      ];
    }
    return [];
  });
}

export function evaluateCertificates(certificates: readonly ApiCertificate[], now: Date): Finding[] {
  // An expired certificate whose name has a valid one since was replaced: nothing to fix.
  const renewed = new Set(certificates.filter((c) => c.status === 'valid' && (apiDate(c.dates.ends_at)?.getTime() ?? 0) > now.getTime()).map((c) => c.cn));
  return certificates.flatMap((certificate) => {
    if (certificate.status !== 'valid' && certificate.status !== 'expired') return [];
    if (certificate.status === 'expired' && renewed.has(certificate.cn)) return [];
    const ends = apiDate(certificate.dates.ends_at);
    if (ends === null) return [];
    const days = daysBetween(now, ends);
    if (certificate.status === 'expired' || ends.getTime() <= now.getTime()) {
      if (-days > THRESHOLDS.certificateExpiredForgetDays) return [];
      return [
        finding({ check: 'certificates', code: 'certificate-expired', severity: 'problem', subject: certificate.cn, at: ends, message: `the certificate of ${certificate.cn} expired ${inDays(days)}`, stage: 'expired' }, now),
      ];
    }
    if (days <= THRESHOLDS.expiryWarningDays) {
      return [
        finding(
          { check: 'certificates', code: 'certificate-expiring', severity: 'warning', subject: certificate.cn, at: ends, message: `the certificate of ${certificate.cn} expires ${inDays(days)}`, stage: expiryStage(days) },
          now,
        ),
      ];
    }
    return [];
  });
}

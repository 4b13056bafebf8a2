// What changed in the account between two checks, as events to print (`--watch`) and to announce
// (notifications): a new finding, once (an expiry crossing 7 and then 1 days is a new finding, by
// its key), a finding gone, and a token that stopped being accepted. Pure. The previous report is
// the one kept on disk, so a restart announces nothing again.
import type { AccountCheck, AccountReport, CheckResult, Finding } from './account';

export interface AccountFindingEvent {
  type: 'account.finding' | 'account.cleared';
  /** When the check that saw it ended. */
  at: string;
  check: AccountCheck;
  finding: Finding;
  /** Stable: the same finding keeps it, across runs and restarts. */
  key: string;
}

export interface AccountTokenEvent {
  type: 'account.token-refused';
  at: string;
  key: string;
}

export type AccountEvent = AccountFindingEvent | AccountTokenEvent;

/** Notices (a zone changed 2 h ago) are worth seeing when something misbehaves, not an alert. */
function worthAnnouncing(finding: Finding): boolean {
  return finding.severity !== 'notice';
}

/**
 * What a finding is about, whatever it says of it: "expires in 7 days", "in 1 day" and "expired"
 * are one thing, cleared only when nothing more is said of it.
 */
function identity(finding: Finding): string {
  return `${finding.check}|${finding.subject}`;
}

/** Checked in this very run (not carried from an earlier one because this run failed). */
function checkedNow(result: CheckResult, report: AccountReport): boolean {
  return result.notChecked === null && result.checkedAt === report.checkedAt;
}

function tokenRefused(report: AccountReport | null): boolean {
  return report?.checks.some((result) => result.check === 'token' && result.notChecked?.reason === 'token-refused') ?? false;
}

export function accountEventsBetween(previous: AccountReport | null, next: AccountReport): AccountEvent[] {
  const events: AccountEvent[] = [];
  if (tokenRefused(next) && !tokenRefused(previous)) {
    events.push({ type: 'account.token-refused', at: next.checkedAt, key: `account.token-refused|${next.checkedAt}` });
  }
  const before = previous?.checks.flatMap((result) => result.findings) ?? [];
  const knownKeys = new Set(before.map((finding) => finding.key));
  for (const result of next.checks) {
    for (const finding of result.findings) {
      if (!worthAnnouncing(finding) || knownKeys.has(finding.key)) continue;
      events.push({ type: 'account.finding', at: next.checkedAt, check: result.check, finding, key: `account.finding|${finding.key}` });
    }
    // Gone only when this run looked and did not see it: a failed check says nothing of it.
    if (!checkedNow(result, next)) continue;
    const still = new Set(result.findings.map(identity));
    for (const finding of before) {
      if (finding.check !== result.check || !worthAnnouncing(finding) || still.has(identity(finding))) continue;
      events.push({ type: 'account.cleared', at: next.checkedAt, check: result.check, finding, key: `account.cleared|${finding.key}|${next.checkedAt}` });
    }
  }
  return events;
}

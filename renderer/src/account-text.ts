// The account checks in the window's words: a check's name, its outcome, why it was not checked,
// and each finding from its fields. Shared by the support panel and the ticket summary.
import type { AccountCheck, CheckResult, Finding } from '../../common/account';
import type { Language, Translate } from './i18n/messages';
import { formatRelative } from './time/format';

export function findingText(finding: Finding, t: Translate, lang: Language, now: number): string {
  const at = finding.at === null ? NaN : Date.parse(finding.at);
  const amount = finding.amount === null ? '' : finding.amount.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
  return t(`account.finding.${finding.code}`, {
    subject: finding.subject,
    days: finding.days ?? '?',
    amount,
    ago: Number.isNaN(at) ? '' : formatRelative(at, now, lang),
  });
}

export function notCheckedText(result: CheckResult, t: Translate): string | null {
  const why = result.notChecked;
  if (why === null) return null;
  return t(`account.reason.${why.reason}`, { permission: why.permission ?? '?', detail: why.detail ? ` (${why.detail})` : '' });
}

export function checkName(check: AccountCheck, t: Translate): string {
  return t(`account.check.${check}`);
}

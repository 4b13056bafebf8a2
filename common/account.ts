// The user's Gandi account as checked through Gandi's API v5 (step 2 of Gandi's support procedure):
// the report's shape, shared by the core that makes it, the command that prints it and the window
// that shows it. A report never holds a secret: no token, no transfer code.
import { z } from 'zod';
import { LIMITS } from './limits';

/** The checks, in the order the support panel lists them. */
export const ACCOUNT_CHECKS = ['token', 'domains', 'dns', 'mailboxes', 'credit', 'hosting', 'certificates'] as const;
export type AccountCheck = (typeof ACCOUNT_CHECKS)[number];

/** `ok` checked and fine; `not-checked` nothing known (see `notChecked` for why). */
export const CHECK_OUTCOMES = ['ok', 'warning', 'problem', 'not-checked'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** `notice`: worth knowing when something misbehaves (a zone changed 2 h ago), not a fault. */
export const FINDING_SEVERITIES = ['notice', 'warning', 'problem'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_CODES = [
  'domain-expired',
  'domain-expiring',
  'domain-on-hold',
  'zone-changed',
  'mailbox-full',
  'mailbox-nearly-full',
  'credit-exhausted',
  'credit-low',
  'instance-stopped',
  'instance-expired',
  'instance-expiring',
  'certificate-expired',
  'certificate-expiring',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const NOT_CHECKED_REASONS = [
  'no-token',
  /** 403: the token lacks `permission`. */
  'permission-missing',
  /** 401: the token is rejected or expired. */
  'token-refused',
  /** No answer, 5xx or 429 after the retries. */
  'api-unreachable',
  /** An answer of a shape not understood. */
  'unexpected-answer',
  /** The run's request budget ran out before this check (or part of it). */
  'request-budget',
  /** It needs the domain list, which could not be read (see the domains check). */
  'needs-domains',
] as const;
export type NotCheckedReason = (typeof NOT_CHECKED_REASONS)[number];

/**
 * The Gandi permission (as admin.gandi.net names it when creating a token) each check needs. The
 * organization, domain, LiveDNS and certificate names are quoted by public clients of the API; the
 * mailbox, billing and Simple Hosting ones are unconfirmed wordings of what the page offers.
 */
export const CHECK_PERMISSIONS: Record<AccountCheck, string> = {
  token: 'View organization',
  domains: 'See and renew domain names',
  dns: 'Manage domain name technical configurations',
  mailboxes: 'See and manage mailboxes',
  credit: 'Access to the billing interface',
  hosting: 'See and renew Simple Hosting instances',
  certificates: 'See & download SSL certificates',
};

/** Where to create a token. */
export const TOKEN_PAGE_URL = 'https://admin.gandi.net/organizations/account/pat';

/**
 * The admin.gandi.net section that fixes each kind of finding. Section pages, not deep links: the
 * deep-link scheme is not documented, and a guessed link that 404s is worse than a section.
 */
export const FIX_PAGES = {
  token: TOKEN_PAGE_URL,
  domains: 'https://admin.gandi.net/domain/',
  dns: 'https://admin.gandi.net/domain/',
  mailboxes: 'https://admin.gandi.net/domain/',
  credit: 'https://admin.gandi.net/billing/',
  hosting: 'https://admin.gandi.net/simplehosting/',
  certificates: 'https://admin.gandi.net/certificates/',
} as const satisfies Record<AccountCheck, string>;

const name = z.string().max(LIMITS.nameChars);
const time = z.string().max(LIMITS.timeChars);
const names = z.array(name).max(LIMITS.servicesPerItem);

export const findingSchema = z.object({
  check: z.enum(ACCOUNT_CHECKS),
  code: z.enum(FINDING_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  /** What it is about: a domain, a mailbox address, an instance name, a certificate's name. */
  subject: name,
  /** The date it is about (expiry, change), when there is one. */
  at: time.nullable(),
  /** Whole days from the check to `at` (negative: past), when `at` is set. */
  days: z.number().int().nullable(),
  /** Per cent used, for mailboxes; the amount left, for credit. */
  amount: z.number().finite().nullable(),
  /** One English sentence; the window may say it in its own words from the fields above. */
  message: z.string().max(LIMITS.bodyChars),
  /**
   * Stable identity for "announced once": the same finding keeps its key; an expiry crossing 7 and
   * then 1 days gets a new one each time.
   */
  key: z.string().max(LIMITS.keyChars),
});
export type Finding = z.infer<typeof findingSchema>;

export const notCheckedSchema = z.object({
  reason: z.enum(NOT_CHECKED_REASONS),
  /** For `permission-missing`: the permission to add to the token. */
  permission: name.nullable(),
  /** Words said the same in every language ("HTTP 503", "ECONNREFUSED"), or null. */
  detail: z.string().max(LIMITS.detailChars).nullable(),
});
export type NotChecked = z.infer<typeof notCheckedSchema>;

export const checkResultSchema = z.object({
  check: z.enum(ACCOUNT_CHECKS),
  /** The worst known state: from this run, or carried from an earlier one when this run failed. */
  outcome: z.enum(CHECK_OUTCOMES),
  findings: z.array(findingSchema).max(5_000),
  /** When `findings` were established; older than the report's `checkedAt` when carried. */
  checkedAt: time.nullable(),
  /** Why this run could not check it (fully), or null. Findings may still be carried. */
  notChecked: notCheckedSchema.nullable(),
  /** Items looked at out of those there are (domains, mailboxes...); null where it does not apply. */
  coverage: z.object({ checked: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** What of Gandi the account uses: what "does it affect me?" matches against status components. */
export const accountUsageSchema = z.object({
  /** Domains registered at Gandi (null: not known). */
  registeredDomains: names.nullable(),
  /** Domains whose zone is served by LiveDNS. */
  liveDnsDomains: names.nullable(),
  /** Domains on other name servers (a LiveDNS incident does not touch them). */
  otherDnsDomains: names.nullable(),
  /** Domains with Gandi mailboxes. */
  mailDomains: names.nullable(),
  /** Simple Hosting instances by datacenter code (FR-SD5...). */
  hosting: z.array(z.object({ datacenter: name, instances: names })).max(100).nullable(),
});
export type AccountUsage = z.infer<typeof accountUsageSchema>;

export const accountReportSchema = z.object({
  /** When this run ended. */
  checkedAt: time,
  /** The account's name (user-info), when the token was accepted. */
  account: z.object({ id: name, name }).nullable(),
  /** The worst outcome over the checks, `not-checked` only when nothing at all is known. */
  overall: z.enum(CHECK_OUTCOMES),
  /** One per check, in `ACCOUNT_CHECKS` order. */
  checks: z.array(checkResultSchema).max(ACCOUNT_CHECKS.length),
  usage: accountUsageSchema,
  /** HTTP requests this run made (retries included). */
  requests: z.number().int().min(0),
});
export type AccountReport = z.infer<typeof accountReportSchema>;

const SEVERITY_OUTCOME: Record<FindingSeverity, CheckOutcome> = { notice: 'ok', warning: 'warning', problem: 'problem' };

/** The outcome of findings that were checked: the worst severity, `ok` for none or only notices. */
export function outcomeOfFindings(findings: readonly Finding[]): CheckOutcome {
  return worstOutcome(findings.map((finding) => SEVERITY_OUTCOME[finding.severity]), 'ok');
}

const OUTCOME_RANK: Record<CheckOutcome, number> = { 'not-checked': 0, ok: 1, warning: 2, problem: 3 };

/** The worst of outcomes; `empty` when there are none. */
export function worstOutcome(outcomes: readonly CheckOutcome[], empty: CheckOutcome): CheckOutcome {
  let worst: CheckOutcome | null = null;
  for (const outcome of outcomes) if (worst === null || OUTCOME_RANK[outcome] > OUTCOME_RANK[worst]) worst = outcome;
  return worst ?? empty;
}

// One run of the account checks: the token first (it names the account; refused, nothing else is
// asked), then every check side by side, each failing on its own: a 403 marks only its check, and
// a check that cannot run keeps what an earlier run knew rather than saying "fine".
import {
  ACCOUNT_CHECKS,
  CHECK_PERMISSIONS,
  outcomeOfFindings,
  worstOutcome,
  type AccountCheck,
  type AccountReport,
  type AccountUsage,
  type CheckResult,
  type Finding,
  type NotChecked,
  type NotCheckedReason,
} from '../../../common/account';
import type { Clock, FetchLike } from '../ports';
import { createGandiApi, gandiApiBase, GandiApiError, type Collection, type GandiApi, type GandiApiOptions } from './gandi-api';
import {
  apiDate,
  billingInfoSchema,
  certificateSchema,
  domainSchema,
  instanceSchema,
  mailboxSchema,
  mailSlotsSchema,
  snapshotsSchema,
  userInfoSchema,
  type ApiDomain,
  type ApiMailbox,
} from './api-schemas';
import { evaluateCertificates, evaluateCredit, evaluateDomains, evaluateInstances, evaluateMailboxes, evaluateZoneChange } from './evaluations';
import { KNOWN_MAILBOX_CAPACITY_MB } from './mailbox-quota';

export interface AccountCheckOptions {
  /** Null: no token given; every check is `not-checked: no-token`. */
  token: string | null;
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  now?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Bounds of the client (tests lower them). */
  limits?: Pick<GandiApiOptions, 'maxRequests' | 'maxPages' | 'perPage' | 'timeoutMs' | 'retries' | 'minIntervalMs'>;
  /** The last report: what a check that cannot run now still knows. */
  previous?: AccountReport | null;
}

/** Per-domain requests in flight at once (the client spaces them anyway). */
const DOMAIN_CONCURRENCY = 4;

/** A check's run: its findings, how much it covered, and why it stopped short, if it did. */
interface CheckRun {
  findings: Finding[];
  coverage: { checked: number; total: number } | null;
  notChecked: NotChecked | null;
}

export function notCheckedOf(check: AccountCheck, error: unknown): NotChecked {
  if (!(error instanceof GandiApiError)) return { reason: 'unexpected-answer', permission: null, detail: null };
  const reason: Record<GandiApiError['kind'], NotCheckedReason> = {
    unauthorized: 'token-refused',
    forbidden: 'permission-missing',
    'not-found': 'unexpected-answer',
    unreachable: 'api-unreachable',
    unexpected: 'unexpected-answer',
    budget: 'request-budget',
  };
  return {
    reason: reason[error.kind],
    permission: error.kind === 'forbidden' ? CHECK_PERMISSIONS[check] : null,
    detail: error.detail,
  };
}

function failed(check: AccountCheck, error: unknown): CheckRun {
  return { findings: [], coverage: null, notChecked: notCheckedOf(check, error) };
}

/** Runs `work` on each item, a few at once, until done or one throws a GandiApiError (the rest are skipped). */
async function eachDomain<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<{ done: number; error: unknown }> {
  let next = 0;
  let done = 0;
  let error: unknown = null;
  async function worker(): Promise<void> {
    while (error === null && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
        done += 1;
      } catch (caught) {
        if (error === null) error = caught;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(DOMAIN_CONCURRENCY, items.length) }, worker));
  return { done, error };
}

function isNotFound(error: unknown): boolean {
  return error instanceof GandiApiError && error.kind === 'not-found';
}

/**
 * How much of a collection was read: items left out for not fitting say the answer was not fully
 * understood; a list cut by the page bound says the budget ran out.
 */
function listCoverage(list: Collection<unknown>): Pick<CheckRun, 'coverage' | 'notChecked'> {
  const total = Math.max(list.total ?? 0, list.items.length + list.skipped);
  const coverage = { checked: list.items.length, total };
  if (list.skipped > 0) return { coverage, notChecked: { reason: 'unexpected-answer', permission: null, detail: `${list.skipped} of ${total} not understood` } };
  if (!list.complete) return { coverage, notChecked: { reason: 'request-budget', permission: null, detail: `${list.items.length} of ${total}` } };
  return { coverage, notChecked: null };
}

interface DomainList {
  domains: ApiDomain[];
  run: CheckRun;
}

async function readDomains(api: GandiApi, now: Date): Promise<DomainList | CheckRun> {
  try {
    const list = await api.getAll('domain/domains', domainSchema);
    return { domains: list.items, run: { findings: evaluateDomains(list.items, now), ...listCoverage(list) } };
  } catch (error) {
    return failed('domains', error);
  }
}

async function checkZones(api: GandiApi, liveDns: readonly string[], offLiveDns: Set<string>, now: Date): Promise<CheckRun> {
  const findings: Finding[] = [];
  const { done, error } = await eachDomain(liveDns, async (fqdn) => {
    try {
      const snapshots = await api.get(`livedns/domains/${encodeURIComponent(fqdn)}/snapshots`, snapshotsSchema, {
        automatic: 'true',
        sort_by: '-date_created',
        per_page: '1',
      });
      const newest = snapshots.map((snapshot) => apiDate(snapshot.created_at)).find((at) => at !== null) ?? null;
      findings.push(...evaluateZoneChange(fqdn, newest, now));
    } catch (caught) {
      // The zone is not in LiveDNS after all: a LiveDNS incident does not touch it.
      if (isNotFound(caught)) offLiveDns.add(fqdn);
      else throw caught;
    }
  });
  return { findings, coverage: { checked: done, total: liveDns.length }, notChecked: error === null ? null : notCheckedOf('dns', error) };
}

async function checkMailboxes(api: GandiApi, fqdns: readonly string[], mailDomains: string[], now: Date): Promise<CheckRun> {
  const findings: Finding[] = [];
  const { done, error } = await eachDomain(fqdns, async (fqdn) => {
    let mailboxes: ApiMailbox[];
    try {
      mailboxes = (await api.getAll(`email/mailboxes/${encodeURIComponent(fqdn)}`, mailboxSchema)).items;
    } catch (caught) {
      if (isNotFound(caught)) return; // no mail on this domain
      throw caught;
    }
    if (mailboxes.length === 0) return;
    mailDomains.push(fqdn);
    const capacity = new Map(Object.entries(KNOWN_MAILBOX_CAPACITY_MB));
    // Types Gandi documents no size for (standard_2023...): the domain's slots say it.
    if (mailboxes.some((mailbox) => !capacity.has(mailbox.mailbox_type))) {
      const slots = await api.get(`email/slots/${encodeURIComponent(fqdn)}`, mailSlotsSchema);
      for (const slot of slots) if (!capacity.has(slot.mailbox_type)) capacity.set(slot.mailbox_type, slot.capacity);
    }
    findings.push(...evaluateMailboxes(mailboxes, capacity, now));
  });
  return { findings, coverage: { checked: done, total: fqdns.length }, notChecked: error === null ? null : notCheckedOf('mailboxes', error) };
}

async function checkCredit(api: GandiApi, now: Date): Promise<CheckRun> {
  try {
    const info = await api.get('billing/info', billingInfoSchema);
    return { findings: evaluateCredit(info.prepaid, now), coverage: null, notChecked: null };
  } catch (error) {
    return failed('credit', error);
  }
}

async function checkHosting(api: GandiApi, now: Date, usage: { hosting: AccountUsage['hosting'] }): Promise<CheckRun> {
  try {
    const list = await api.getAll('simplehosting/instances', instanceSchema);
    const byDatacenter = new Map<string, string[]>();
    for (const instance of list.items) {
      const code = instance.datacenter?.code;
      if (code) byDatacenter.set(code, [...(byDatacenter.get(code) ?? []), instance.name]);
    }
    usage.hosting = [...byDatacenter].map(([datacenter, instances]) => ({ datacenter, instances }));
    return {
      findings: evaluateInstances(list.items, now),
      ...listCoverage(list),
    };
  } catch (error) {
    return failed('hosting', error);
  }
}

async function checkCertificates(api: GandiApi, now: Date): Promise<CheckRun> {
  try {
    const list = await api.getAll('certificate/issued-certs', certificateSchema);
    return {
      findings: evaluateCertificates(list.items, now),
      ...listCoverage(list),
    };
  } catch (error) {
    return failed('certificates', error);
  }
}

const EMPTY_USAGE: AccountUsage = { registeredDomains: null, liveDnsDomains: null, otherDnsDomains: null, mailDomains: null, hosting: null };

function everyCheck(notChecked: NotChecked): Record<AccountCheck, CheckRun> {
  const run = (): CheckRun => ({ findings: [], coverage: null, notChecked });
  return { token: run(), domains: run(), dns: run(), mailboxes: run(), credit: run(), hosting: run(), certificates: run() };
}

export async function checkAccount(options: AccountCheckOptions): Promise<AccountReport> {
  const now = options.now ?? (() => new Date());
  const previous = options.previous ?? null;
  if (options.token === null || options.token.trim() === '') {
    return assemble(everyCheck({ reason: 'no-token', permission: null, detail: null }), EMPTY_USAGE, null, 0, now(), null);
  }
  const token = options.token.trim();
  const api = createGandiApi({
    token,
    fetch: options.fetch,
    base: gandiApiBase(options.env),
    now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...options.limits,
  });
  const started = now();

  let account: AccountReport['account'] = null;
  let tokenRun: CheckRun;
  try {
    const info = await api.get('organization/user-info', userInfoSchema);
    account = { id: info.id, name: info.name ?? info.username ?? info.id };
    tokenRun = { findings: [], coverage: null, notChecked: null };
  } catch (error) {
    tokenRun = failed('token', error);
    // Refused or out of reach: asking further would only fail the same way.
    const reason = tokenRun.notChecked?.reason;
    if (reason === 'token-refused' || reason === 'api-unreachable') {
      const report = assemble(everyCheck(tokenRun.notChecked as NotChecked), EMPTY_USAGE, null, api.requests(), now(), previous);
      return withoutSecret(report, token);
    }
  }

  const usage: AccountUsage = { ...EMPTY_USAGE };
  const domainsFlow = async (): Promise<Pick<Record<AccountCheck, CheckRun>, 'domains' | 'dns' | 'mailboxes'>> => {
    const read = await readDomains(api, started);
    if (!('domains' in read)) {
      const needs: CheckRun = { findings: [], coverage: null, notChecked: { reason: 'needs-domains', permission: null, detail: null } };
      return { domains: read, dns: needs, mailboxes: needs };
    }
    const fqdns = read.domains.map((domain) => domain.fqdn);
    const liveDns = read.domains.filter((domain) => domain.nameserver?.current === 'livedns').map((domain) => domain.fqdn);
    const offLiveDns = new Set(fqdns.filter((fqdn) => !liveDns.includes(fqdn)));
    const mailDomains: string[] = [];
    const [dns, mailboxes] = await Promise.all([checkZones(api, liveDns, offLiveDns, started), checkMailboxes(api, fqdns, mailDomains, started)]);
    usage.registeredDomains = fqdns;
    usage.liveDnsDomains = liveDns.filter((fqdn) => !offLiveDns.has(fqdn));
    usage.otherDnsDomains = fqdns.filter((fqdn) => offLiveDns.has(fqdn));
    usage.mailDomains = mailboxes.notChecked === null ? mailDomains.sort() : null;
    return { domains: read.run, dns, mailboxes };
  };
  const [domainRuns, credit, hosting, certificates] = await Promise.all([
    domainsFlow(),
    checkCredit(api, started),
    checkHosting(api, started, usage),
    checkCertificates(api, started),
  ]);
  const runs: Record<AccountCheck, CheckRun> = { token: tokenRun, ...domainRuns, credit, hosting, certificates };
  return withoutSecret(assemble(runs, usage, account, api.requests(), now(), previous), token);
}

/** The report from the runs, each check keeping what `previous` knew when this run could not check it. */
export function assemble(
  runs: Record<AccountCheck, CheckRun>,
  usage: AccountUsage,
  account: AccountReport['account'],
  requests: number,
  at: Date,
  previous: AccountReport | null,
): AccountReport {
  const checkedAt = at.toISOString();
  const checks = ACCOUNT_CHECKS.map((check): CheckResult => {
    const run = runs[check];
    const current: CheckResult = {
      check,
      outcome: run.notChecked !== null && run.findings.length === 0 && (run.coverage?.checked ?? 0) === 0 ? 'not-checked' : outcomeOfFindings(run.findings),
      findings: run.findings,
      checkedAt: run.notChecked !== null && run.coverage === null ? null : checkedAt,
      notChecked: run.notChecked,
      coverage: run.coverage,
    };
    return carryKnown(current, previous?.checks.find((earlier) => earlier.check === check));
  });
  const merged: AccountUsage = previous === null ? usage : mergeUsage(usage, previous.usage);
  return {
    checkedAt,
    account: account ?? previous?.account ?? null,
    overall: worstOutcome(checks.map((check) => check.outcome), 'not-checked'),
    checks,
    usage: merged,
    requests,
  };
}

/**
 * A check this run could not finish keeps the findings an earlier run made (those not seen again),
 * so a failed run never turns a known problem into "fine". A finished check replaces them.
 */
export function carryKnown(current: CheckResult, earlier: CheckResult | undefined): CheckResult {
  if (current.notChecked === null || earlier === undefined || earlier.findings.length === 0) return current;
  const seen = new Set(current.findings.map((finding) => finding.key));
  const carried = earlier.findings.filter((finding) => !seen.has(finding.key));
  const findings = [...current.findings, ...carried];
  return {
    ...current,
    findings,
    outcome: worstOutcome([current.outcome, outcomeOfFindings(findings)], 'not-checked'),
    checkedAt: current.checkedAt ?? earlier.checkedAt,
  };
}

function mergeUsage(current: AccountUsage, earlier: AccountUsage): AccountUsage {
  return {
    registeredDomains: current.registeredDomains ?? earlier.registeredDomains,
    liveDnsDomains: current.liveDnsDomains ?? earlier.liveDnsDomains,
    otherDnsDomains: current.otherDnsDomains ?? earlier.otherDnsDomains,
    mailDomains: current.mailDomains ?? earlier.mailDomains,
    hosting: current.hosting ?? earlier.hosting,
  };
}

/**
 * The last guard: should the token ever have slipped into a text (an API echoing it back in a
 * name), it is blanked out before the report leaves the core.
 */
export function withoutSecret(report: AccountReport, secret: string): AccountReport {
  if (secret.length < 4) return report;
  const text = JSON.stringify(report);
  if (!text.includes(secret) && !text.includes(JSON.stringify(secret).slice(1, -1))) return report;
  return JSON.parse(text.split(JSON.stringify(secret).slice(1, -1)).join('[hidden]')) as AccountReport;
}

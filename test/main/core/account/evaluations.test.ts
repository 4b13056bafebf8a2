// Each check as a table: API answers (Gandi's examples, then edge cases) -> findings.
import { describe, expect, it } from 'vitest';
import {
  evaluateCertificates,
  evaluateCredit,
  evaluateDomains,
  evaluateInstances,
  evaluateMailboxes,
  evaluateZoneChange,
} from '../../../../main/core/account/evaluations';
import { certificateSchema, domainSchema, instanceSchema, mailboxSchema } from '../../../../main/core/account/api-schemas';
import { KNOWN_MAILBOX_CAPACITY_MB, percentUsed } from '../../../../main/core/account/mailbox-quota';
import { FIXTURE_NOW, gandiFixture } from '../../../simulator/gandi-api';

const now = FIXTURE_NOW;
const summary = (findings: { code: string; severity: string; subject: string; days: number | null }[]): string[] =>
  findings.map((f) => `${f.severity} ${f.code} ${f.subject}${f.days === null ? '' : ` ${f.days}d`}`);

const domain = (fields: Record<string, unknown>) => domainSchema.parse({ fqdn: 'a.fr', status: [], dates: {}, autorenew: false, ...fields });
const inDays = (days: number): string => new Date(now.getTime() + days * 86_400_000 + 3_600_000).toISOString();

describe('domains', () => {
  it("reads Gandi's example list: one expired, one on hold, the rest fine", () => {
    const list = (gandiFixture('domain_domains_list.json') as unknown[]).map((item) => domainSchema.parse(item));
    expect(summary(evaluateDomains(list, now))).toEqual(['problem domain-expired expired-brand.com -12d', 'problem domain-on-hold held-startup.net']);
  });

  it.each([
    ['no end date at all', { dates: {} }, []],
    ['ends in 40 days', { dates: { registry_ends_at: inDays(40) } }, []],
    ['ends in 20 days, no autorenew', { dates: { registry_ends_at: inDays(20) } }, ['warning domain-expiring a.fr 20d']],
    ['ends in 20 days, renewed automatically', { dates: { registry_ends_at: inDays(20) }, autorenew: true }, []],
    ['ends in 20 days, autorenew object off', { dates: { registry_ends_at: inDays(20) }, autorenew: { enabled: false } }, ['warning domain-expiring a.fr 20d']],
    ['ended an hour ago, even with autorenew', { dates: { registry_ends_at: new Date(now.getTime() - 3_600_000).toISOString() }, autorenew: true }, ['problem domain-expired a.fr 0d']],
    ['serverHold', { status: ['serverHold', 'clientTransferProhibited'] }, ['problem domain-on-hold a.fr']],
    ['a date that does not read', { dates: { registry_ends_at: 'soon' } }, []],
  ])('%s', (_, fields, expected) => {
    expect(summary(evaluateDomains([domain(fields)], now))).toEqual(expected);
  });

  it('gives an expiry a new key at 30, 7 and 1 days, so each is announced once', () => {
    const keys = [25, 6, 0].map((days) => evaluateDomains([domain({ dates: { registry_ends_at: inDays(days) } })], now)[0]?.key);
    expect(keys).toEqual(['account:domain-expiring:a.fr:30d', 'account:domain-expiring:a.fr:7d', 'account:domain-expiring:a.fr:1d']);
  });
});

describe('DNS zone changes', () => {
  it.each([
    ["Gandi's example: 2 h old", new Date('2026-12-01T10:00:03Z'), ['notice zone-changed example.fr 0d']],
    ['3 days old', new Date(now.getTime() - 72 * 3_600_000), []],
    ['no automatic snapshot', null, []],
    ['from the future (a clock off)', new Date(now.getTime() + 3_600_000), []],
  ])('%s', (_, at, expected) => {
    const found = evaluateZoneChange('example.fr', at, now);
    expect(summary(found)).toEqual(expected);
    if (found[0]) expect(found[0].message).toBe('the zone of example.fr changed 2 h ago');
  });
});

describe('mailboxes', () => {
  const capacity = new Map([...Object.entries(KNOWN_MAILBOX_CAPACITY_MB), ['standard_2023', 10240]]);
  it("reads Gandi's example: contact@ at 97 % of 3 GB", () => {
    const list = (gandiFixture('email_mailboxes_list.json') as unknown[]).map((item) => mailboxSchema.parse(item));
    const found = evaluateMailboxes(list, capacity, now);
    expect(summary(found)).toEqual(['warning mailbox-nearly-full contact@example-shop.fr']);
    expect(found[0]?.amount).toBe(97);
  });

  it.each([
    ['89 %', 'standard', 0.89, []],
    ['90 %', 'standard', 0.9, ['warning mailbox-nearly-full a@a.fr']],
    ['100 %', 'premium', 1, ['problem mailbox-full a@a.fr']],
    ['a type of unknown size', 'mystery', 5, []],
  ])('%s', (_, type, share, expected) => {
    const quota = Math.ceil((share * (capacity.get(type) ?? 3072) * 1024 * 1024) / 1024);
    const box = mailboxSchema.parse({ address: 'a@a.fr', mailbox_type: type, quota_used: quota });
    expect(summary(evaluateMailboxes([box], capacity, now))).toEqual(expected);
  });

  it('reads quota_used as KiB, in one place', () => {
    expect(percentUsed(3 * 1024 * 1024, 3072)).toBe(100);
  });
});

describe('prepaid credit', () => {
  it.each([
    ["Gandi's example: 8.40 below 20", (gandiFixture('billing_info.json') as { prepaid: object }).prepaid, ['warning credit-low prepaid']],
    ['no prepaid account', undefined, []],
    ['no threshold, some money', { amount: 3 }, []],
    ['no threshold, none left', { amount: 0 }, ['problem credit-exhausted prepaid']],
    ['negative', { amount: -2, warning_threshold: 20 }, ['problem credit-exhausted prepaid']],
    ['threshold null', { amount: 5, warning_threshold: null }, []],
    ['amount missing', { warning_threshold: 20 }, []],
    ['above the threshold', { amount: 25, warning_threshold: 20 }, []],
  ])('%s', (_, prepaid, expected) => {
    expect(summary(evaluateCredit(prepaid, now))).toEqual(expected);
  });
});

describe('Simple Hosting instances', () => {
  const instance = (fields: Record<string, unknown>) => instanceSchema.parse({ name: 'web', status: 'active', ...fields });
  it("reads Gandi's example: old-blog paused (expired 3 days ago), shop-prod expiring in 29 days", () => {
    const list = (gandiFixture('simplehosting_instances_list.json') as unknown[]).map((item) => instanceSchema.parse(item));
    const found = evaluateInstances(list, now);
    expect(summary(found)).toEqual(['warning instance-expiring shop-prod 29d', 'problem instance-stopped old-blog -3d']);
    expect(found[1]?.message).toBe('the instance old-blog is paused, expired 3 days ago');
  });

  it.each([
    ['locked', { status: 'locked' }, ['problem instance-stopped web']],
    ['waiting_bill', { status: 'waiting_bill' }, ['problem instance-stopped web']],
    ['being_upgraded', { status: 'being_upgraded' }, []],
    ['active, expired', { expire_at: inDays(-2) }, ['problem instance-expired web -1d']],
    ['active, a lenient +00 date 10 days ahead', { expire_at: inDays(10).replace('.000Z', '+00') }, ['warning instance-expiring web 10d']],
    ['active, no date', {}, []],
  ])('%s', (_, fields, expected) => {
    expect(summary(evaluateInstances([instance(fields)], now))).toEqual(expected);
  });
});

describe('certificates', () => {
  const cert = (fields: Record<string, unknown>) => certificateSchema.parse({ cn: 'www.a.fr', status: 'valid', dates: {}, ...fields });
  it("reads Gandi's example: one ending in 5 days, one expired in October", () => {
    const list = (gandiFixture('certificate_issued_certs_list.json') as unknown[]).map((item) => certificateSchema.parse(item));
    expect(summary(evaluateCertificates(list, now))).toEqual([
      'warning certificate-expiring www.example-shop.fr 5d',
      'problem certificate-expired blog.expired-brand.com -55d',
    ]);
  });

  it.each([
    ['expired long ago (history)', [cert({ status: 'expired', dates: { ends_at: inDays(-200) } })], []],
    ['expired, since replaced by a valid one', [cert({ status: 'expired', dates: { ends_at: inDays(-5) } }), cert({ dates: { ends_at: inDays(300) } })], []],
    ['revoked', [cert({ status: 'revoked', dates: { ends_at: inDays(3) } })], []],
    ['valid but past its end', [cert({ dates: { ends_at: inDays(-1) } })], ['problem certificate-expired www.a.fr 0d']],
  ])('%s', (_, list, expected) => {
    expect(summary(evaluateCertificates(list, now))).toEqual(expected);
  });
});

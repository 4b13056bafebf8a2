// "Does it affect me?" against Gandi's real status summaries (test/fixtures/real): the account's
// uses matched to Gandi's components by group and by datacenter code, then to incidents and
// maintenances through the components they name.
import { describe, expect, it } from 'vitest';
import { accountImpact, GANDI_COMPONENT_MAP } from '../../common/account-impact';
import type { AccountUsage } from '../../common/account';
import type { StatusSnapshot } from '../../common/model';
import { snapshotFromSummary } from '../../main/core/sources/statuspage';
import { fixture } from '../main/core/sources/fixtures';

const now = new Date('2020-01-15T12:00:00Z');
function gandi(name: string, url = 'https://status.gandi.net'): StatusSnapshot {
  const source = snapshotFromSummary(fixture(name), url, now);
  return { overall: source.overall, sources: [source] };
}
const ALL_OK = 'statuspage-gandi-summary-all-ok.json';
const OUTAGE = 'statuspage-gandi-summary-major-outage-and-maintenances.json';

const usage: AccountUsage = {
  registeredDomains: ['example-shop.fr', 'expired-brand.com', 'held-startup.net', 'external-dns.org'],
  liveDnsDomains: ['example-shop.fr', 'expired-brand.com', 'held-startup.net'],
  otherDnsDomains: ['external-dns.org'],
  mailDomains: ['example-shop.fr'],
  hosting: [{ datacenter: 'FR-SD5', instances: ['shop-prod', 'old-blog'] }],
};
const NOTHING: AccountUsage = { registeredDomains: null, liveDnsDomains: null, otherDnsDomains: null, mailDomains: null, hosting: null };

describe('does it affect me?', () => {
  it("finds the account's services among Gandi's real components", () => {
    const impact = accountImpact(gandi(ALL_OK), usage);
    expect(impact.services.map((s) => `${s.serviceName}: ${s.touches.map((t) => t.sentence).join('; ')}`).sort()).toEqual([
      'Domain name registration: your domains example-shop.fr, expired-brand.com, held-startup.net and 1 more are registered at Gandi',
      'LiveDNS: the zones of example-shop.fr, expired-brand.com, held-startup.net are on LiveDNS',
      'SMTP in: your mailboxes at example-shop.fr',
      'PAAS FR-SD5: your instances shop-prod, old-blog run there',
      'SMTP out: your mailboxes at example-shop.fr',
      'Roundcube webmail: your mailboxes at example-shop.fr',
      'Sogo webmail: your mailboxes at example-shop.fr',
      'Access (IMAP/POP3): your mailboxes at example-shop.fr',
    ].sort());
    // Classic DNS, other datacenters, VPS (IAAS), the portal and the APIs are not the account's.
    const names = impact.services.map((s) => s.serviceName);
    for (const other of ['ns6.gandi.net', '{abc}.dns.gandi.net', 'PAAS FR-SD3', 'PAAS LU-BI1', 'IAAS FR-SD5', 'www.gandi.net', 'PUBLIC API v5']) expect(names).not.toContain(other);
  });

  it('marks the LU-BI1 incident only for an account hosted there, and registry maintenances for any registrant', () => {
    const here = accountImpact(gandi(OUTAGE), usage);
    expect(here.incidents).toEqual([]);
    expect(here.maintenances.map((m) => m.title)).toEqual([
      '[Production] Registry Eurid Maintenance',
      '[Production] Registry Nominet Maintenance',
      'Registry Maintenance SWITCH',
    ]);
    expect(here.maintenances[0]?.touches.map((t) => t.use)).toEqual(['registration']);

    const inLuxembourg = accountImpact(gandi(OUTAGE), { ...NOTHING, hosting: [{ datacenter: 'LU-BI1', instances: ['shop-prod'] }] });
    expect(inLuxembourg.incidents).toEqual([
      expect.objectContaining({ title: 'Hard drive issues', touches: [{ use: 'hosting', items: ['shop-prod'], sentence: 'your instance shop-prod runs there' }] }),
    ]);
    expect(inLuxembourg.services).toEqual([expect.objectContaining({ serviceName: 'PAAS LU-BI1', level: 'major_outage' })]);
    expect(inLuxembourg.maintenances).toEqual([]);
  });

  it('is empty without an account (nothing known) or for pages that are not Gandi\'s', () => {
    expect(accountImpact(gandi(OUTAGE), NOTHING)).toEqual({ services: [], incidents: [], maintenances: [] });
    const other = gandi(ALL_OK, 'https://www.githubstatus.com');
    other.sources[0]!.name = 'GitHub';
    expect(accountImpact(other, usage).services).toEqual([]);
  });

  it('a LiveDNS incident does not touch domains on other name servers', () => {
    const impact = accountImpact(gandi(ALL_OK), { ...NOTHING, liveDnsDomains: [], otherDnsDomains: ['external-dns.org'] });
    expect(impact.services).toEqual([]);
  });

  it('keeps the mapping as data, every rule naming a real Gandi component', () => {
    const names = gandi(ALL_OK).sources[0]!.services.map((s) => s.name.toLowerCase());
    for (const rule of GANDI_COMPONENT_MAP.rules) {
      const pattern = rule.name.toLowerCase().replace('{datacenter}', 'fr-sd5');
      if (rule.name !== '*' && !rule.name.startsWith('Simple Hosting')) expect(names, rule.name).toContain(pattern);
    }
  });
});

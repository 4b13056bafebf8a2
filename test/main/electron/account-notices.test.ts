// The account in the tray app's notifications: new findings announced once, with their own switch,
// held by quiet hours and released after; "Yours: ..." on what touches the account; "announce only
// what affects me"; and the tray menu's mark on incidents that touch it.
import { describe, expect, it } from 'vitest';
import type { AccountUsage, Finding } from '../../../common/account';
import type { AccountFindingEvent } from '../../../common/account-events';
import { accountImpact, type AccountImpact } from '../../../common/account-impact';
import type { ChangeEvent, StatusSnapshot } from '../../../common/model';
import type { Settings } from '../../../common/settings';
import { createNotifier } from '../../../main/electron/notifier';
import { affectsAccount } from '../../../main/electron/event-touches';
import type { Notice } from '../../../main/electron/notification-text';
import { textsFor } from '../../../main/electron/texts';
import { buildTrayMenu } from '../../../main/electron/tray-menu';
import { incident, incidentEvent, maintenance, maintenanceEvent, settingsWith, snapshot, SOURCE } from './fixtures';

const usage: AccountUsage = {
  registeredDomains: ['example-shop.fr'],
  liveDnsDomains: ['example-shop.fr'],
  otherDnsDomains: [],
  mailDomains: [],
  hosting: [{ datacenter: 'FR-SD5', instances: ['shop-prod'] }],
};

/** Gandi's page with an incident on PaaS FR-SD5 (the account's) and one on LU-BI1 (not). */
const picture: StatusSnapshot = (() => {
  const base = snapshot('major_outage', {
    incidents: [incident('sd5', 'Hosting down in FR-SD5', { services: ['paas-sd5'] }), incident('bi1', 'Hosting down in LU-BI1', { services: ['paas-bi1'] })],
    maintenances: [maintenance('smtp', 'Mail relay upgrade', { services: ['smtp'] })],
  });
  base.sources[0]!.services = [
    { id: 'paas-sd5', name: 'PAAS FR-SD5', group: 'Hosting', status: 'major_outage' },
    { id: 'paas-bi1', name: 'PAAS LU-BI1', group: 'Hosting', status: 'major_outage' },
    { id: 'smtp', name: 'SMTP out', group: 'Gandimail', status: 'operational' },
  ];
  return base;
})();

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'domains',
    code: 'domain-expiring',
    severity: 'warning',
    subject: 'example-shop.fr',
    at: '2026-12-08T12:00:00Z',
    days: 6,
    amount: null,
    message: 'example-shop.fr expires in 6 days and is not renewed automatically',
    key: 'account:domain-expiring:example-shop.fr:7',
    ...overrides,
  };
}
function found(f: Finding): AccountFindingEvent {
  return { type: 'account.finding', at: '2026-12-02T12:00:00Z', check: f.check, finding: f, key: `account.finding|${f.key}` };
}

function harness(settings: Settings, impact: AccountImpact | null = null, at = new Date('2026-12-02T12:00:00'), complete = true) {
  const shown: Notice[] = [];
  let clock = at;
  let due: (() => void) | null = null;
  const notifier = createNotifier({
    sink: { show: (notice) => shown.push(notice) },
    getSettings: () => settings,
    getSnoozedUntil: () => null,
    getTexts: () => textsFor(settings.language === 'fr' ? 'fr' : 'en'),
    getImpact: () => impact,
    getAffects: () => (impact === null ? null : (event) => affectsAccount(event, impact, new Set([SOURCE]), complete)),
    now: () => clock,
    // Each update's burst is shown when the update is over; flush() is left to mean "quit".
    setTimer: (show) => {
      due = show;
      return 1;
    },
    clearTimer: () => undefined,
  });
  return {
    shown,
    notifier,
    at(next: Date) {
      clock = next;
    },
    status(events: ChangeEvent[]) {
      notifier.handle(events);
      const show = due;
      due = null;
      show?.();
    },
  };
}

describe('account findings as notifications', () => {
  it('announces new findings once, opening the support panel on their check, in the chosen language', () => {
    const h = harness(settingsWith({ language: 'fr' }));
    const event = found(finding());
    h.notifier.handleAccount([event]);
    h.notifier.handleAccount([event]);
    expect(h.shown).toEqual([
      { title: 'Votre compte Gandi : Domaines', body: 'Example-shop.fr expire dans 6 jours sans renouvellement automatique', target: { kind: 'account', check: 'domains' } },
    ]);
  });

  it('sums several up in one notice that opens the support panel, and never announces a finding gone', () => {
    const h = harness(settingsWith());
    const credit = finding({ check: 'credit', code: 'credit-exhausted', severity: 'problem', subject: 'prepaid credit', at: null, days: null, amount: -3.5, key: 'account:credit' });
    h.notifier.handleAccount([found(finding()), found(credit), { ...found(finding()), type: 'account.cleared', key: 'cleared' }]);
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]).toMatchObject({ title: '2 things to look at in your Gandi account', target: { kind: 'view', view: 'support' } });
    expect(h.shown[0]?.body.split('\n')).toEqual(['Example-shop.fr expires in 6 days and does not renew itself', 'The prepaid credit is used up (-3.5)']);
  });

  it('has its own switch, and waits out quiet hours', () => {
    const off = harness(settingsWith({ notifications: { ...settingsWith().notifications, account: false } }));
    off.notifier.handleAccount([found(finding())]);
    expect(off.shown).toEqual([]);

    const quiet = harness(settingsWith({ quietHours: { enabled: true, start: '22:00', end: '07:00' } }), null, new Date('2026-12-02T23:00:00'));
    quiet.notifier.handleAccount([found(finding())]);
    quiet.status([]);
    expect(quiet.shown).toEqual([]);
    quiet.at(new Date('2026-12-03T07:05:00'));
    quiet.status([]);
    expect(quiet.shown.map((notice) => notice.title)).toEqual(['Your Gandi account: Domains']);
  });

  it('says a refused token in words that say what to do', () => {
    const h = harness(settingsWith());
    h.notifier.handleAccount([{ type: 'account.token-refused', at: '2026-12-02T12:00:00Z', key: 'refused' }]);
    expect(h.shown).toEqual([{ title: 'Your Gandi account: Token', body: 'Gandi refused the token: create a new one', target: { kind: 'account', check: 'token' } }]);
  });
});

describe('account findings over time', () => {
  it('announces a finding again when it was gone and came back, and shows held ones at quit', () => {
    const h = harness(settingsWith());
    const low = found(finding({ check: 'credit', code: 'credit-low', severity: 'warning', subject: 'prepaid credit', at: null, days: null, amount: 8, key: 'account:credit-low' }));
    h.notifier.handleAccount([low]);
    h.notifier.handleAccount([{ ...low, type: 'account.cleared', key: 'cleared-1' }]);
    h.notifier.handleAccount([low]);
    expect(h.shown).toHaveLength(2);

    const quiet = harness(settingsWith({ quietHours: { enabled: true, start: '22:00', end: '07:00' } }), null, new Date('2026-12-02T23:00:00'));
    quiet.notifier.handleAccount([found(finding())]);
    expect(quiet.shown).toEqual([]);
    quiet.notifier.flush();
    expect(quiet.shown.map((notice) => notice.title)).toEqual(['Your Gandi account: Domains']);
  });
});

describe('does it affect me, in notifications', () => {
  const impact = accountImpact(picture, usage);
  const sd5 = incidentEvent('incident.opened', 'sd5', 'Hosting down in FR-SD5', ['paas-sd5']);
  const bi1 = incidentEvent('incident.opened', 'bi1', 'Hosting down in LU-BI1', ['paas-bi1']);

  it('says what of yours an incident touches', () => {
    const h = harness(settingsWith(), impact);
    h.status([sd5]);
    expect(h.shown[0]?.body.split('\n')).toContain('Yours: your instances shop-prod run there');
    const other = harness(settingsWith(), impact);
    other.status([bi1]);
    expect(other.shown[0]?.body).not.toContain('Yours');
  });

  it('"only what affects me" keeps what touches the account, the page-wide news and followed services', () => {
    const only = settingsWith({ notifications: { ...settingsWith().notifications, onlyAffectingMe: true } });
    const h = harness(only, impact);
    h.status([bi1]);
    expect(h.shown).toEqual([]);
    h.status([sd5]);
    expect(h.shown.map((notice) => notice.title)).toEqual(['New incident - Gandi']);
    h.status([maintenanceEvent('maintenance.scheduled', 'smtp', 'Mail relay upgrade', ['smtp'])]);
    expect(h.shown).toHaveLength(1); // the account has no mailboxes
    // An outage of the page itself concerns everyone (announced once it has lasted).
    h.status([{ type: 'source.unreachable', at: '2026-12-02T12:00:00Z', sourceUrl: SOURCE, sourceName: 'Gandi', key: 'down', url: SOURCE, error: 'timeout', problem: null }]);
    h.at(new Date('2026-12-02T12:10:00'));
    h.status([]);
    expect(h.shown.map((notice) => notice.title)).toEqual(['New incident - Gandi', 'Gandi unreachable']);
    const followed = harness({ ...only, followedServices: ['paas-bi1'] }, impact);
    followed.status([bi1]);
    expect(followed.shown).toHaveLength(1);
  });

  it('announces what it cannot judge: another company\'s page, an incident naming no component, a use of the account unknown', () => {
    const only = settingsWith({ notifications: { ...settingsWith().notifications, onlyAffectingMe: true } });
    const h = harness(only, impact);
    h.status([{ ...bi1, sourceUrl: 'https://www.githubstatus.com', key: 'gh' }]);
    h.status([incidentEvent('incident.opened', 'all', 'Everything slow', [])]);
    expect(h.shown).toHaveLength(2);
    const partial = harness(only, impact, undefined, false);
    partial.status([bi1]);
    expect(partial.shown).toHaveLength(1);
  });

  it('without an account report, "only what affects me" cannot judge: everything is announced', () => {
    const h = harness(settingsWith({ notifications: { ...settingsWith().notifications, onlyAffectingMe: true } }), null);
    h.status([bi1]);
    expect(h.shown).toHaveLength(1);
  });
});

describe('the tray menu', () => {
  it('marks the open incidents that touch the account', () => {
    const impact = accountImpact(picture, usage);
    const affected = new Set([...impact.incidents, ...impact.maintenances].map((item) => `${item.sourceUrl}|${item.id}`));
    const template = buildTrayMenu(
      { snapshot: picture, texts: textsFor('en'), snoozedUntil: null, followedServices: [], launchAtLogin: null, now: new Date(), affected },
      { show: () => undefined, refresh: () => undefined, snooze: () => undefined, resume: () => undefined, openLink: () => undefined, setFollowed: () => undefined, setLaunchAtLogin: () => undefined, quit: () => undefined },
    );
    const labels = template.map((item) => item.label ?? '');
    expect(labels).toContain('Affects you: Hosting down in FR-SD5 (investigating)');
    expect(labels).toContain('Hosting down in LU-BI1 (investigating)');
  });
});

describe('watching part of a page, in notifications', () => {
  it('does not announce an incident that touches only unwatched components, and announces the rest', () => {
    const shown: Notice[] = [];
    const notifier = createNotifier({
      sink: { show: (notice) => shown.push(notice) },
      getSettings: () => settingsWith(),
      getSnoozedUntil: () => null,
      getTexts: () => textsFor('en'),
      // Page A's component "paas-bi1" is not watched; another page's of the same id is.
      getUnwatched: () => [`${SOURCE}|paas-bi1`],
      setTimer: () => 1,
      clearTimer: () => undefined,
    });
    notifier.handle([incidentEvent('incident.opened', 'bi1', 'Hosting down in LU-BI1', ['paas-bi1'])]);
    notifier.flush();
    expect(shown).toEqual([]);
    notifier.handle([incidentEvent('incident.opened', 'both', 'Hosting down', ['paas-bi1', 'paas-sd5'])]);
    notifier.flush();
    expect(shown.map((notice) => notice.title)).toEqual(['New incident - Gandi']);
    notifier.handle([{ ...incidentEvent('incident.opened', 'other', 'Elsewhere', ['paas-bi1']), sourceUrl: 'https://status.other.example' }]);
    notifier.flush();
    expect(shown).toHaveLength(2);
  });
});

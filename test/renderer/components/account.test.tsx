// @vitest-environment jsdom
// Step 2 of the support procedure done for the user: the account checks in the window, the token
// field, and "affects you" marks from what the account uses.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountReport } from '../../../common/account';
import type { AccountView } from '../../../common/account-view';
import { IncidentsView } from '../../../renderer/src/components/IncidentsView';
import { SettingsView } from '../../../renderer/src/components/SettingsView';
import { SupportView } from '../../../renderer/src/components/SupportView';
import { createFakeBridge } from '../../support/fake-bridge';
import { appState, gandiOutageSource, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

const REPORT: AccountReport = {
  checkedAt: '2020-01-15T10:00:00.000Z',
  account: { id: 'u1', name: 'alice' },
  overall: 'problem',
  checks: [
    { check: 'token', outcome: 'ok', findings: [], checkedAt: '2020-01-15T10:00:00.000Z', notChecked: null, coverage: null },
    {
      check: 'domains',
      outcome: 'problem',
      findings: [
        {
          check: 'domains',
          code: 'domain-expired',
          severity: 'problem',
          subject: 'example.fr',
          at: '2020-01-12T10:00:00.000Z',
          days: -3,
          amount: null,
          message: 'example.fr expired 3 days ago',
          key: 'domain-expired|example.fr',
        },
      ],
      checkedAt: '2020-01-15T10:00:00.000Z',
      notChecked: null,
      coverage: { checked: 2, total: 2 },
    },
    {
      check: 'mailboxes',
      outcome: 'not-checked',
      findings: [],
      checkedAt: null,
      notChecked: { reason: 'permission-missing', permission: 'See and manage mailboxes', detail: null },
      coverage: null,
    },
  ],
  usage: { registeredDomains: ['example.fr'], liveDnsDomains: [], otherDnsDomains: [], mailDomains: [], hosting: [{ datacenter: 'LU-BI1', instances: ['shop-prod'] }] },
  requests: 6,
};

function view(overrides: Partial<AccountView> = {}): AccountView {
  return {
    token: { set: true, storage: 'encrypted', encryptionAvailable: true, settable: true },
    report: REPORT,
    checking: false,
    nextCheckAt: null,
    ...overrides,
  };
}

function setup(account: AccountView, ui: 'support' | 'incidents' | 'settings' = 'support', language: 'en' | 'fr' = 'en') {
  const snapshot = wrap(gandiOutageSource());
  const fake = createFakeBridge({
    getState: () => appState(snapshot),
    openExternal: () => true,
    copyText: () => true,
    checkAccount: () => account,
    setAccountToken: ({ token }) => ({ ok: true, account: view({ token: { ...account.token, set: token !== null } }) }),
  });
  const element = ui === 'support' ? <SupportView /> : ui === 'incidents' ? <IncidentsView /> : <SettingsView />;
  const rendered = renderWith(element, { snapshot, now: OUTAGE_NOW, api: fake.api, settings: { language } });
  act(() => rendered.store.getState().receiveAccount(account));
  return { ...rendered, calls: fake.calls };
}

describe('account checks in the support panel', () => {
  it('without a token, says how to make one and keeps the checklist', () => {
    const { calls } = setup(view({ token: { set: false, storage: 'none', encryptionAvailable: true, settable: true }, report: null }));
    expect(screen.getByText(/create a read-only Personal Access Token/)).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: /Create a token/ }));
    expect(calls.openExternal).toEqual([{ kind: 'account-page', check: 'token' }]);
  });

  it('shows each check in the window language, with the finding and the page that fixes it', async () => {
    const { calls } = setup(view(), 'support', 'fr');
    const domains = screen.getByText('Domaines').closest('li') as HTMLElement;
    expect(within(domains).getByText('Problème')).toBeTruthy();
    expect(within(domains).getByText(/example\.fr a expiré il y a 3 j/)).toBeTruthy();
    const mail = screen.getByText('Boîtes mail').closest('li') as HTMLElement;
    expect(mail.textContent).toContain('il manque au jeton la permission « See and manage mailboxes »');
    fireEvent.click(within(domains).getByRole('button', { name: /Ouvrir sur admin\.gandi\.net/ }));
    expect(calls.openExternal).toEqual([{ kind: 'account-page', check: 'domains' }]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Vérifier mon compte maintenant' }));
    });
    expect(calls.checkAccount).toHaveLength(1);
  });

  it('puts the findings in the ticket summary', async () => {
    const { calls } = setup(view());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy the summary and open a ticket' }));
    });
    expect(calls.copyText[0]).toContain('My Gandi account');
    expect(calls.copyText[0]).toContain('- Domains: Problem');
    expect(calls.copyText[0]).toMatch(/example\.fr expired 3 \S+ ago/);
  });
});

describe('a finding notification clicked', () => {
  it('opens the support panel on its check, highlighted and focused', () => {
    const { store } = setup(view());
    act(() => store.getState().show({ kind: 'account', check: 'domains' }));
    expect(store.getState().view).toBe('support');
    const domains = screen.getByText('Domains').closest('li') as HTMLElement;
    expect(domains.className).toContain('highlighted');
    expect(document.activeElement).toBe(domains);
    expect((screen.getByText('Mailboxes').closest('li') as HTMLElement).className).not.toContain('highlighted');
  });
});

describe('account settings', () => {
  it('offers the check interval and "only what affects me" once a token is set, and saves them', async () => {
    const { store } = setup(view(), 'settings');
    const hours = screen.getByLabelText('Check the account every (hours)') as HTMLInputElement;
    expect(hours.value).toBe('6');
    fireEvent.change(hours, { target: { value: '12' } });
    fireEvent.click(screen.getByLabelText('Only incidents and maintenances that affect my account'));
    expect(store.getState().settingsDraft).toMatchObject({ accountCheckHours: 12, notifications: { onlyAffectingMe: true } });
  });

  it('shows neither without a token', () => {
    setup(view({ token: { set: false, storage: 'none', encryptionAvailable: true, settable: true }, report: null }), 'settings');
    expect(screen.queryByLabelText('Check the account every (hours)')).toBeNull();
    expect(screen.queryByLabelText('Only incidents and maintenances that affect my account')).toBeNull();
  });
});

describe('affects you', () => {
  it('marks the incidents that touch what the account uses', () => {
    setup(view(), 'incidents');
    const marks = screen.getAllByText('Affects you');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]?.closest('article')?.textContent).toContain('your instances shop-prod run there');
  });

  it('says nothing of the kind without a report', () => {
    setup(view({ report: null }), 'incidents');
    expect(screen.queryByText('Affects you')).toBeNull();
  });
});

describe('token field', () => {
  it('sends the token to main, clears the field and only says where it is kept', async () => {
    const { calls } = setup(view({ token: { set: false, storage: 'none', encryptionAvailable: false, settable: true }, report: null }), 'settings');
    const field = screen.getByLabelText('Gandi Personal Access Token') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.change(field, { target: { value: ' pat-0123456789 ' } });
    fireEvent.click(screen.getByLabelText('Plain file (readable by me only)'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the token' }));
    });
    expect(calls.setAccountToken).toEqual([{ token: 'pat-0123456789', fallback: 'plain-file' }]);
    expect(field.value).toBe('');
    expect(document.body.textContent).not.toContain('pat-0123456789');
  });
});

describe('adding a status page', () => {
  it('finds a page in the catalogue by name, reads it, and adds it to the draft only then', async () => {
    const snapshot = wrap(gandiOutageSource());
    const fake = createFakeBridge({
      getState: () => appState(snapshot),
      detectPage: ({ url }) => ({ ok: true, url, kind: 'statuspage', name: 'GitHub', overall: 'operational', services: 10, groups: 0, incidents: 0, maintenances: 0, requests: 1 }),
    });
    const view = renderWith(<SettingsView />, { snapshot, now: OUTAGE_NOW, api: fake.api });
    fireEvent.change(screen.getByLabelText('Add a status page'), { target: { value: 'github' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'GitHub' }));
    });
    expect(fake.calls.detectPage).toEqual([{ url: 'https://www.githubstatus.com', kind: 'auto' }]);
    expect(document.querySelector('.add-page-found')?.textContent).toContain('10 components');
    expect(view.store.getState().settingsDraft).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add GitHub' }));
    expect(view.store.getState().settingsDraft?.sources.map((s) => [s.url, s.kind])).toContainEqual(['https://www.githubstatus.com', 'statuspage']);
  });

  it('says why a pasted address could not be added', async () => {
    const snapshot = wrap(gandiOutageSource());
    const fake = createFakeBridge({
      getState: () => appState(snapshot),
      detectPage: () => ({ ok: false, error: 'status.example.com answered HTML to every known API path; no feed link found', problem: null, requests: 6 }),
    });
    renderWith(<SettingsView />, { snapshot, now: OUTAGE_NOW, api: fake.api });
    fireEvent.change(screen.getByLabelText('Add a status page'), { target: { value: 'status.example.com' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Read this page' }));
    });
    expect(document.querySelector('.add-page .form-error')?.textContent).toContain('no feed link found');
  });
});

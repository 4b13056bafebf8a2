// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/Header';
import { ServicesView } from '../../../renderer/src/components/ServicesView';
import { fakeApi, appState, gandiAllOkSource, gandiOutageSource, OUTAGE_NOW, staleSource, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

describe('Header', () => {
  it('says the overall state in words and how fresh it is, ticking', () => {
    const view = renderWith(<Header />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW + 40_000 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Major outage');
    expect(screen.getByText('updated 40 s ago')).toBeTruthy();
    act(() => view.setNow(OUTAGE_NOW + 5 * 60_000));
    expect(screen.getByText('updated 5 min ago')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the newest page answered, as the tray does, even when another never answered', () => {
    const dead = { ...gandiAllOkSource(), url: 'https://dead.example', fetchedAt: null, stale: true, error: 'no answer' };
    renderWith(<Header />, { snapshot: wrap(gandiOutageSource(), dead), now: OUTAGE_NOW + 40_000 });
    expect(screen.getByText('updated 40 s ago')).toBeTruthy();
  });

  it('shows a banner with the error and the time of the last good data when stale', () => {
    renderWith(<Header />, { snapshot: wrap(staleSource(gandiAllOkSource())), now: OUTAGE_NOW + 3 * 3_600_000 });
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Gandi.net Status is unreachable: HTTP 503 Service Unavailable');
    expect(banner.textContent).toContain('Wed 15 Jan, 11:13'); // Paris time of the last good fetch
    expect(banner.textContent).toContain('3 h ago');
  });

  it('stops vouching for an all clear nobody could confirm for 5 minutes, as the tray does', () => {
    const view = renderWith(<Header />, { snapshot: wrap(staleSource(gandiAllOkSource())), now: OUTAGE_NOW + 2 * 60_000 });
    const headline = () => screen.getByRole('heading', { level: 1 }).textContent;
    expect(headline()).toBe('All services operational');
    act(() => view.setNow(OUTAGE_NOW + 6 * 60_000));
    expect(headline()).toBe('Status unknown (last known: Operational)');
    expect(document.querySelector('header')?.className).toContain('level-unknown');
    // Bad news is never hidden that way.
    act(() => view.store.getState().receiveSnapshot(wrap(staleSource(gandiOutageSource()))));
    expect(headline()).toBe('Major outage');
  });

  it('waits rather than claiming all is well when no source has answered yet', () => {
    renderWith(<Header />, { snapshot: { overall: 'unknown', sources: [] }, now: OUTAGE_NOW });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Waiting for the first check');
    expect(screen.getByText('not checked yet')).toBeTruthy();
  });

  it('says "never reached" once checks have failed, rather than "not checked yet"', () => {
    const unreached = { ...staleSource(gandiAllOkSource(), 'connect ECONNREFUSED'), fetchedAt: null };
    renderWith(<Header />, { snapshot: wrap(unreached), now: OUTAGE_NOW });
    expect(screen.queryByText('not checked yet')).toBeNull();
    expect(screen.getByText('never reached: every check so far has failed')).toBeTruthy();
  });

  it('shows a banner when the dashboard server is gone, and drops it when it is back', () => {
    const view = renderWith(<Header />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW + 60_000 });
    act(() => view.store.getState().serverLost(OUTAGE_NOW));
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Lost connection to the dashboard server');
    expect(banner.textContent).toContain('1 min ago');
    act(() => view.store.getState().serverBack());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when a refresh fails, in the language of the window', async () => {
    const fake = fakeApi(appState(wrap(gandiOutageSource())));
    // What fetch throws when nothing answers at all.
    fake.api.refresh = () => Promise.reject(new TypeError('Failed to fetch'));
    renderWith(<Header />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW, api: fake.api, settings: { language: 'fr' } });
    await userEvent.click(screen.getByRole('button', { name: 'Actualiser' }));
    // Plain words first, the reason under "Détails".
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.banner-title')?.textContent).toBe('L’actualisation n’a pas abouti.');
    expect(alert.textContent).toContain('L’actualisation a échoué : le serveur du tableau de bord est injoignable');
    fake.api.refresh = () => Promise.reject(new Error('/api/refresh: refresh failed: timeout'));
    await userEvent.click(screen.getByRole('button', { name: 'Actualiser' }));
    expect((await screen.findByRole('alert')).textContent).toContain('/api/refresh: refresh failed: timeout');
  });

  it('asks main to refresh', async () => {
    const view = renderWith(<Header />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    await userEvent.click(screen.getByRole('button', { name: /refresh/i }));
    expect(view.calls.refresh).toHaveLength(1);
  });
});

describe('ServicesView', () => {
  it('lists the real Gandi services by group with text badges', () => {
    renderWith(<ServicesView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const hosting = screen.getByRole('button', { name: /^Hosting/ });
    expect(hosting.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(hosting.getAttribute('aria-controls') ?? '');
    const row = within(list as HTMLElement).getByText('PAAS LU-BI1').closest('li') as HTMLElement;
    expect(within(row).getByText('Major outage')).toBeTruthy();
    expect(screen.getByText('Domain name registration')).toBeTruthy();
    expect(screen.getByText('1 service with issues')).toBeTruthy();
  });

  it('collapses a group and filters across groups, ignoring case and accents', async () => {
    renderWith(<ServicesView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const mail = screen.getByRole('button', { name: /Gandimail/ });
    await userEvent.click(mail);
    expect(mail.getAttribute('aria-expanded')).toBe('false');
    // A folded group renders no rows at all.
    expect(screen.queryByText('SMTP in')).toBeNull();
    expect((document.getElementById(mail.getAttribute('aria-controls') ?? '') as HTMLElement).hidden).toBe(true);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter services' }), 'smtp');
    expect(screen.getByText('SMTP in').closest('ul')?.hidden).toBe(false);
    expect(screen.queryByText('LiveDNS')).toBeNull();
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'nothing like this');
    expect(screen.getByText(/No service matches/)).toBeTruthy();
  });

  it('marks muted services and saves follow/mute through setSettings', async () => {
    const view = renderWith(<ServicesView />, {
      snapshot: wrap(gandiOutageSource()),
      now: OUTAGE_NOW,
      settings: { mutedServices: ['k466qqxbp2qr'] },
    });
    const liveDns = screen.getByText('LiveDNS').closest('li') as HTMLElement;
    expect(liveDns.className).toContain('muted');
    expect(within(liveDns).getByText('muted')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Follow LiveDNS' }));
    expect(view.calls.setSettings.at(-1)).toMatchObject({ followedServices: ['k466qqxbp2qr'], mutedServices: [] });
    expect(screen.getByRole('button', { name: 'Follow LiveDNS' }).getAttribute('aria-pressed')).toBe('true');
    expect(view.store.getState().settings?.followedServices).toEqual(['k466qqxbp2qr']);
  });

  it('has no follow or mute in the browser dashboard, which raises no notifications', () => {
    renderWith(<ServicesView />, {
      snapshot: wrap(gandiOutageSource()),
      now: OUTAGE_NOW,
      settings: { mutedServices: ['k466qqxbp2qr'], followedServices: ['c7hszlhjnvkn'] },
      info: { platform: 'web' },
    });
    expect(screen.getByText('LiveDNS')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^(Follow|Mute) / })).toBeNull();
    expect(screen.queryByText('muted')).toBeNull();
    expect(screen.queryByText('followed')).toBeNull();
    expect((screen.getByText('LiveDNS').closest('li') as HTMLElement).className).not.toContain('muted');
  });
});

// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../../renderer/src/components/SettingsView';
import { COPY_NOTICE_MS, SupportView } from '../../../renderer/src/components/SupportView';
import { gandiAllOkSource, gandiOutageSource, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SupportView', () => {
  it('puts the contact actions first, then the procedure: live state, account checks, contact', async () => {
    const view = renderWith(<SupportView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Contact Gandi', 'Is there an incident or maintenance?', 'Check your account', 'Contact Gandi']);
    expect(screen.getAllByRole('button', { name: 'Hard drive issues' })).toHaveLength(2);
    expect(screen.getByText(/Has the domain expired/)).toBeTruthy();
    expect(screen.getByText(/prepaid credit exhausted/)).toBeTruthy();

    // One step: the summary is copied, then the ticket form opens, in the window's language.
    await userEvent.click(screen.getByRole('button', { name: 'Copy the summary and open a ticket' }));
    expect(view.calls.copyText).toHaveLength(1);
    expect(view.calls.copyText[0]).toContain('Hard drive issues');
    await userEvent.click(screen.getByRole('button', { name: 'Open the customer area (chat)' }));
    expect(view.calls.openExternal).toEqual([{ kind: 'ticket', language: 'en' }, { kind: 'chat' }]);
    expect(screen.getByText(/behind the “\?” icon/)).toBeTruthy();

    await userEvent.click(screen.getAllByRole('button', { name: 'Hard drive issues' })[0] as HTMLElement);
    expect(view.store.getState().view).toBe('incidents');
  });

  it('shows chat hours in the user zone with open/closed', () => {
    // 2020-01-15 10:13Z = 11:13 Paris: open; in New York the hours are 01:00-19:00.
    renderWith(<SupportView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, timeZone: 'America/New_York' });
    expect(screen.getByText('Open now')).toBeTruthy();
    expect(screen.getByText(/that is 01:00–19:00 your time \(America\/New_York\)/)).toBeTruthy();
    expect(screen.getByText('Every service is operational.', { exact: false })).toBeTruthy();
  });

  it('says closed at 3:00 Paris time, with the next day noted in Tokyo', () => {
    const now = Date.parse('2026-01-10T02:00:00Z');
    renderWith(<SupportView />, { snapshot: wrap(gandiAllOkSource(now)), now, timeZone: 'Asia/Tokyo' });
    expect(screen.getByText('Closed')).toBeTruthy();
    expect(screen.getByText('opens in 4 h')).toBeTruthy();
    expect(screen.getByText(/15:00–09:00 \(next day\)/)).toBeTruthy();
  });

  it('lets the user tick the account checks off, by the box or by its text', async () => {
    const view = renderWith(<SupportView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const checks = screen.getAllByRole('checkbox');
    expect(checks).toHaveLength(5);
    const expired = screen.getByRole('checkbox', { name: /Has the domain expired/ });
    expect((expired as HTMLInputElement).checked).toBe(false);
    await userEvent.click(expired);
    await userEvent.click(screen.getByText('Is your prepaid credit exhausted?'));
    expect((expired as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /prepaid credit/ }) as HTMLInputElement).checked).toBe(true);
    expect(view.store.getState().checkedCauses).toHaveLength(2);
    await userEvent.click(expired);
    expect((expired as HTMLInputElement).checked).toBe(false);
  });

  it('keeps the chat hours short for someone on Paris time', () => {
    renderWith(<SupportView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, timeZone: 'Europe/Paris' });
    expect(screen.getByText('Chat hours: 07:00–01:00 (next day), Paris time, which is your time too.')).toBeTruthy();
    expect(screen.queryByText(/your time \(Europe\/Paris\)/)).toBeNull();
    cleanup();
    // Brussels keeps Paris's clock; London does not.
    renderWith(<SupportView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, timeZone: 'Europe/Brussels', settings: { language: 'fr' } });
    expect(screen.getByText('Horaires du chat : 07:00–01:00 (le lendemain), heure de Paris, la même que chez vous.')).toBeTruthy();
    cleanup();
    renderWith(<SupportView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, timeZone: 'Europe/London' });
    expect(screen.getByText(/that is 06:00–00:00 \(next day\) your time \(Europe\/London\)/)).toBeTruthy();
  });

  it('clears "Summary copied" after a few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderWith(<SupportView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const copy = async () => {
      await user.click(screen.getByRole('button', { name: 'Copy a summary for the ticket' }));
      await act(() => vi.advanceTimersByTimeAsync(0)); // the clipboard's answer
    };
    await copy();
    expect(screen.getByRole('status').textContent).toBe('Summary copied: paste it into your ticket.');
    await act(() => vi.advanceTimersByTimeAsync(COPY_NOTICE_MS - 500));
    await copy();
    await act(() => vi.advanceTimersByTimeAsync(COPY_NOTICE_MS - 500));
    // The second copy started the time again.
    expect(screen.getByRole('status').textContent).toBe('Summary copied: paste it into your ticket.');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('copies a summary with the state, the incidents touching followed services, the version and the time', async () => {
    const view = renderWith(<SupportView />, {
      snapshot: wrap(gandiOutageSource()),
      now: OUTAGE_NOW,
      settings: { followedServices: ['c7hszlhjnvkn'] },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Copy a summary for the ticket' }));
    const text = view.calls.copyText[0] ?? '';
    expect(text).toContain('Current state: Major outage');
    expect(text).toContain('Incidents affecting my services:');
    expect(text).toContain('Affects: PAAS LU-BI1');
    expect(text).not.toContain('IAAS LU-BI1'); // the other incident touches a service not followed
    expect(text).toContain('https://status.gandi.net/incidents/4vtwdck61r3w');
    expect(text).toContain('Gandi Status 0.1.0 (electron)');
    expect(text).toContain('2020-01-15T10:13:00.000Z');
    expect(screen.getByRole('status').textContent).toMatch(/Summary copied/);
  });
});

describe('SettingsView', () => {
  it('shows schema errors next to the fields and saves nothing', async () => {
    const view = renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    const interval = screen.getByLabelText('Check every (seconds)');
    await userEvent.clear(interval);
    await userEvent.type(interval, '5');
    const ticket = screen.getByLabelText('New ticket');
    await userEvent.clear(ticket);
    await userEvent.type(ticket, 'http://example.com/ticket');
    const url = screen.getByLabelText('Address of status page 1');
    await userEvent.clear(url);
    await userEvent.type(url, 'not a url');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(view.calls.setSettings).toHaveLength(0);
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(interval.getAttribute('aria-describedby') ?? '')?.textContent).toBe('At least 15.');
    expect(document.getElementById(ticket.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter an https:// address.');
    expect(document.getElementById(url.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter an http:// or https:// address.');
    expect(screen.getByText('Some fields need fixing.')).toBeTruthy();
    expect(document.activeElement).toBe(url);
  });

  it('saves valid settings and switches the language of the whole view', async () => {
    const view = renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    // Nothing to save until something changed.
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'fr');
    await userEvent.click(screen.getByLabelText('Quiet hours', { exact: false }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(view.calls.setSettings[0]).toMatchObject({ language: 'fr', quietHours: { enabled: true } });
    expect(await screen.findByText('Réglages enregistrés.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });

  it('shows only what matters in the browser dashboard, which raises no notifications', () => {
    renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, info: { platform: 'web' } });
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Status pages', 'General', 'Links']);
    expect(screen.queryByLabelText('Show notifications')).toBeNull();
    expect(screen.queryByLabelText('Remind me (minutes before)')).toBeNull();
    expect(screen.queryByLabelText('From')).toBeNull();
    cleanup();
    renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Status pages',
      'Notifications',
      'Followed and muted services',
      'Quiet hours',
      'General',
      'Links',
    ]);
  });

  it('edits quiet hours as 24-hour HH:MM in the language of the app, whatever the browser’s', async () => {
    const view = renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, settings: { language: 'fr' } });
    const from = screen.getByLabelText('De') as HTMLInputElement;
    // A type=time box would show "10:00 PM" in an English browser.
    expect(from.type).toBe('text');
    expect(from.lang).toBe('fr');
    expect(from.value).toBe('22:00');
    await userEvent.clear(from);
    await userEvent.type(from, '23:30');
    const to = screen.getByLabelText('À') as HTMLInputElement;
    await userEvent.clear(to);
    await userEvent.type(to, '7h');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(view.calls.setSettings).toHaveLength(0);
    expect(document.getElementById(to.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Utilisez le format HH:MM.');
    await userEvent.clear(to);
    await userEvent.type(to, '06:45');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(view.calls.setSettings[0]?.quietHours).toEqual({ enabled: false, start: '23:30', end: '06:45' });
  });

  it('hides launch at login in the browser dashboard', () => {
    renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW, info: { platform: 'web' } });
    expect(screen.queryByLabelText('Start when I log in')).toBeNull();
    cleanup();
    renderWith(<SettingsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    expect(screen.getByLabelText('Start when I log in')).toBeTruthy();
  });

  it('lists followed and muted services by name and removes them from the draft', async () => {
    const view = renderWith(<SettingsView />, {
      snapshot: wrap(gandiOutageSource()),
      now: OUTAGE_NOW,
      settings: { followedServices: ['k466qqxbp2qr'], mutedServices: ['jhmd6hcbk95m'] },
    });
    const followed = screen.getByRole('heading', { name: 'Followed' }).parentElement as HTMLElement;
    expect(within(followed).getByText('LiveDNS')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove SMTP in' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(view.calls.setSettings[0]).toMatchObject({ followedServices: ['k466qqxbp2qr'], mutedServices: [] });
  });
});

// @vitest-environment jsdom
// In an outage, the first screen says what is broken: banners under the header, services with
// problems first, and a way from a broken service to the incident about it.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { gandiAllOkSource, gandiOutageSource, GANDI, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

describe('the window in an outage', () => {
  it('names each open incident under the header; a click opens its card', () => {
    const view = renderWith(<App />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const banners = screen.getByRole('region', { name: 'What is happening now' });
    const buttons = within(banners).getAllByRole('button');
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons[0]?.textContent).toContain('Hard drive issues');
    expect(buttons[0]?.textContent).toContain('Impact: Major');
    fireEvent.click(buttons[0] as HTMLElement);
    expect(view.store.getState().view).toBe('incidents');
    expect(view.store.getState().highlight).toMatchObject({ kind: 'incident', sourceUrl: GANDI });
  });

  it('says nothing under the header on a quiet day', () => {
    renderWith(<App />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    expect(screen.queryByRole('region', { name: 'What is happening now' })).toBeNull();
  });

  it('lists services with problems first; a broken service opens the incident that names it', () => {
    const view = renderWith(<App />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    const problems = screen.getByRole('region', { name: 'Services with problems' });
    const link = within(problems).getByRole('button', { name: /^PAAS LU-BI1: open the incident/ });
    fireEvent.click(link);
    expect(view.store.getState().view).toBe('incidents');
  });

  it('shows only problems when asked, and says the browser tab state in its title', () => {
    renderWith(<App />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only problems' }));
    const names = [...document.querySelectorAll('.group .service-name')].map((name) => name.textContent);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('PAAS FR-SD3');
    expect(document.title).toBe('Major outage - Gandi Status');
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toContain('svg');
  });

  it('counts the maintenance tab while one is in progress or starts within a day, and not before', () => {
    const page = gandiOutageSource();
    const start = Math.min(...page.maintenances.map((m) => Date.parse(m.scheduledFor ?? '')).filter(Number.isFinite));
    const view = renderWith(<App />, { snapshot: wrap(page), now: start - 2 * 24 * 3_600_000 });
    const count = () => screen.getByRole('tab', { name: /Maintenance/ }).querySelector('.tab-count');
    expect(count()).toBeNull();
    act(() => view.setNow(start - 3_600_000));
    expect(count()?.textContent).toMatch(/^ \([1-9]\d*\)$/);
  });
});

describe('the ticket summary', () => {
  it('lists incidents worst first, the maintenances step 1 lists, and what the user already checked', async () => {
    const { buildTicketSummary } = await import('../../../renderer/src/summary');
    const { translator } = await import('../../../renderer/src/i18n/messages');
    const page = gandiOutageSource();
    const start = Math.min(...page.maintenances.map((m) => Date.parse(m.scheduledFor ?? '')).filter(Number.isFinite));
    const now = start - 3_600_000;
    const text = buildTicketSummary({
      snapshot: wrap(page),
      settings: null,
      info: null,
      now,
      t: translator('en'),
      lang: 'en',
      zone: { timeZone: 'Europe/Paris', locale: 'en-GB' },
      checked: ['Has the domain expired? Check its renewal date.'],
    });
    expect(text).toContain('Maintenance in progress or within 24 h:');
    expect(text).toContain('Already checked on my side:\n- Has the domain expired?');
    expect(text.indexOf('Hard drive issues')).toBeGreaterThan(0);
  });
});

describe('recent changes', () => {
  it('lists the changes main pushed, newest first, in the window language; an incident opens its card', async () => {
    const { IncidentsView } = await import('../../../renderer/src/components/IncidentsView');
    const { incidentOpenedEvent } = await import('../fixtures');
    const page = gandiOutageSource();
    const view = renderWith(<IncidentsView />, { snapshot: wrap(page), now: OUTAGE_NOW, settings: { language: 'fr' } });
    expect(screen.queryByRole('heading', { name: 'Changements récents' })).toBeNull();
    act(() => {
      view.store.getState().receiveEvent(incidentOpenedEvent(page, 0));
      view.store.getState().receiveEvent({
        type: 'service.changed',
        at: '2020-01-15T10:12:50.000Z',
        sourceUrl: GANDI,
        sourceName: 'Gandi',
        key: 'service.changed|x',
        url: GANDI,
        serviceId: 'c7hszlhjnvkn',
        serviceName: 'PAAS LU-BI1',
        from: 'operational',
        to: 'major_outage',
      });
    });
    const items = within(screen.getByRole('region', { name: 'Changements récents' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/^.*?\d\d:\d\d/, ''))).toEqual([
      'PAAS LU-BI1 : Opérationnel → Panne majeure',
      'Nouvel incident : Hard drive issues',
    ]);
    fireEvent.click(within(items[1] as HTMLElement).getByRole('button'));
    expect(view.store.getState().highlight).toMatchObject({ kind: 'incident', sourceUrl: GANDI });
  });
});

describe('an incident the page no longer lists', () => {
  it('is said to be being checked, not simply open', async () => {
    const { IncidentsView } = await import('../../../renderer/src/components/IncidentsView');
    const page = gandiOutageSource();
    const [first, ...rest] = page.incidents;
    if (!first) throw new Error('fixture changed');
    renderWith(<IncidentsView />, { snapshot: wrap({ ...page, incidents: [{ ...first, unlisted: true }, ...rest] }), now: OUTAGE_NOW });
    expect(screen.getAllByRole('note').map((note) => note.textContent)).toContain(
      'No longer listed by the status page, which has not said it is resolved: checking.',
    );
  });
});

// @vitest-environment jsdom
import { fireEvent, act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentsView } from '../../../renderer/src/components/IncidentsView';
import { MaintenancesView } from '../../../renderer/src/components/MaintenancesView';
import { discordMaintenances, gandiAllOkSource, gandiOutageSource, GANDI, GITHUB, githubResolvedSource, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

describe('IncidentsView', () => {
  it('lists open incidents before resolved ones, with impact, services, times and timeline', () => {
    const snapshot = wrap(gandiOutageSource(), githubResolvedSource());
    renderWith(<IncidentsView />, { snapshot, now: OUTAGE_NOW + 60_000 });
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual(['Open incidents', 'Recently resolved']);

    const open = screen.getAllByRole('article');
    expect(open.map((a) => within(a).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Hard drive issues',
      'Hard drive issues',
      'Incident with Pages and Actions',
      'Disruption with Git SSH',
    ]);
    const first = open[0] as HTMLElement;
    expect(within(first).getByText('Investigating', { selector: '.badge' })).toBeTruthy();
    expect(within(first).getByText('Investigating', { selector: 'strong' })).toBeTruthy(); // the timeline entry
    expect(within(first).getByText('Major')).toBeTruthy();
    expect(within(first).getByText('PAAS LU-BI1')).toBeTruthy(); // the name, not the id c7hszlhjnvkn
    expect(within(first).getByText('we are currently validating this new status')).toBeTruthy();

    const pages = open[2] as HTMLElement;
    // The latest update is shown; the earlier ones are folded until asked for.
    expect(within(pages).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(pages).getByRole('button', { name: 'Show 5 earlier updates' }));
    expect(within(pages).getAllByRole('listitem')).toHaveLength(6);
    expect(within(pages).getByText('Resolved', { selector: 'dt' })).toBeTruthy();
  });

  it('says there is no open incident when only resolved ones are listed', () => {
    renderWith(<IncidentsView />, { snapshot: wrap(githubResolvedSource()), now: OUTAGE_NOW });
    expect(screen.getByText('No open incidents. Recently resolved ones are below.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Recently resolved']);
  });

  it('opens the incident page through the bridge with its source and id', async () => {
    const view = renderWith(<IncidentsView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    await userEvent.click(screen.getAllByRole('button', { name: /^Open incident page: / })[0] as HTMLElement);
    expect(view.calls.openExternal).toEqual([{ kind: 'incident', sourceUrl: GANDI, id: '4vtwdck61r3w' }]);
  });

  it('shows markup from the API as text, never as HTML', () => {
    const source = gandiOutageSource();
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    const incident = source.incidents[0];
    if (!incident) throw new Error('fixture changed');
    const tampered = {
      ...source,
      incidents: [{ ...incident, title: `<script>x</script>${incident.title}`, updates: [{ ...incident.updates[0]!, body: hostile }] }],
    };
    const { container } = renderWith(<IncidentsView />, { snapshot: wrap(tampered), now: OUTAGE_NOW });
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>x</script>Hard drive issues')).toBeTruthy();
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('lands on a deep-linked incident: focused and highlighted', () => {
    const view = renderWith(<IncidentsView />, { snapshot: wrap(gandiOutageSource()), now: OUTAGE_NOW });
    act(() => view.store.getState().show({ kind: 'incident', sourceUrl: GANDI, id: '4vt3dck64r31' }));
    const target = document.querySelector('[data-incident-id="4vt3dck64r31"]') as HTMLElement;
    expect(target.className).toContain('highlighted');
    expect(document.activeElement).toBe(target);
    expect(document.querySelectorAll('.highlighted')).toHaveLength(1);
  });

  it('moves focus off the previous card when the next deep-linked incident is not listed, and onto it when it arrives', () => {
    const full = gandiOutageSource();
    const without = { ...full, incidents: full.incidents.filter((incident) => incident.id !== '4vtwdck61r3w') };
    const view = renderWith(<IncidentsView />, { snapshot: wrap(without), now: OUTAGE_NOW });
    act(() => view.store.getState().show({ kind: 'incident', sourceUrl: GANDI, id: '4vt3dck64r31' }));
    expect(document.activeElement?.getAttribute('data-incident-id')).toBe('4vt3dck64r31');

    act(() => view.store.getState().show({ kind: 'incident', sourceUrl: GANDI, id: '4vtwdck61r3w' }));
    const notice = screen.getByRole('status');
    expect(notice.textContent).toMatch(/no longer listed/);
    expect(document.activeElement).toBe(notice);
    expect(document.querySelectorAll('.highlighted')).toHaveLength(0);

    // The next poll brings it (the notification was faster than the window's data).
    act(() => view.store.getState().receiveSnapshot(wrap(full)));
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.activeElement?.getAttribute('data-incident-id')).toBe('4vtwdck61r3w');
    expect(document.querySelector('.highlighted')?.getAttribute('data-incident-id')).toBe('4vtwdck61r3w');
    // Later snapshots do not pull focus back to it.
    (screen.getAllByRole('button', { name: /^Open incident page: / })[1] as HTMLElement).focus();
    act(() => view.store.getState().receiveSnapshot(wrap({ ...full })));
    expect(document.activeElement?.textContent).toMatch(/^Open incident page: /);
  });

  it('says so when a deep-linked incident is no longer listed', () => {
    const view = renderWith(<IncidentsView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    act(() => view.store.getState().show({ kind: 'incident', sourceUrl: GITHUB, id: 'gone' }));
    expect(screen.getByRole('status').textContent).toMatch(/no longer listed/);
  });
});

describe('MaintenancesView', () => {
  it('shows upcoming maintenance in local time with relative times and services', () => {
    const now = Date.parse('2020-01-22T02:00:00Z');
    renderWith(<MaintenancesView />, { snapshot: wrap(gandiOutageSource(now)), now });
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(3);
    const eurid = cards[0] as HTMLElement;
    expect(within(eurid).getByRole('heading').textContent).toBe('[Production] Registry Eurid Maintenance');
    expect(eurid.textContent).toContain('Wed 22 Jan, 06:00 – 09:00'); // Paris time
    expect(eurid.textContent).toContain('starts in 3 h · for 3 h');
    expect(within(eurid).getByText('Domain name registration')).toBeTruthy();
  });

  it('shows one in progress with its end, in another zone', () => {
    const now = Date.parse('2020-01-22T06:00:00Z');
    const source = gandiOutageSource(now);
    const running = { ...source, maintenances: source.maintenances.map((m, i) => (i === 0 ? { ...m, status: 'in_progress' as const } : m)) };
    renderWith(<MaintenancesView />, { snapshot: wrap(running), now, timeZone: 'Asia/Tokyo' });
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toBe('In progress');
    const card = screen.getAllByRole('article')[0] as HTMLElement;
    expect(card.textContent).toContain('Wed 22 Jan, 14:00 – 17:00');
    expect(card.textContent).toContain('ends in 2 h');
  });

  it('shows the real completed Discord maintenance as completed, and opens its page', async () => {
    const now = Date.parse('2015-11-06T06:00:00Z');
    const source = { ...gandiAllOkSource(now), maintenances: discordMaintenances(now) };
    const view = renderWith(<MaintenancesView />, { snapshot: wrap(source), now, settings: { language: 'fr' } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tout juste terminées');
    expect(screen.getByText('Terminée')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir la page de la maintenance' }));
    expect(view.calls.openExternal[0]).toMatchObject({ kind: 'maintenance', sourceUrl: GANDI });
  });

  it('says so when a deep-linked maintenance is not listed, and lands on it when it arrives', () => {
    const now = Date.parse('2020-01-22T02:00:00Z');
    const full = gandiOutageSource(now);
    const target = full.maintenances[1];
    if (!target) throw new Error('fixture changed');
    const view = renderWith(<MaintenancesView />, { snapshot: wrap({ ...full, maintenances: [] }), now });
    act(() => view.store.getState().show({ kind: 'maintenance', sourceUrl: GANDI, id: target.id }));
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe('That maintenance is no longer listed: it may have ended a while ago.');
    expect(document.activeElement).toBe(notice);
    act(() => view.store.getState().receiveSnapshot(wrap(full)));
    expect(within(document.activeElement as HTMLElement).getByRole('heading').textContent).toBe(target.title);
  });

  it('says when nothing is planned', () => {
    renderWith(<MaintenancesView />, { snapshot: wrap(gandiAllOkSource()), now: OUTAGE_NOW });
    expect(screen.getByText('No maintenance in progress or planned.')).toBeTruthy();
  });
});

describe('MaintenanceCard', () => {
  it("shows the page's latest word on a maintenance, and when it really ended", () => {
    const now = Date.parse('2015-11-06T06:00:00Z');
    const source = { ...gandiAllOkSource(now), maintenances: discordMaintenances(now) };
    renderWith(<MaintenancesView />, { snapshot: wrap(source), now, timeZone: 'UTC' });
    expect(screen.getByText(/Everything seems to be working!/)).toBeTruthy();
    // Discord's maintenance ran late: completed at 09:25 UTC for a window ending at 08:30.
    expect(screen.getByText('completed at 09:25')).toBeTruthy();
  });

  it('says "early" for a maintenance the page completed before its planned end', () => {
    const now = Date.parse('2026-12-02T00:30:00Z');
    const base = gandiAllOkSource(now);
    const early = {
      id: 'm-early',
      title: 'Upgrade of the .fr registry link',
      status: 'completed' as const,
      scheduledFor: '2026-12-01T23:00:00.000Z',
      scheduledUntil: '2026-12-02T04:00:00.000Z',
      services: [],
      url: `${GANDI}/incidents/m-early`,
      completedAt: '2026-12-02T00:07:00.000Z',
    };
    renderWith(<MaintenancesView />, { snapshot: wrap({ ...base, maintenances: [early] }), now, timeZone: 'UTC' });
    expect(screen.getByText('completed at 00:07 (early)')).toBeTruthy();
    expect(screen.queryByText(/ended in/)).toBeNull();
  });
});

// @vitest-environment jsdom
// "Watch only part of a page" in the window: chosen in Settings from what the page lists, then the
// header follows the watched part and the rest of the page is shown dimmed, marked "Not watched".
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/Header';
import { ServicesView } from '../../../renderer/src/components/ServicesView';
import { SettingsView } from '../../../renderer/src/components/SettingsView';
import { GANDI, gandiOutageSource, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

const outage = () => wrap(gandiOutageSource());

describe('watching part of a page', () => {
  it('is chosen in Settings by group or by component, from what the page lists', async () => {
    const view = renderWith(<SettingsView />, { snapshot: outage(), now: OUTAGE_NOW });
    await userEvent.click(screen.getByText('Watching the whole page'));
    await userEvent.click(screen.getByLabelText('All of DNS'));
    // A watched group watches each of its components.
    expect((screen.getByLabelText('LiveDNS') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByLabelText('Domain name registration'));
    expect(view.store.getState().settingsDraft?.sources[0]?.watch).toEqual({ services: [expect.any(String)], groups: ['DNS'] });
    expect(screen.getByText('Watching part of the page: 1 group, 1 component')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Filter components…'), 'live');
    expect(screen.queryByLabelText('Domain name registration')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Watch the whole page' }));
    expect(view.store.getState().settingsDraft).toBeNull();
  });

  it('colours the header by the watched part and dims the rest of the page', () => {
    const settings = { sources: [{ url: GANDI, kind: 'auto' as const, watch: { services: [], groups: ['DNS'] } }] };
    renderWith(
      <>
        <Header />
        <ServicesView />
      </>,
      { snapshot: outage(), now: OUTAGE_NOW, settings },
    );
    // The page is in major outage (a PaaS datacenter); its DNS is fine.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('All services operational');
    const broken = screen.getAllByText('PAAS LU-BI1')[0]?.closest('li') as HTMLElement;
    expect(broken.className).toContain('muted');
    expect(within(broken).getByText('Not watched')).toBeTruthy();
    const dns = screen.getByText('LiveDNS').closest('li') as HTMLElement;
    expect(dns.className).not.toContain('muted');
  });

  it('dims nothing when the choice names nothing the page still lists (the whole page counts)', () => {
    const settings = { sources: [{ url: GANDI, kind: 'auto' as const, watch: { services: ['gone'], groups: ['Renamed'] } }] };
    renderWith(
      <>
        <Header />
        <ServicesView />
      </>,
      { snapshot: outage(), now: OUTAGE_NOW, settings },
    );
    expect(screen.queryByText('Not watched')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Major outage');
  });
});

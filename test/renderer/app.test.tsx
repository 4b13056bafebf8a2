// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { connectBridge, unavailableBridge } from '../../renderer/src/bridge';
import { AppProvider } from '../../renderer/src/context';
import { createAppStore } from '../../renderer/src/store';
import { appState, fakeApi, gandiOutageSource, GANDI, INFO, OUTAGE_NOW, wrap } from './fixtures';

afterEach(cleanup);
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

function mount(api = fakeApi(appState(wrap(gandiOutageSource())))) {
  const store = createAppStore({ clock: () => OUTAGE_NOW });
  const disconnect = connectBridge(api.api, store);
  render(
    <AppProvider store={store} api={api.api} reconnect={() => connectBridge(api.api, store)} timeZone="Europe/Paris">
      <App />
    </AppProvider>,
  );
  return { store, disconnect, ...api };
}

describe('App', () => {
  it('is a tablist driven by arrow keys, Home and End', async () => {
    mount();
    await settle();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Services', 'Incidents (2)', 'Maintenance', 'Support', 'Settings']);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-overview');
    tabs[0]?.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.id).toBe('tab-incidents');
    expect(screen.getByRole('tab', { name: /Incidents/ }).getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-settings');
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.id).toBe('tab-overview');
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement?.id).toBe('tab-settings');
  });

  it('follows a deep link pushed by main to the incident', async () => {
    const app = mount();
    await settle();
    act(() => app.push('show', { kind: 'incident', sourceUrl: GANDI, id: '4vt3dck64r31' }));
    expect(screen.getByRole('tab', { name: /Incidents/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.getAttribute('data-incident-id')).toBe('4vt3dck64r31');
  });

  it('speaks French when the system locale is French, and switches with the setting', async () => {
    const app = mount(fakeApi(appState(wrap(gandiOutageSource()), { info: { ...INFO, locale: 'fr-FR' } })));
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Panne majeure');
    expect(document.documentElement.lang).toBe('fr');
    act(() => app.push('settings', { ...app.store.getState().settings, language: 'en' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Major outage');
    expect(screen.getByRole('tab', { name: 'Support' })).toBeTruthy();
  });

  it('keeps unsaved settings when switching tabs, until they are saved or undone', async () => {
    const app = mount();
    await settle();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    const interval = () => screen.getByLabelText('Check every (seconds)') as HTMLInputElement;
    await userEvent.clear(interval());
    await userEvent.type(interval(), '120');
    await userEvent.click(screen.getByLabelText('Hold notifications during quiet hours'));
    await userEvent.click(screen.getByRole('tab', { name: 'Services' }));
    // The view is hidden (kept mounted, so a long page is not built again), and out of the accessibility tree.
    expect(screen.queryByRole('spinbutton', { name: 'Check every (seconds)' })).toBeNull();
    expect((document.getElementById('panel-settings') as HTMLElement).hidden).toBe(true);
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(interval().value).toBe('120');
    expect((screen.getByLabelText('Hold notifications during quiet hours') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Unsaved changes.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Undo changes' }));
    expect(interval().value).toBe('60');
    await userEvent.clear(interval());
    await userEvent.type(interval(), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(app.calls.setSettings.at(-1)?.pollIntervalSeconds).toBe(90);
    expect(app.store.getState().settingsDraft).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: 'Services' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(interval().value).toBe('90');
  });

  it('says when the dashboard server is gone, and reloads the state once it is back', async () => {
    const app = mount();
    await settle();
    expect(app.calls.getState).toHaveLength(1);
    act(() => app.link('lost'));
    expect(screen.getByRole('alert').textContent).toContain('Lost connection to the dashboard server');
    // The page still shows the last picture it had.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Major outage');
    act(() => app.link('open'));
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(app.calls.getState).toHaveLength(2);
  });

  it('shows "No connection to the status service" when there is no bridge', async () => {
    const store = createAppStore({ clock: () => OUTAGE_NOW });
    const api = unavailableBridge('this build has no browser connection');
    connectBridge(api, store);
    render(
      <AppProvider store={store} api={api} reconnect={() => undefined}>
        <App />
      </AppProvider>,
    );
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('No connection to the status service');
    expect(screen.getByText('this build has no browser connection')).toBeTruthy();
  });
});

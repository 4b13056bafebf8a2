// @vitest-environment jsdom
// The last 90 days in the Incidents tab: bars per group (unfolded to components), past incidents,
// and the plain statement that it is this app's own record, since when.
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyHistory, recordObservation } from '../../../common/history';
import { IncidentsView } from '../../../renderer/src/components/IncidentsView';
import { createFakeBridge } from '../../support/fake-bridge';
import { appState, gandiAllOkSource, GANDI, OUTAGE_NOW, wrap } from '../fixtures';
import { renderWith } from '../render';

afterEach(cleanup);

describe('the history section', () => {
  it('draws 90 days per group, with the days not watched left blank, and lists past incidents', async () => {
    const snapshot = wrap(gandiAllOkSource());
    const now = new Date(OUTAGE_NOW);
    // Yesterday LiveDNS was degraded for a while; an incident ended.
    const yesterday = new Date(now.getTime() - 86_400_000);
    const troubled = structuredClone(snapshot);
    const source = troubled.sources[0]!;
    source.services = source.services.map((s) => (s.name === 'LiveDNS' ? { ...s, status: 'degraded' as const } : s));
    source.incidents = [
      { id: 'i1', title: 'LiveDNS slow', status: 'resolved', impact: 'minor', services: [source.services.find((s) => s.name === 'LiveDNS')!.id], startedAt: new Date(yesterday.getTime() - 3_600_000).toISOString(), updatedAt: null, resolvedAt: yesterday.toISOString(), url: `${GANDI}/incidents/i1`, updates: [] },
    ];
    let history = recordObservation(emptyHistory(), troubled, yesterday, new Map());
    history = recordObservation(history, troubled, new Date(yesterday.getTime() + 10 * 60_000), new Map([[GANDI, 10]]));
    history = recordObservation(history, snapshot, now, new Map([[GANDI, 10]]));
    const fake = createFakeBridge({ getState: () => appState(snapshot), getHistory: () => history });
    renderWith(<IncidentsView />, { snapshot, now: OUTAGE_NOW, api: fake.api });

    expect(await screen.findByText('The last 90 days')).toBeTruthy();
    expect(screen.getByText(/As this app saw it, watching since/)).toBeTruthy();
    const dns = screen.getByRole('img', { name: /^DNS: .* without trouble over the days watched; 1 day with problems/ });
    const cells = dns.querySelectorAll('.day');
    expect(cells).toHaveLength(90);
    expect(cells[88]?.className).toContain('level-degraded');
    expect(cells[89]?.className).toContain('level-operational');
    expect(cells[0]?.className).toContain('level-none');
    await userEvent.click(screen.getByRole('button', { name: /^DNS/ }));
    expect(screen.getByRole('img', { name: /^LiveDNS: / })).toBeTruthy();
    const past = screen.getByText('LiveDNS slow').closest('li') as HTMLElement;
    expect(within(past).getByText(/Minor .* lasted 1 h/)).toBeTruthy();
  });

  it('says nothing is recorded yet on a first start', async () => {
    const snapshot = wrap(gandiAllOkSource());
    const fake = createFakeBridge({ getState: () => appState(snapshot), getHistory: () => emptyHistory() });
    renderWith(<IncidentsView />, { snapshot, now: OUTAGE_NOW, api: fake.api });
    expect(await screen.findByText(/nothing is recorded yet/)).toBeTruthy();
  });
});

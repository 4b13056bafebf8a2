// The provider examples mark some fields GUESS (test/fixtures/providers/SOURCES.md): nobody has
// seen them in a live answer. Each adapter must read the page as well without them, or with the
// other shape a guess could as well have taken.
import { describe, expect, it } from 'vitest';
import { snapshotFromBetterstack } from '../../../../main/core/sources/betterstack';
import { snapshotFromCachet } from '../../../../main/core/sources/cachet';
import { snapshotFromIncidentIo } from '../../../../main/core/sources/incident-io';
import { snapshotFromInstatus } from '../../../../main/core/sources/instatus';
import { snapshotFromStatusio } from '../../../../main/core/sources/statusio';
import { FETCHED_AT, provider, STATUSIO_PAGE_ID } from './provider-fixtures';

const BASE = 'https://status.acme.example';
// Example documents edited field by field below: typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const copy = (name: string): Json => structuredClone(provider(name)) as Json;

describe('incident.io without its guessed fields', () => {
  it('reads a summary with no incidents key, no maintenances and no indicator, and a bare component list', () => {
    const summary = copy('incident-io/api_v2_summary.json');
    delete summary.incidents;
    delete summary.scheduled_maintenances;
    summary.status = { description: null };
    const components = copy('incident-io/api_v2_components.json').components;
    const snapshot = snapshotFromIncidentIo({ summary, components, widget: copy('incident-io/api_v1_summary.widget.json') }, BASE, FETCHED_AT);
    expect(snapshot.services).toHaveLength(8);
    expect(snapshot.overall).toBe('partial_outage');
    // The widget alone still tells of the ongoing incident and the planned maintenance.
    expect(snapshot.incidents.map((i) => [i.id, i.status, i.impact])).toEqual([['01J9X9YP981068VCD1GDJFMGT8', 'identified', 'major']]);
    expect(snapshot.maintenances.map((m) => [m.id, m.status])).toEqual([['01JPM5Q1NXW1RNJ47E65GH2BH8', 'scheduled']]);
  });

  it("reads incident.io's own words for a maintenance and a full outage in the compat summary", () => {
    const summary = copy('incident-io/api_v2_summary.json');
    summary.scheduled_maintenances[0].status = 'maintenance_in_progress';
    summary.components[2].status = 'full_outage';
    const snapshot = snapshotFromIncidentIo({ summary, components: null, widget: null }, BASE, FETCHED_AT);
    expect(snapshot.maintenances[0]?.status).toBe('in_progress');
    expect(snapshot.overall).toBe('major_outage');
  });
});

describe('Instatus without its guessed fields', () => {
  it('reads items without updatedAt, a duration as a number, and a component list of another shape', () => {
    const summary = copy('instatus/summary.json');
    delete summary.activeIncidents[0].updatedAt;
    summary.activeMaintenances[0].duration = 120;
    const snapshot = snapshotFromInstatus({ summary, components: { items: [] } }, BASE, FETCHED_AT);
    expect(snapshot.overall).toBe('degraded');
    expect(snapshot.services).toEqual([]);
    expect(snapshot.incidents[0]).toMatchObject({ status: 'identified', updatedAt: '2026-03-12T09:14:03.000Z' });
    expect(snapshot.maintenances[0]).toMatchObject({ scheduledUntil: '2026-03-15T04:00:00.000Z' });
  });
});

describe('Better Stack without its guessed fields', () => {
  it('reads the page without the future maintenance report, and updates listed oldest first', () => {
    const index = copy('betterstack/index.json');
    index.included = index.included.filter((m: Json) => m.id !== '9002');
    const report = index.included.find((m: Json) => m.id === '9001');
    report.relationships.status_updates.data.reverse();
    const snapshot = snapshotFromBetterstack(index, BASE, FETCHED_AT);
    expect(snapshot.maintenances).toEqual([]);
    expect(snapshot.incidents[0]?.updates.map((u) => u.at)).toEqual(['2026-03-12T09:41:07.000Z', '2026-03-12T09:14:03.000Z']);
  });
});

describe('Cachet 3 without its guessed layout', () => {
  it('reads groups without relationships and incidents without included updates', () => {
    const groups = copy('cachet/v3/api_component-groups.include_components.json');
    delete groups.data[0].relationships;
    delete groups.included;
    const incidents = copy('cachet/v3/api_incidents.include_updates.json');
    delete incidents.included;
    const snapshot = snapshotFromCachet(
      {
        version: 3,
        components: [copy('cachet/v3/api_components.json')],
        groups,
        incidents,
        schedules: copy('cachet/v3/api_schedules.include_components.json'),
      },
      BASE,
      FETCHED_AT,
    );
    expect(snapshot.services.map((s) => s.group)).toEqual([null, null, null, null]);
    expect(snapshot.overall).toBe('partial_outage');
    expect(snapshot.incidents[0]).toMatchObject({ status: 'monitoring' });
  });
});

describe('status.io without its guessed order', () => {
  it('reads the latest message whatever the order of the list', () => {
    const body = copy(`statusio/1.0_status_${STATUSIO_PAGE_ID}.json`);
    body.result.incidents[0].messages.reverse();
    const snapshot = snapshotFromStatusio(body, BASE, `https://api.status.io/1.0/status/${STATUSIO_PAGE_ID}`, FETCHED_AT);
    expect(snapshot.incidents[0]).toMatchObject({ status: 'identified', impact: 'major' });
    expect(snapshot.incidents[0]?.updates[0]?.at).toBe('2026-03-12T09:41:07.498Z');
  });
});

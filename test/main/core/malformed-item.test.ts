// One malformed item never blinds a whole source: it is left out, said once, and the rest is read,
// detected as the format it is.
import { describe, expect, it } from 'vitest';
import type { PollerTimers } from '../../../main/core/poller';
import { createStatusCore } from '../../../main/core/status-core';
import { fakeStatuspage, PAGE_URL, rawIncident } from './fake-statuspage';

const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('a page with one malformed incident', () => {
  it.each(['statuspage', 'auto'] as const)('is read without it (%s), and said once', async (kind) => {
    const page = fakeStatuspage();
    const at = new Date(Date.now() - 60_000).toISOString();
    const good = rawIncident('good', [{ status: 'investigating', at }]);
    const bad = { ...rawIncident('bad', [{ status: 'investigating', at }]), name: null };
    page.summary.incidents = [bad, good];
    const warnings: string[] = [];
    const opened: string[] = [];
    const core = createStatusCore({ sources: [{ url: PAGE_URL, kind }], fetch: page.fetch, timers: idle, onWarning: (m) => warnings.push(m) });
    core.subscribe(({ events }) => {
      for (const event of events) if (event.type === 'incident.opened') opened.push(event.incidentId);
    });
    await core.start();
    await core.refreshNow();
    await core.refreshNow();
    const source = core.getSnapshot().sources[0];
    expect(source).toMatchObject({ stale: false, error: null, kind: 'statuspage' });
    expect(source?.incidents.map((incident) => incident.id)).toEqual(['good']);
    expect(source?.services.length).toBeGreaterThan(0);
    expect(opened).toEqual(['good']);
    expect(warnings).toEqual(['status.example.test: left out 1 item it could not read (incidents.0); the rest of the page is shown']);
    await core.stop();
  });
});

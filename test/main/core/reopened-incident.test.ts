// An incident that is resolved, reopened and resolved again has two resolutions; one closing seen
// again (next poll, restart) is still one.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollerTimers } from '../../../main/core/poller';
import { createFileStateStore } from '../../../main/core/state-store';
import { createStatusCore } from '../../../main/core/status-core';
import { fakeStatuspage, PAGE_URL, rawIncident, type FakePage } from './fake-statuspage';

const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reopened-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function coreOn(page: FakePage, heard: string[]) {
  const core = createStatusCore({
    sources: [{ url: PAGE_URL, kind: 'statuspage' }],
    fetch: page.fetch,
    timers: idle,
    store: createFileStateStore(path.join(dir, 'state.json')),
  });
  core.subscribe(({ events }) => {
    for (const event of events) if (event.type.startsWith('incident.')) heard.push(event.type);
  });
  return core;
}

describe('a reopened incident', () => {
  it('is announced resolved at each of its two closings, once each, across a restart', async () => {
    const page = fakeStatuspage();
    const heard: string[] = [];
    let core = coreOn(page, heard);
    await core.start();
    // Within the last hours: resolved incidents are kept for a day.
    const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const steps = [{ status: 'investigating', at: at(120) }];
    const show = async (): Promise<void> => {
      page.summary.incidents = [rawIncident('inc1', steps)];
      await core.refreshNow();
    };
    await show();
    steps.push({ status: 'resolved', at: at(90) });
    await show();
    await show(); // the same closing again
    steps.push({ status: 'investigating', at: at(60) });
    await show();
    steps.push({ status: 'resolved', at: at(30) });
    await show();
    await core.stop();

    core = coreOn(page, heard); // the same closing after a restart
    await core.start();
    await show();
    await core.stop();
    expect(heard).toEqual(['incident.opened', 'incident.resolved', 'incident.updated', 'incident.resolved']);
  });
});

// Two source changes close together, during a slow poll: the core ends up polling the newest list.
import { describe, expect, it } from 'vitest';
import type { PollerTimers } from '../../../main/core/poller';
import { createStatusCore } from '../../../main/core/status-core';
import { mutable } from './sources/fixtures';

const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const summary = mutable('statuspage-gandi-summary-all-ok.json');

describe('updateSources', () => {
  it('applies changes one at a time, the last one winning, even while a poll is slow', async () => {
    const asked: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const core = createStatusCore({
      sources: [{ url: 'https://old.example.test', kind: 'statuspage' }],
      timers: idle,
      fetch: async (url) => {
        asked.push(new URL(url).host);
        if (url.startsWith('https://old.')) await slow;
        return new Response(JSON.stringify(summary), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await core.start(); // the first poll of the old page is under way, and slow
    const first = core.updateSources([{ url: 'https://first.example.test', kind: 'statuspage' }]);
    const second = core.updateSources([{ url: 'https://second.example.test', kind: 'statuspage' }]);
    releaseSlow();
    await Promise.all([first, second]);
    expect(core.getSnapshot().sources.map((source) => source.url)).toEqual(['https://second.example.test']);
    asked.length = 0;
    await core.refreshNow();
    expect(new Set(asked)).toEqual(new Set(['second.example.test']));
    await core.stop();
  });
});

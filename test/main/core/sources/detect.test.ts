// API detection against the simulator's faults: a broken answer is reported for what it is, never
// hidden behind "answers like no status page format".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, SourceError, type HttpClient } from '../../../../main/core/http';
import { createSource } from '../../../../main/core/sources';
import { detectKind } from '../../../../main/core/sources/detect';
import { startSimulator, type Simulator } from '../../../simulator/server';
import type { ScenarioName } from '../../../simulator/scenarios';

const MAX_BYTES = 64 * 1024;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'all-clear', hugeBytes: 4 * MAX_BYTES });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.setScenario('all-clear');
  sim.requests.clear();
});

function http(): HttpClient {
  return createHttpClient({ fetch: globalThis.fetch, timeoutMs: 2000, maxBytes: MAX_BYTES });
}

async function failure(run: () => Promise<unknown>): Promise<SourceError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

const FAULTS: Array<{ fault: ScenarioName; reason: SourceError['reason']; message: RegExp }> = [
  { fault: 'invalid-json', reason: 'invalid', message: /sent data that is not valid JSON/ },
  { fault: 'html-error-200', reason: 'invalid', message: /sent a web page instead of JSON/ },
  { fault: 'huge', reason: 'too-large', message: /sent more than 64 KB; not read/ },
];

describe('detectKind meets a fault', () => {
  it.each(FAULTS)('$fault: reports the fault itself', async ({ fault, reason, message }) => {
    sim.setScenario(fault);
    const error = await failure(() => detectKind(http(), sim.url));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/answers like no status page format/);
  });

  it('does not guess past a body too large to read (the legacy API is not asked)', async () => {
    sim.setScenario('huge');
    await failure(() => detectKind(http(), sim.url));
    expect(sim.requests.all().map((r) => r.path)).toEqual(['/api/v2/summary.json']);
  });
});

describe('an auto-detected source in a long run (--watch)', () => {
  it.each(FAULTS)('$fault after detection: every poll shows the fault, and the kind is kept', async ({ fault, message }) => {
    const source = createSource({ url: sim.url, kind: 'auto' }, { http: http(), now: () => new Date() });
    const first = await source.fetchSnapshot(null);
    expect(source.kind).toBe('statuspage');
    sim.setScenario(fault);
    sim.requests.clear();
    for (let poll = 0; poll < 3; poll += 1) {
      const error = await failure(() => source.fetchSnapshot(first));
      expect(error.message, `poll ${poll}`).toMatch(message);
    }
    // Not detected again: the legacy API was never asked.
    expect(sim.requests.forPath('/api/status')).toEqual([]);
    sim.setScenario('all-clear');
    expect(await source.fetchSnapshot(first)).toMatchObject({ kind: 'statuspage', stale: false });
  });

  it.each(FAULTS)('$fault before detection: the first polls show the fault too', async ({ fault, message }) => {
    sim.setScenario(fault);
    const source = createSource({ url: sim.url, kind: 'auto' }, { http: http(), now: () => new Date() });
    for (let poll = 0; poll < 2; poll += 1) {
      expect((await failure(() => source.fetchSnapshot(null))).message).toMatch(message);
    }
    sim.setScenario('all-clear');
    expect(await source.fetchSnapshot(null)).toMatchObject({ kind: 'statuspage' });
  });
});

// The history kept on disk: saved now and then and at stop, read back at start; a file that cannot
// be read starts a new history with a warning, and never stops the app.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryRecorder, historyFileBeside } from '../../../main/core/history-recorder';
import type { StatusSnapshot } from '../../../common/model';
import { service, sourceSnapshot } from '../../support/snapshots';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gandi-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const down: StatusSnapshot = { overall: 'major_outage', sources: [sourceSnapshot({ services: [service('dns', 'major_outage', 'DNS', 'LiveDNS')] })] };

describe('the history recorder', () => {
  it('saves what it recorded and reads it back after a restart', async () => {
    const file = path.join(dir, 'history.json');
    let clock = new Date(2026, 11, 2, 10, 0);
    const first = createHistoryRecorder({ file, now: () => clock, saveEveryMs: 60 * 60_000 });
    await first.load();
    first.record(down);
    clock = new Date(2026, 11, 2, 10, 5);
    first.record(down);
    await first.flush();
    const second = createHistoryRecorder({ file, now: () => clock });
    await second.load();
    expect(second.history()).toEqual(first.history());
    expect(second.history().sources[0]?.services[0]?.days[0]).toMatchObject({ worst: 'major_outage', down: 5 });
  });

  it('starts a new history from a file it cannot read, and says so', async () => {
    const file = path.join(dir, 'history.json');
    await writeFile(file, '{"version": 1, "sources": "garbage"');
    const warnings: string[] = [];
    const recorder = createHistoryRecorder({ file, onWarning: (message) => warnings.push(message) });
    await recorder.load();
    expect(recorder.history().sources).toEqual([]);
    expect(warnings).toEqual([`The history file ${file} could not be read; starting a new history.`]);
    recorder.record(down);
    await recorder.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, sources: [{ name: down.sources[0]?.name }] });
  });

  it('is kept beside a state file', () => {
    expect(historyFileBeside('/var/lib/gandi/state.json')).toBe('/var/lib/gandi/state-history.json');
  });
});

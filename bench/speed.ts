// Parsing and diffing speed: the pure work done on every poll, measured on Gandi's real summaries
// and on a page far larger than any real one.
import { diffSource } from '../main/core/differ';
import { snapshotFromSummary } from '../main/core/sources/statuspage';
import type { Measurement } from './report';
import { measureSpeed, type SpeedOptions } from './stats';
import { changedSummary, GANDI_SUMMARIES, LARGE_PAGE, largeSummary, readRealSummary } from './synthetic';

const BASE = 'https://status.gandi.net';
const NOW = new Date('2024-03-05T12:00:00Z');
const LATER = new Date('2024-03-05T12:01:00Z');

/** A poll every 60 s leaves far more room than this; it guards against accidental quadratic work. */
export const GOALS = { gandiParseUs: 1000, largeParseUs: 50_000, largeDiffUs: 10_000 } as const;

function speedRow(section: string, name: string, call: () => unknown, options: SpeedOptions, goal?: Measurement['goal']): Measurement {
  const result = measureSpeed(call, options);
  return {
    section,
    name,
    value: result.medianUs,
    unit: 'µs',
    detail: `${Math.round(result.opsPerSecond).toLocaleString('en-US')} ops/s, ${result.calls} calls, worst round ${result.worstRoundUs.toFixed(1)} µs`,
    ...(goal ? { goal } : {}),
  };
}

export function runParseBench(options: SpeedOptions): Measurement[] {
  const rows: Measurement[] = [];
  for (const file of GANDI_SUMMARIES) {
    const body = readRealSummary(file);
    const name = `snapshotFromSummary ${file.replace('statuspage-gandi-summary-', 'gandi ').replace('.json', '')}`;
    rows.push(
      speedRow('parse', name, () => snapshotFromSummary(body, BASE, NOW), options, {
        max: GOALS.gandiParseUs,
        why: "Gandi's real summary parses in under 1 ms (median)",
      }),
    );
  }
  const large = largeSummary();
  const size = `${LARGE_PAGE.components} components, ${LARGE_PAGE.incidents}×${LARGE_PAGE.updatesPerIncident} updates`;
  rows.push(
    speedRow('parse', `snapshotFromSummary large (${size})`, () => snapshotFromSummary(large, BASE, NOW), options, {
      max: GOALS.largeParseUs,
      why: 'a page 20 times larger than Gandi still parses in under 50 ms',
    }),
  );
  const text = JSON.stringify(large);
  rows.push(
    speedRow('parse', `JSON.parse + snapshotFromSummary large (${Math.round(text.length / 1024)} KB)`, () =>
      snapshotFromSummary(JSON.parse(text), BASE, NOW), options),
  );
  return rows;
}

export function runDiffBench(options: SpeedOptions): Measurement[] {
  const before = snapshotFromSummary(largeSummary(), BASE, NOW);
  const after = snapshotFromSummary(changedSummary(largeSummary()), BASE, LATER);
  const events = diffSource(before, after, LATER).length;
  const row = speedRow('diff', `diffSource large, with changes`, () => diffSource(before, after, LATER), options, {
    max: GOALS.largeDiffUs,
    why: 'diffing two large snapshots takes under 10 ms',
  });
  const unchanged = speedRow('diff', 'diffSource large, nothing changed', () => diffSource(before, { ...before, fetchedAt: LATER.toISOString() }, LATER), options);
  return [{ ...row, detail: `${events} events; ${row.detail ?? ''}` }, unchanged];
}

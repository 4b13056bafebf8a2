// A quick run of the benchmark code, so `npm run bench` cannot rot between runs: the figures are
// not judged here (timed tests on a shared machine mean nothing), only that each is measured and
// reported in the documented JSON shape.
import { describe, expect, it } from 'vitest';
import { jsonLines } from '../bench/report';
import { runDiffBench, runParseBench } from '../bench/speed';
import { runLatencyBench } from '../bench/latency';

describe('benchmarks, smoke run', () => {
  it('measures parsing and diffing and reports each figure as {name, value, unit, runs, goal, ok}', () => {
    const quick = { warmupMs: 5, rounds: 2, roundMs: 10 };
    const measurements = [...runParseBench(quick), ...runDiffBench(quick)];
    expect(measurements.length).toBeGreaterThanOrEqual(4);
    for (const line of jsonLines(measurements)) {
      const figure = JSON.parse(line) as { name: string; value: number; unit: string; runs: number | null; goal: unknown; ok: boolean | null };
      expect(Object.keys(figure)).toEqual(['name', 'value', 'unit', 'runs', 'goal', 'ok']);
      expect(Number.isFinite(figure.value) && figure.value > 0).toBe(true);
      expect(figure.ok === null || typeof figure.ok === 'boolean').toBe(true);
    }
  }, 60_000);

  it('measures detection latency to the --watch line and to D-Bus (two trials, time scaled)', async () => {
    const measurements = await runLatencyBench(2, [15]);
    const names = measurements.map((m) => m.name);
    expect(names).toContain('to the --watch line, worst, 15 s interval');
    expect(names).toContain('to the D-Bus notification, worst, 15 s interval');
    for (const m of measurements) expect(Number.isFinite(m.value) && m.value > 0, m.name).toBe(true);
  }, 90_000);
});

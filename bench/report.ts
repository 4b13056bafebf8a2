// What each benchmark reports, and the table and goal check that `npm run bench` prints.

export interface Measurement {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** Extra context (calls made, spread) shown next to the value. */
  detail?: string;
  /** The goal this number checks: it must not exceed `max`. */
  goal?: { max: number; why: string };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** A plain-text table: one line per measurement, its goal and whether it is met. */
export function renderTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) => [
    m.section,
    m.name,
    `${formatNumber(m.value)} ${m.unit}`,
    m.goal ? `≤ ${formatNumber(m.goal.max)} ${m.unit}` : '',
    m.goal ? (meets(m) ? 'ok' : 'MISSED') : '',
    m.detail ?? '',
  ]);
  const header = ['section', 'measure', 'value', 'goal', '', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => pad(cell, widths[i] ?? 0, i === 2 || i === 3)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function meets(m: Measurement): boolean {
  return m.goal === undefined || (Number.isFinite(m.value) && m.value <= m.goal.max);
}

export function missedGoals(measurements: readonly Measurement[]): Measurement[] {
  return measurements.filter((m) => !meets(m));
}

/**
 * `npm run bench -- --json`: one object per figure and line, `{name, value, unit, runs, goal, ok}`
 * (`runs` from the detail when it says how many; `goal` and `ok` null where there is no goal).
 */
export function jsonLines(measurements: readonly Measurement[]): string[] {
  return measurements.map((m) => {
    const runs = /(\d[\d,]*) (?:pushes|keys|rounds|polls|runs|calls)/.exec(m.detail ?? '')?.[1];
    return JSON.stringify({
      name: `${m.section}: ${m.name}`,
      value: m.value,
      unit: m.unit,
      runs: runs === undefined ? null : Number(runs.replace(/,/g, '')),
      goal: m.goal === undefined ? null : { max: m.goal.max, why: m.goal.why },
      ok: m.goal === undefined ? null : meets(m),
    });
  });
}

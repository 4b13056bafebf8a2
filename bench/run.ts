// `npm run bench`: speed and memory of the status core, each checked against a goal. Prints a
// table; exits 1 and names the goals missed if any is. Options: --rounds N (polls in the long run,
// default 3000 ≈ 2 days of 60 s polls), --poll-rounds N (timed poll rounds per API, default 400),
// --only parse,diff,memory,poll,wire,window,latency,startup (window: the renderer in Debian's
// Chromium; latency: detection to the --watch line and to D-Bus; startup: start to first status).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { runLongRun } from './long-run';
import { runPollTiming } from './poll-timing';
import { jsonLines, missedGoals, renderTable, type Measurement } from './report';
import { runDiffBench, runParseBench } from './speed';
import { runWindowBench } from './window';
import { runWireBench } from './wire';
import { runLatencyBench } from './latency';
import { runStartupBench } from './startup';

const SECTIONS = ['parse', 'diff', 'memory', 'poll', 'wire', 'window', 'latency', 'startup'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  rounds: number;
  pollRounds: number;
  only: Set<Section>;
  /** One JSON object per figure and line instead of the table. */
  json: boolean;
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number above 0, not "${value ?? ''}"`);
  return n;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { rounds: 3000, pollRounds: 400, only: new Set(SECTIONS), json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[(i += 1)];
    if (flag === '--json') options.json = true;
    else if (flag === '--rounds') options.rounds = positiveInt(flag, value());
    else if (flag === '--poll-rounds') options.pollRounds = positiveInt(flag, value());
    else if (flag === '--only') {
      const names = (value() ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes some of ${SECTIONS.join(', ')}`);
      options.only = new Set(names as Section[]);
    } else throw new Error(`unknown option ${flag}; use --rounds N, --poll-rounds N, --only ${SECTIONS.join(',')}, --json`);
  }
  return options;
}

/** Memory is measured after forced collections: without --expose-gc, run again with it. */
function ensureGcExposed(): void {
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') return;
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  ensureGcExposed();
  if (!options.json) console.log(`Benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}\n`);
  const started = Date.now();
  const measurements: Measurement[] = [];
  const speed = { warmupMs: 300, rounds: 7, roundMs: 250 };
  if (options.only.has('parse')) measurements.push(...runParseBench(speed));
  if (options.only.has('diff')) measurements.push(...runDiffBench(speed));
  if (options.only.has('memory')) measurements.push(...(await runLongRun(options.rounds)));
  if (options.only.has('poll')) measurements.push(...(await runPollTiming(options.pollRounds)));
  if (options.only.has('wire')) measurements.push(...(await runWireBench()));
  if (options.only.has('window')) measurements.push(...(await runWindowBench()));
  if (options.only.has('latency')) measurements.push(...(await runLatencyBench()));
  if (options.only.has('startup')) measurements.push(...(await runStartupBench()));

  if (options.json) {
    for (const line of jsonLines(measurements)) console.log(line);
  } else {
    console.log(renderTable(measurements));
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const missed = missedGoals(measurements);
  for (const m of missed) console.error(`Goal missed: ${m.section} / ${m.name}: ${m.value.toFixed(2)} ${m.unit} > ${m.goal?.max} ${m.unit} (${m.goal?.why ?? ''})`);
  if (missed.length === 0 && !options.json) console.log('All goals met.');
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// The command line, read strictly: every flag is known, every value is checked, and a mistake
// becomes one sentence for the user (an ArgsError), never a stack trace.
import { SOURCE_KINDS } from '../../common/model';
import { DEFAULT_SOURCE_URL, parseSourceUrl, POLL_INTERVAL_SECONDS, SOURCE_URL_PROBLEMS } from '../../common/settings';
import type { SourceConfig } from '../core/ports';
import { ArgsError } from './args-error';
import { CHECK_BOOLEAN_FLAGS, CHECK_VALUE_FLAGS, newCheckSelection, takeCheckValue, type CheckSelection } from './check-args';
import { DAEMON_BOOLEAN_FLAGS, DAEMON_VALUE_FLAGS, finishDaemonOptions, newDaemonFlags, takeDaemonFlag } from './daemon-args';
import { DEFAULT_METRICS_PORT, type MetricsAddress } from './daemon-args';

export { DEFAULT_SOURCE_URL };
export const MIN_INTERVAL_SECONDS = POLL_INTERVAL_SECONDS.min;
export const MAX_INTERVAL_SECONDS = POLL_INTERVAL_SECONDS.max;

export type SourceKindOption = NonNullable<SourceConfig['kind']>;

export interface CliOptions {
  /** `detect`: `gandi-status detect URL`, what the page is (its one URL in `urls`). `account`: the Gandi account checked. */
  mode: 'help' | 'version' | 'once' | 'watch' | 'detect' | 'account' | 'check';
  urls: string[];
  kind: SourceKindOption;
  json: boolean;
  intervalSeconds: number | null;
  stateFile: string | null;
  notify: boolean;
  /** `account --token-file FILE`: where the Gandi token is (else GANDI_PAT). */
  tokenFile?: string | null;
  /** `--check`: what the monitoring plugin judges (see nagios.ts). */
  check?: CheckSelection;
  /** `--watch --metrics HOST:PORT`: where to serve Prometheus metrics. */
  metrics?: MetricsAddress;
  /** `--watch --config FILE`: the app's settings file names the pages (read again on SIGHUP). */
  configFile?: string;
  /** `--watch --account`: the Gandi account checked too, for the stream and the metrics. */
  account?: boolean;
}

export { ArgsError };

const KINDS: readonly SourceKindOption[] = ['auto', ...SOURCE_KINDS];

/** A status page base URL: http(s), no credentials, no query; returned without trailing slash. */
export function normaliseSourceUrl(value: string): string {
  const parsed = parseSourceUrl(value);
  if (parsed.ok) return parsed.url;
  const why = parsed.problem === 'bad-address' ? `expected something like ${DEFAULT_SOURCE_URL}` : SOURCE_URL_PROBLEMS[parsed.problem];
  throw new ArgsError(`invalid URL "${value}": ${why}`);
}

function parseInterval(value: string): number {
  if (!/^\d+$/.test(value)) throw new ArgsError(`--interval expects a whole number of seconds, got "${value}"`);
  const seconds = Number(value);
  if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
    throw new ArgsError(`--interval must be between ${MIN_INTERVAL_SECONDS} and ${MAX_INTERVAL_SECONDS} seconds, got ${seconds}`);
  }
  return seconds;
}

function parseKind(value: string): SourceKindOption {
  const kind = KINDS.find((known) => known === value);
  if (!kind) throw new ArgsError(`--kind must be one of ${KINDS.join(', ')}, got "${value}"`);
  return kind;
}

const VALUE_FLAGS = new Set(['--url', '--kind', '--interval', '--state', ...CHECK_VALUE_FLAGS, ...DAEMON_VALUE_FLAGS]);
const BOOLEAN_FLAGS = new Set(['--json', '--watch', '--notify', '--help', '-h', '--version', '-V', ...CHECK_BOOLEAN_FLAGS, ...DAEMON_BOOLEAN_FLAGS]);

export function parseArgs(argv: readonly string[]): CliOptions {
  if (argv[0] === 'detect') return parseDetectArgs(argv.slice(1));
  if (argv[0] === 'account') return parseAccountArgs(argv.slice(1));
  const options: CliOptions = {
    mode: 'once',
    urls: [],
    kind: 'auto',
    json: false,
    intervalSeconds: null,
    stateFile: null,
    notify: false,
  };
  let help = false;
  let showVersion = false;
  let watch = false;
  const check = newCheckSelection();
  let checkGiven = false;
  const daemon = newDaemonFlags();

  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let inlineValue: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;

    if (BOOLEAN_FLAGS.has(flag)) {
      if (inlineValue !== undefined) throw new ArgsError(`${flag} takes no value`);
      if (flag === '--json') options.json = true;
      else if (flag === '--watch') watch = true;
      else if (flag === '--notify') options.notify = true;
      else if (flag === '--check') checkGiven = true;
      else if (DAEMON_BOOLEAN_FLAGS.includes(flag)) takeDaemonFlag(daemon, flag, null);
      else if (flag === '--help' || flag === '-h') help = true;
      else showVersion = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) {
      throw new ArgsError(
        arg.startsWith('-') ? `unknown option ${flag} (see --help)` : `unexpected argument "${arg}" (use --url URL)`,
      );
    }
    if (inlineValue === undefined) {
      const following = argv[index + 1];
      if (following === undefined || following.startsWith('--')) throw new ArgsError(`${flag} needs a value`);
      inlineValue = following;
      index += 1;
    }
    if (flag === '--url') options.urls.push(normaliseSourceUrl(inlineValue));
    else if (flag === '--kind') options.kind = parseKind(inlineValue);
    else if (flag === '--interval') options.intervalSeconds = parseInterval(inlineValue);
    else if (CHECK_VALUE_FLAGS.includes(flag)) takeCheckValue(check, flag, inlineValue);
    else if (DAEMON_VALUE_FLAGS.includes(flag)) takeDaemonFlag(daemon, flag, inlineValue);
    else if (inlineValue.trim() === '') throw new ArgsError('--state needs a file path');
    else options.stateFile = inlineValue;
  }

  if (help) return { ...options, mode: 'help' };
  if (showVersion) return { ...options, mode: 'version' };
  if (checkGiven) {
    if (watch) throw new ArgsError('--check and --watch do not go together');
    if (options.json || options.intervalSeconds !== null || options.notify) throw new ArgsError('--check takes no --json, --interval or --notify');
  } else if (check.given.length > 0) {
    throw new ArgsError(`${check.given.join(', ')} only make sense with --check`);
  }
  if (!watch) {
    const watchOnly = [
      ...daemon.given,
      options.intervalSeconds !== null ? '--interval' : null,
      options.stateFile !== null && !checkGiven ? '--state' : null,
      options.notify ? '--notify' : null,
    ].filter((name): name is string => name !== null);
    if (watchOnly.length > 0) throw new ArgsError(`${watchOnly.join(', ')} only make sense with --watch`);
  }
  if (watch) Object.assign(options, finishDaemonOptions(daemon, options.urls.length > 0));
  if (options.urls.length === 0) options.urls.push(DEFAULT_SOURCE_URL);
  options.urls = [...new Set(options.urls)];
  if (checkGiven) return { ...options, mode: 'check', check: check.selection };
  return { ...options, mode: watch ? 'watch' : 'once' };
}

/** `detect URL [--kind KIND] [--json]`: one page, nothing else. */
function parseDetectArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { mode: 'detect', urls: [], kind: 'auto', json: false, intervalSeconds: null, stateFile: null, notify: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--json' && eq < 0) options.json = true;
    else if (flag === '--help' || flag === '-h') return { ...options, mode: 'help' };
    else if (flag === '--kind') {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[(index += 1)];
      if (value === undefined || value.startsWith('--')) throw new ArgsError('--kind needs a value');
      options.kind = parseKind(value);
    } else if (arg.startsWith('-')) throw new ArgsError(`detect: unknown option ${flag} (see --help)`);
    else options.urls.push(normaliseSourceUrl(arg));
  }
  if (options.urls.length !== 1) throw new ArgsError('detect needs one status page address, e.g. gandi-status detect https://status.example.com');
  return options;
}

/** `account [--token-file FILE] [--json]`: the Gandi account, nothing else. */
function parseAccountArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { mode: 'account', urls: [], kind: 'auto', json: false, intervalSeconds: null, stateFile: null, notify: false, tokenFile: null };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--json' && eq < 0) options.json = true;
    else if ((flag === '--help' || flag === '-h') && eq < 0) return { ...options, mode: 'help' };
    else if (flag === '--token-file') {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[(index += 1)];
      if (value === undefined || value.startsWith('--') || value.trim() === '') throw new ArgsError('--token-file needs a file path');
      options.tokenFile = value;
    } else throw new ArgsError(arg.startsWith('-') ? `account: unknown option ${flag} (see --help)` : `account: unexpected argument "${arg}"`);
  }
  return options;
}

export const USAGE = `Usage:
  gandi-status [--url URL]... [--kind KIND] [--json]
  gandi-status --watch [--url URL]... [--interval SECONDS] [--state FILE] [--json] [--notify]
               [--config SETTINGS.json] [--metrics HOST:PORT [--metrics-allow-remote]]
               [--account [--token-file FILE]]
  gandi-status --check [--url URL]... [--component NAME]... [--group NAME]... [--max-age S] [--timeout S]
  gandi-status detect URL [--kind KIND] [--json]
  gandi-status account [--token-file FILE] [--json]

Shows the state of Gandi's services (or of any status page in a format read here).
\`detect\` says what a page is (format, name, components) before you add it.

Options:
  --url URL        status page address, repeatable (default ${DEFAULT_SOURCE_URL})
  --kind KIND      which format the pages speak: ${KINDS.join(', ')} (default auto: detected)
  --json           machine-readable output: one document, or one event per line with --watch
  --watch          keep polling and print each change as it happens (Ctrl-C to stop)
  --interval S     with --watch: seconds between polls (${MIN_INTERVAL_SECONDS}-${MAX_INTERVAL_SECONDS}, default 60)
  --state FILE     with --watch: where to remember what was already announced
                   (default: gandi-status-tray/cli-state.json in your config folder)
  --notify         with --watch: also raise desktop notifications
  --config FILE    with --watch: the pages to watch, their interval and the reminder time from the
                   app's settings file (instead of --url); SIGHUP reads it again
  --metrics H:P    with --watch: serve Prometheus metrics on http://H:P/metrics (and /healthz);
                   loopback only (127.0.0.1:${DEFAULT_METRICS_PORT}) unless --metrics-allow-remote
  --account        with --watch: also check the Gandi account every 6 h (token from
                   --token-file FILE or GANDI_PAT): account.* events on the stream (and
                   notifications with --notify), what needs attention in --metrics
  --check          a monitoring plugin (Nagios, Icinga): one line with performance data
  --component NAME with --check: judge only this component (repeatable; name or id)
  --group NAME     with --check: judge only the components of this group (repeatable)
  --max-age S      with --check: when a page cannot be read, judge the last data a --watch saved
                   (its --state, or the default file) if at most S seconds old; else UNKNOWN
  --timeout S      with --check: seconds for the whole check (default 10)
  -h, --help       show this help
  -V, --version    show the version

\`account\` checks your Gandi account through Gandi's API (read only): domains, DNS zones,
mailboxes, prepaid credit, Simple Hosting, certificates. The token (read permissions) comes from
--token-file FILE (readable by you alone) or the GANDI_PAT variable.

Exit status (Nagios convention): 0 operational or maintenance, 1 degraded or partial outage,
2 major outage, 3 unknown or error. For \`account\`: 2 a problem, 1 a warning, 3 the token refused
or the API out of reach, 0 otherwise.
`;

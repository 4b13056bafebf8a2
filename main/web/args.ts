// Command line of the dashboard: `npm run web -- [--url URL]... [--port P] [--host H] [--settings FILE] [--state FILE]`.
import { parseSourceUrl, SOURCE_URL_PROBLEMS } from '../../common/settings';
import { isWildcardHost } from './network-exposure';

export interface DashboardArgs {
  urls: string[];
  port: number;
  /** Interface to bind; loopback unless the user asks for more. */
  host: string;
  /** True when --host was given: the Host header check then also accepts that name. */
  hostGiven: boolean;
  settingsFile: string | null;
  stateFile: string | null;
  /** The Gandi token for the account checks (else the GANDI_PAT variable); never asked of the browser. */
  tokenFile?: string | null;
  /** Host names a browser may use to reach a dashboard bound to every interface. */
  allowHosts: string[];
  /** Lets an exposed dashboard watch status pages on private addresses. */
  allowPrivateSources: boolean;
  help: boolean;
}

export type ParseResult = { ok: true; args: DashboardArgs } | { ok: false; error: string };

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: npm run web -- [options]

Serves the Gandi Status window as a web page, fed by the same status core as the tray app.

Options:
  --url URL        status page to watch (repeatable; default: from settings, https://status.gandi.net)
  --port P         port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H         interface to bind (default ${DEFAULT_HOST}; only loopback is safe without a proxy)
  --settings FILE  keep settings in this JSON file (default: in memory only)
  --state FILE     keep the last data and what was announced in this file (default: in memory only)
  --token-file F   Gandi token (read permissions) for the account checks, in a file readable by you
                   alone (default: the GANDI_PAT variable; none: no account checks)
  --allow-host N   a host name browsers use to reach the dashboard (repeatable; needed with --host 0.0.0.0)
  --allow-private-sources
                   let a dashboard reachable from the network watch pages on private addresses
  -h, --help       show this help

Bound to anything but loopback, the dashboard prints an access link once at start; a browser that
has not opened it gets nothing.`;


/** Parses argv (without node and the script); never throws, so the entry point can print one clear line. */
export function parseDashboardArgs(argv: readonly string[]): ParseResult {
  const args: DashboardArgs = {
    urls: [],
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    hostGiven: false,
    settingsFile: null,
    stateFile: null,
    allowHosts: [],
    allowPrivateSources: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const raw = argv[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const takeValue = (): string | null => {
      if (eq > 0) return raw.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i += 1;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--url': {
        const value = takeValue();
        if (value === null) return { ok: false, error: '--url needs a value' };
        const url = parseSourceUrl(value);
        if (!url.ok) return { ok: false, error: `--url ${value}: ${SOURCE_URL_PROBLEMS[url.problem]}` };
        args.urls.push(url.url);
        break;
      }
      case '--port': {
        const value = takeValue();
        const port = value !== null && /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          return { ok: false, error: `--port must be a number from 0 to 65535 (got ${value ?? 'nothing'})` };
        }
        args.port = port;
        break;
      }
      case '--host': {
        const value = takeValue();
        if (value === null || value.trim() === '' || /[\s/]/.test(value)) {
          return { ok: false, error: '--host needs a host name or address' };
        }
        args.host = value;
        args.hostGiven = true;
        break;
      }
      case '--settings':
      case '--state':
      case '--token-file': {
        const value = takeValue();
        if (value === null || value === '') return { ok: false, error: `${flag} needs a file name` };
        if (flag === '--settings') args.settingsFile = value;
        else if (flag === '--state') args.stateFile = value;
        else args.tokenFile = value;
        break;
      }
      case '--allow-host': {
        const value = takeValue();
        if (value === null || !/^[a-z0-9.-]+$/i.test(value)) return { ok: false, error: '--allow-host needs a host name, like status.example.com' };
        args.allowHosts.push(value.toLowerCase());
        break;
      }
      case '--allow-private-sources':
        args.allowPrivateSources = true;
        break;
      default:
        return { ok: false, error: `unknown option ${raw} (see --help)` };
    }
  }
  if (args.urls.length > 10) return { ok: false, error: 'at most 10 --url' };
  if (isWildcardHost(args.host) && args.allowHosts.length === 0) {
    return {
      ok: false,
      error: `--host ${args.host} listens on every interface: name the host names browsers will use with --allow-host NAME (a page elsewhere could otherwise reach the dashboard through DNS rebinding)`,
    };
  }
  return { ok: true, args };
}

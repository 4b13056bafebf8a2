// The options only the daemon (`--watch`) takes: where to serve metrics, which settings file to read,
// whether to check the Gandi account (events on the stream, and the metrics).
import { ArgsError } from './args-error';
import { isLoopbackHost, isWildcardHost } from '../web/network-exposure';

export const DEFAULT_METRICS_HOST = '127.0.0.1';
export const DEFAULT_METRICS_PORT = 9747;

export interface MetricsAddress {
  host: string;
  port: number;
}

/** `HOST:PORT`, `[IPv6]:PORT`, `:PORT` or `PORT` (loopback); a non-loopback host only when allowed. */
export function parseMetricsAddress(value: string, allowRemote: boolean): MetricsAddress {
  const text = value.trim();
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]\s/]+)?:)?(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || !Number.isInteger(port) || port > 65535) {
    throw new ArgsError(`--metrics expects HOST:PORT (e.g. ${DEFAULT_METRICS_HOST}:${DEFAULT_METRICS_PORT}), got "${value}"`);
  }
  const host = match[1] ?? DEFAULT_METRICS_HOST;
  const bare = host.replace(/^\[|\]$/g, '');
  if (!isLoopbackHost(bare) && !allowRemote) {
    throw new ArgsError(
      `--metrics ${text} would be reachable from ${isWildcardHost(host) ? 'every network' : 'the network'}; ` +
        'add --metrics-allow-remote if that is meant (and keep the port behind a firewall)',
    );
  }
  return { host: bare, port };
}

export const DAEMON_BOOLEAN_FLAGS: readonly string[] = ['--metrics-allow-remote', '--account'];
export const DAEMON_VALUE_FLAGS: readonly string[] = ['--metrics', '--config', '--token-file'];

export interface DaemonFlags {
  metrics: string | null;
  configFile: string | null;
  tokenFile: string | null;
  account: boolean;
  allowRemote: boolean;
  /** Flags seen, to say which ones need --watch. */
  given: string[];
}

export function newDaemonFlags(): DaemonFlags {
  return { metrics: null, configFile: null, tokenFile: null, account: false, allowRemote: false, given: [] };
}

export function takeDaemonFlag(flags: DaemonFlags, flag: string, value: string | null): void {
  if (!flags.given.includes(flag)) flags.given.push(flag);
  if (flag === '--metrics-allow-remote') flags.allowRemote = true;
  else if (flag === '--account') flags.account = true;
  else if (value === null || value.trim() === '') throw new ArgsError(`${flag} needs a value`);
  else if (flag === '--config') flags.configFile = value;
  else if (flag === '--token-file') flags.tokenFile = value;
  else flags.metrics = value;
}

export function finishDaemonOptions(
  flags: DaemonFlags,
  urlsGiven: boolean,
): { metrics?: MetricsAddress; configFile?: string; account?: boolean; tokenFile?: string } {
  if (flags.allowRemote && flags.metrics === null) throw new ArgsError('--metrics-allow-remote only makes sense with --metrics');
  if (flags.configFile !== null && urlsGiven) throw new ArgsError('--config and --url do not go together: the settings file names the pages');
  return {
    ...(flags.metrics === null ? {} : { metrics: parseMetricsAddress(flags.metrics, flags.allowRemote) }),
    ...(flags.configFile === null ? {} : { configFile: flags.configFile }),
    // A token file given is asking for the account to be checked.
    ...(flags.account || flags.tokenFile !== null ? { account: true } : {}),
    ...(flags.tokenFile === null ? {} : { tokenFile: flags.tokenFile }),
  };
}

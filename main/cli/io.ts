// What the command takes from the outside world: its streams, its network, its clock. Injected, so
// the command runs the same from the real entry and in tests.
import type { Clock, FetchLike } from '../core/ports';
import type { DesktopNotifier } from './desktop-notifier';
import type { PollerTimers } from '../core/poller';

export interface CliOutput {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  now: Clock;
  /** Ends `--watch` when aborted (the entry wires it to SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Defaults: the running platform and the user's home folder. */
  platform?: NodeJS.Platform;
  homedir?: string;
  /** Calls the listener on each request to reload (the entry wires SIGHUP); returns an unsubscribe function. */
  onReload?: (listener: () => void) => () => void;
  /** Desktop notifications for `--notify`; defaults to node-notifier. */
  notifier?: DesktopNotifier;
  /** The poll schedule's timers (default: the real ones); the latency benchmark scales them. */
  timers?: PollerTimers;
}

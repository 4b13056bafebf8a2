// Desktop notifications on Linux through the notify-send program, shared by the tray app (where
// Electron cannot notify) and `gandi-status --watch --notify`. Remote text is never read as an
// option: the arguments are an array (no shell), `--` comes before the title and the body, and
// both are bounded (a single argument over 128 KiB cannot even be passed: E2BIG). The body is
// escaped, as notification servers read it as markup. Failures are reported, never thrown.
import { execFile, type ExecFileException } from 'node:child_process';
import { notificationText, type NotificationText } from '../../common/notification-markup';

export interface NotifySendOptions {
  /** Who the notification says it comes from (otherwise "notify-send"). */
  appName: string;
  /** Absolute path of one of the app's own pictures; never anything a status page gave. */
  icon?: string;
  /** Told why a notification could not be shown. */
  onError: (message: string) => void;
  /** The program (default: notify-send, found on PATH). */
  command?: string;
  env?: NodeJS.ProcessEnv;
  /** Kills a notify-send that hangs (no notification server answering); default 30 s. */
  timeoutMs?: number;
}

export interface NotifySend {
  show(notice: NotificationText): void;
}

/** The arguments notify-send gets for a notice: options first, then `--`, title and body. */
export function notifySendArgs(notice: NotificationText, options: Pick<NotifySendOptions, 'appName' | 'icon'>): string[] {
  const text = notificationText(notice, { markup: true });
  const icon = options.icon !== undefined && options.icon !== '' ? ['--icon', options.icon] : [];
  // notify-send refuses an empty summary.
  return ['--app-name', options.appName, ...icon, '--', text.title === '' ? options.appName : text.title, text.body];
}

/** Why it failed, without the command line (which holds the remote text). */
function reason(error: ExecFileException, command: string, stderr: string): string {
  if (typeof error.code === 'string') return `cannot run ${command} (${error.code})`;
  if (error.killed === true) return `${command} did not finish in time`;
  const said = stderr.trim().split('\n')[0] ?? '';
  const code = typeof error.code === 'number' ? ` with code ${String(error.code)}` : '';
  return `${command} failed${code}${said === '' ? '' : `: ${said.slice(0, 200)}`}`;
}

export function createNotifySend(options: NotifySendOptions): NotifySend {
  const command = options.command ?? 'notify-send';
  const report = (message: string): void => options.onError(`desktop notification failed: ${message}`);
  return {
    show(notice) {
      try {
        execFile(
          command,
          notifySendArgs(notice, options),
          { env: options.env ?? process.env, timeout: options.timeoutMs ?? 30_000, windowsHide: true, encoding: 'utf8' },
          (error, _stdout, stderr) => {
            if (error !== null) report(reason(error, command, String(stderr)));
          },
        );
      } catch (error) {
        report(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

// Where the command keeps its state by default: the platform's usual per-user config folder.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SOURCE_URL } from '../../common/settings';

export const APP_FOLDER = 'gandi-status-tray';
export const CLI_STATE_FILE = 'cli-state.json';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
}

/** The per-user configuration folder of the platform (not yet the app's own folder inside it). */
export function userConfigDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32') {
    return env.APPDATA && env.APPDATA.trim() !== '' ? env.APPDATA : path.win32.join(homedir, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support');
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && path.posix.isAbsolute(xdg)) return xdg;
  return path.posix.join(homedir, '.config');
}

/**
 * The state file of a set of sources: daemons watching different pages keep different files, so
 * they never save over each other's memory. Gandi's page alone keeps the historic name.
 */
export function stateFileName(urls: readonly string[] = [DEFAULT_SOURCE_URL]): string {
  const set = [...new Set(urls)].sort();
  if (set.length === 1 && set[0] === DEFAULT_SOURCE_URL) return CLI_STATE_FILE;
  const digest = createHash('sha256').update(set.join('\n')).digest('hex').slice(0, 12);
  return `cli-state-${digest}.json`;
}

export function defaultStateFile(info: PlatformInfo, urls?: readonly string[]): string {
  const join = info.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(userConfigDir(info), APP_FOLDER, stateFileName(urls));
}

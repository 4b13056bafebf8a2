// Launch at login on Linux desktops: Electron's login-item API covers macOS and Windows only, and
// freedesktop.org desktops (GNOME, KDE, Xfce, ...) start what has a .desktop file in
// $XDG_CONFIG_HOME/autostart. No Electron here: plain files, testable anywhere.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';

export const AUTOSTART_FILE_NAME = 'gandi-status-tray.desktop';

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when it is unset or not absolute (as the spec says). */
export function autostartDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const configHome = env.XDG_CONFIG_HOME;
  const base = configHome !== undefined && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
  return path.join(base, 'autostart');
}

/** One argument of an Exec line, quoted as the Desktop Entry spec asks when it needs it. */
export function quoteExecArgument(argument: string): string {
  if (/^[A-Za-z0-9_@+=:,./-]+$/.test(argument)) return argument;
  const escaped = argument.replace(/[\\"`$]/g, (character) => `\\${character}`);
  // In a .desktop file the backslash itself is escaped once more, then '%' doubled for field codes.
  return `"${escaped.replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`;
}

/** What starts the app again: the AppImage file itself when it runs as one, else the binary and its arguments. */
export function launchCommand(execPath: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const appImage = env.APPIMAGE;
  if (appImage !== undefined && path.isAbsolute(appImage)) return [appImage];
  return [execPath, ...args];
}

export function desktopEntry(name: string, command: readonly string[]): string {
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${oneLine(name)}`,
    `Comment=${oneLine(`State of Gandi's services in the tray`)}`,
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface XdgAutostart {
  readonly filePath: string;
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export function createXdgAutostart(options: { dir: string; name: string; command: readonly string[] }): XdgAutostart {
  const filePath = path.join(options.dir, AUTOSTART_FILE_NAME);
  return {
    filePath,
    async isEnabled() {
      try {
        const text = await fs.readFile(filePath, 'utf8');
        // A desktop may disable an entry in place instead of deleting it.
        return !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
      } catch {
        return false;
      }
    },
    async setEnabled(enabled) {
      if (!enabled) {
        await fs.rm(filePath, { force: true });
        return;
      }
      await writeFileAtomic(filePath, desktopEntry(options.name, options.command));
    },
  };
}

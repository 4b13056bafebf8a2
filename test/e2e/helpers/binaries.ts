// The end-to-end tests use Debian's programs; a missing one is a clear failure, never a silent skip.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Debian package that provides each program. */
const PACKAGES: Record<string, string> = {
  chromium: 'chromium',
  Xvfb: 'xvfb',
  dunst: 'dunst',
  'notify-send': 'libnotify-bin',
  'dbus-daemon': 'dbus',
  'dbus-monitor': 'dbus',
};

export function findBinary(name: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** The path of each program, or an error naming the packages to install. */
export function requireBinaries(names: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const location = findBinary(name);
    if (location === null) missing.push(name);
    else found[name] = location;
  }
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((name) => PACKAGES[name] ?? name))].join(' ');
    throw new Error(`missing ${missing.join(', ')}: install with "apt-get install -y --no-install-recommends ${packages}"`);
  }
  return found;
}

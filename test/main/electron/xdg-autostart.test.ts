import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartDir,
  createXdgAutostart,
  desktopEntry,
  launchCommand,
  quoteExecArgument,
} from '../../../main/electron/xdg-autostart';

describe('where the autostart entry goes', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/home/ana/.cfg' }, '/home/ana/.cfg/autostart'],
    [{}, '/home/ana/.config/autostart'],
    // The spec says a relative value is invalid and must be ignored.
    [{ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/ana/.config/autostart'],
  ])('%j -> %s', (env, dir) => {
    expect(autostartDir(env, '/home/ana')).toBe(dir);
  });
});

describe('the command it starts', () => {
  it('is the AppImage file when the app runs as one (its binary lives in a temporary mount)', () => {
    expect(launchCommand('/tmp/.mount_Gandi/gandi-status-tray', [], { APPIMAGE: '/home/ana/Apps/Gandi Status.AppImage' })).toEqual([
      '/home/ana/Apps/Gandi Status.AppImage',
    ]);
  });

  it('is the binary and its arguments otherwise', () => {
    expect(launchCommand('/opt/Gandi Status/gandi-status-tray', [], {})).toEqual(['/opt/Gandi Status/gandi-status-tray']);
    expect(launchCommand('/usr/lib/electron', ['/src/app'], {})).toEqual(['/usr/lib/electron', '/src/app']);
  });

  it.each([
    ['/usr/bin/gandi-status', '/usr/bin/gandi-status'],
    ['/opt/Gandi Status/gandi-status-tray', '"/opt/Gandi Status/gandi-status-tray"'],
    ['/a/"quoted"/b', '"/a/\\\\"quoted\\\\"/b"'],
    ['/a/$HOME/b', '"/a/\\\\$HOME/b"'],
    ['/a/100%/b', '"/a/100%%/b"'],
  ])('quotes %s as the Desktop Entry spec asks: %s', (argument, quoted) => {
    expect(quoteExecArgument(argument)).toBe(quoted);
  });

  it('keeps the entry on one line per key whatever the name holds', () => {
    const text = desktopEntry('Gandi\nStatus', ['/opt/Gandi Status/gandi-status-tray']);
    expect(text.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Gandi Status',
      "Comment=State of Gandi's services in the tray",
      'Exec="/opt/Gandi Status/gandi-status-tray"',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ]);
  });
});

describe('the autostart entry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'gandi-xdg-')), 'autostart');
  });
  afterEach(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('is written on enable (folder made if missing), read back, and removed on disable', async () => {
    const autostart = createXdgAutostart({ dir, name: 'Gandi Status', command: ['/usr/bin/gandi-status-tray'] });
    expect(await autostart.isEnabled()).toBe(false);
    await autostart.setEnabled(true);
    expect(await autostart.isEnabled()).toBe(true);
    expect(await readFile(autostart.filePath, 'utf8')).toContain('Exec=/usr/bin/gandi-status-tray\n');
    await autostart.setEnabled(false);
    expect(await autostart.isEnabled()).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    await autostart.setEnabled(false); // nothing to remove: no error
  });

  it.each(['Hidden=true', 'X-GNOME-Autostart-enabled=false'])('counts an entry a desktop switched off (%s) as disabled', async (line) => {
    const autostart = createXdgAutostart({ dir, name: 'Gandi Status', command: ['/usr/bin/gandi-status-tray'] });
    await autostart.setEnabled(true);
    await writeFile(autostart.filePath, `[Desktop Entry]\nType=Application\nExec=/usr/bin/gandi-status-tray\n${line}\n`);
    expect(await autostart.isEnabled()).toBe(false);
  });
});

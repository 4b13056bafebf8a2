import { describe, expect, it } from 'vitest';
import { defaultStateFile, userConfigDir } from '../../../main/cli/config-dir';

describe('defaultStateFile', () => {
  it.each([
    [{ platform: 'linux', env: {}, homedir: '/home/ann' }, '/home/ann/.config/gandi-status-tray/cli-state.json'],
    [{ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/home/ann' }, '/xdg/gandi-status-tray/cli-state.json'],
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    [{ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, homedir: '/home/ann' }, '/home/ann/.config/gandi-status-tray/cli-state.json'],
    [{ platform: 'darwin', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/Users/ann' }, '/Users/ann/Library/Application Support/gandi-status-tray/cli-state.json'],
    [{ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, homedir: 'C:\\Users\\ann' }, 'C:\\Users\\ann\\AppData\\Roaming\\gandi-status-tray\\cli-state.json'],
    [{ platform: 'win32', env: {}, homedir: 'C:\\Users\\ann' }, 'C:\\Users\\ann\\AppData\\Roaming\\gandi-status-tray\\cli-state.json'],
  ] as const)('%j', (info, expected) => {
    expect(defaultStateFile({ ...info, env: { ...info.env } })).toBe(expected);
  });

  it('names the platform folder on its own', () => {
    expect(userConfigDir({ platform: 'freebsd', env: {}, homedir: '/home/bob' })).toBe('/home/bob/.config');
  });
});

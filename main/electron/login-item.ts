// "Launch at login", one interface over each OS's way: Electron's login items on macOS and
// Windows, an XDG autostart entry on Linux desktops.
import { app } from 'electron';
import { autostartDir, createXdgAutostart, launchCommand } from './xdg-autostart';

export interface LoginItem {
  /** False where the app cannot register itself; the menu and window then offer nothing. */
  readonly supported: boolean;
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export function createLoginItem(platform: NodeJS.Platform): LoginItem {
  if (platform === 'darwin' || platform === 'win32') {
    return {
      supported: true,
      isEnabled: async () => app.getLoginItemSettings().openAtLogin,
      setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    // Unpackaged (`npm start`), the binary is Electron itself and needs the app's folder.
    const command = launchCommand(process.execPath, app.isPackaged ? [] : [app.getAppPath()]);
    return { supported: true, ...createXdgAutostart({ dir: autostartDir(), name: app.getName(), command }) };
  }
  return { supported: false, isEnabled: async () => false, setEnabled: async () => undefined };
}

// The tray icon: picture and tooltip follow the snapshot's level (trayLevel), the menu is rebuilt
// from tray-menu.ts on every update.
import { Menu, Tray } from 'electron';
import type { StatusSnapshot } from '../core/model';
import { trayImage } from './icons';
import { buildTrayMenu, type TrayMenuActions, type TrayMenuModel } from './tray-menu';
import { describeTray, trayLevel } from './tray-text';

export interface StatusTray {
  update(model: TrayMenuModel): void;
  destroy(): void;
}

export function createStatusTray(options: {
  snapshot: StatusSnapshot;
  assetsDir: string;
  platform: NodeJS.Platform;
  actions: TrayMenuActions;
  /** Left click (Windows, Linux where supported): open the window. */
  onClick: () => void;
}): StatusTray {
  let shownLevel = trayLevel(options.snapshot, new Date());
  const tray = new Tray(trayImage(shownLevel, options.platform, options.assetsDir));
  // macOS opens the context menu on click by itself; elsewhere a click opens the window.
  if (options.platform !== 'darwin') tray.on('click', () => options.onClick());
  return {
    update(model) {
      const level = trayLevel(model.snapshot, model.now);
      if (level !== shownLevel) {
        tray.setImage(trayImage(level, options.platform, options.assetsDir));
        shownLevel = level;
      }
      tray.setToolTip(describeTray(model.snapshot, model.texts, model.now));
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(model, options.actions)));
    },
    destroy() {
      tray.destroy();
    },
  };
}

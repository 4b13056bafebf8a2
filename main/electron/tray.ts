// The tray icon: picture and tooltip follow the snapshot's overall level, the menu is rebuilt
// from tray-menu.ts on every update.
import { Menu, Tray } from 'electron';
import type { StatusSnapshot } from '../core/model';
import { trayImage } from './icons';
import { buildTrayMenu, type TrayMenuActions, type TrayMenuModel } from './tray-menu';
import { describeTray } from './tray-text';

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
  const tray = new Tray(trayImage(options.snapshot.overall, options.platform, options.assetsDir));
  // macOS opens the context menu on click by itself; elsewhere a click opens the window.
  if (options.platform !== 'darwin') tray.on('click', () => options.onClick());
  let shownLevel = options.snapshot.overall;
  return {
    update(model) {
      if (model.snapshot.overall !== shownLevel) {
        tray.setImage(trayImage(model.snapshot.overall, options.platform, options.assetsDir));
        shownLevel = model.snapshot.overall;
      }
      tray.setToolTip(describeTray(model.snapshot, model.texts));
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(model, options.actions)));
    },
    destroy() {
      tray.destroy();
    },
  };
}

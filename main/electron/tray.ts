// The tray icon: picture and tooltip follow the snapshot's level (vouchedLevel), the menu is rebuilt
// from tray-menu.ts on every update.
import { Menu, Tray, type NativeImage } from 'electron';
import type { Level, StatusSnapshot } from '../../common/model';
import { trayImage } from './icons';
import { buildTrayMenu, type TrayMenuActions, type TrayMenuModel } from './tray-menu';
import { vouchedLevel } from '../../common/freshness';
import { describeTray } from './tray-text';

const TITLE_WITHOUT_PICTURE = 'Gandi';

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
  onWarning?: (message: string) => void;
}): StatusTray {
  let shownLevel = vouchedLevel(options.snapshot, new Date());
  // nativeImage gives an empty picture, silently, for a missing or unreadable file: the tray
  // would be invisible (on macOS, with no way to reach the menu). Say so, and on macOS show a
  // title in the menu bar instead so the app stays reachable.
  const pictureFor = (level: Level): NativeImage => {
    const image = trayImage(level, options.platform, options.assetsDir);
    if (image.isEmpty()) {
      options.onWarning?.(`No tray picture for "${level}" in ${options.assetsDir}.`);
    }
    return image;
  };
  const first = pictureFor(shownLevel);
  const tray = new Tray(first);
  if (first.isEmpty() && options.platform === 'darwin') tray.setTitle(TITLE_WITHOUT_PICTURE);
  // macOS opens the context menu on click by itself; elsewhere a click opens the window.
  if (options.platform !== 'darwin') tray.on('click', () => options.onClick());
  return {
    update(model) {
      const ageNow = model.freshnessNow ?? model.now;
      const level = vouchedLevel(model.snapshot, ageNow);
      if (level !== shownLevel) {
        tray.setImage(pictureFor(level));
        shownLevel = level;
      }
      tray.setToolTip(describeTray(model.snapshot, model.texts, ageNow));
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(model, options.actions)));
    },
    destroy() {
      tray.destroy();
    },
  };
}

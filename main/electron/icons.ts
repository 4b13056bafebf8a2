// Which picture the tray shows for a level, per OS. The files come from scripts/make-icons.mjs.
import { join } from 'node:path';
import { nativeImage, type NativeImage } from 'electron';
import type { Level } from '../../common/model';

export interface TrayIconChoice {
  path: string;
  /** macOS template image (monochrome, follows the menu bar's light/dark look). */
  template: boolean;
}

/**
 * On macOS the calm state uses the template image, so it blends into the menu bar like system
 * icons; any other level keeps its colour to stand out (its glyph still tells it without colour).
 * Linux panels are 22-48 px high: the 32 px image. Windows: 16 px with its @2x sibling.
 */
export function trayIconChoice(level: Level, platform: NodeJS.Platform, assetsDir: string): TrayIconChoice {
  const tray = join(assetsDir, 'tray');
  if (platform === 'darwin' && level === 'operational') return { path: join(tray, `${level}Template.png`), template: true };
  if (platform === 'linux') return { path: join(tray, `${level}-32.png`), template: false };
  return { path: join(tray, `${level}.png`), template: false };
}

export function trayImage(level: Level, platform: NodeJS.Platform, assetsDir: string): NativeImage {
  const choice = trayIconChoice(level, platform, assetsDir);
  const image = nativeImage.createFromPath(choice.path);
  if (choice.template) image.setTemplateImage(true);
  return image;
}

export function appIconPath(assetsDir: string): string {
  return join(assetsDir, 'icon-256.png');
}

/**
 * The same file as seen by programs outside Electron (node-notifier's helpers), which cannot read
 * inside app.asar: electron-builder unpacks it next to the archive (asarUnpack).
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

// The desktop window's layout in Chromium without Electron: an init script stands in for the
// preload (window.gandiStatus), answering from the dashboard server's /api/state but as the
// 'electron' platform, so what only the desktop shows (follow/mute, notification settings) is there.
import type { Page } from 'playwright-core';
import type { Settings } from '../../../common/settings';

export interface DesktopWindowOptions {
  /** Replaces these settings in what the fake preload answers (e.g. followed services). */
  settings?: Partial<Settings>;
}

/**
 * Call before page.goto: the renderer picks window.gandiStatus over the HTTP bridge. The script is
 * plain text, not a serialised function, so no transpiler helper (esbuild's __name) leaks into it.
 */
export async function emulateDesktopWindow(page: Page, options: DesktopWindowOptions = {}): Promise<void> {
  const overrides = JSON.stringify(options.settings ?? {});
  await page.addInitScript({
    content: `(() => {
      const overrides = ${overrides};
      const none = () => () => undefined;
      const state = async () => {
        const body = await (await fetch('/api/state')).json();
        return { ...body, settings: { ...body.settings, ...overrides }, info: { ...body.info, platform: 'electron', locale: navigator.language } };
      };
      Object.defineProperty(window, 'gandiStatus', {
        value: {
          getState: state,
          onState: none,
          onEvent: none,
          onSettings: none,
          onShow: none,
          refresh: async () => undefined,
          openExternal: async () => false,
          getSettings: async () => (await state()).settings,
          setSettings: async (settings) => ({ ok: true, settings }),
          copyText: async () => true,
        },
      });
    })();`,
  });
}

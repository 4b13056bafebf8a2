// The desktop window's layout in Chromium without Electron: an init script stands in for the
// preload (window.gandiStatus), derived from the window API table: every push is silent, every
// call is answered by the dashboard server's route where it has one, but as the 'electron'
// platform, so what only the desktop shows (follow/mute, notification settings) is there.
import type { Page } from 'playwright-core';
import type { Settings } from '../../../common/settings';
import { CALL_NAMES, PUSH_NAMES, pushListenerName, WINDOW_CALLS } from '../../../common/window-api';

export interface DesktopWindowOptions {
  /** Replaces these settings in what the fake preload answers (e.g. followed services). */
  settings?: Partial<Settings>;
}

/** Answers that differ from the server's route, as plain JavaScript. */
const DESKTOP_ANSWERS: Record<string, string> = {
  getState: `async () => {
    const body = await (await fetch('/api/state')).json();
    return { ...body, settings: { ...body.settings, ...overrides }, info: { ...body.info, platform: 'electron', locale: navigator.language } };
  }`,
  openExternal: 'async () => false',
  setSettings: 'async (settings) => ({ ok: true, settings })',
  copyText: 'async () => true',
};

function callScript(name: (typeof CALL_NAMES)[number]): string {
  const answer = DESKTOP_ANSWERS[name];
  if (answer !== undefined) return answer;
  const route = WINDOW_CALLS[name].http;
  if (route === null) return 'async () => { throw new Error("not in this window"); }';
  const body = route.method === 'GET' ? '' : `, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {})`;
  return `async (input) => (await fetch('${route.path}', { method: '${route.method}'${body} })).json()`;
}

/**
 * Call before page.goto: the renderer picks window.gandiStatus over the HTTP bridge. The script is
 * plain text, not a serialised function, so no transpiler helper (esbuild's __name) leaks into it.
 */
export async function emulateDesktopWindow(page: Page, options: DesktopWindowOptions = {}): Promise<void> {
  const overrides = JSON.stringify(options.settings ?? {});
  const members = [
    ...CALL_NAMES.map((name) => `${name}: ${callScript(name)}`),
    ...PUSH_NAMES.map((push) => `${pushListenerName(push)}: () => () => undefined`),
  ];
  await page.addInitScript({
    content: `(() => {
      const overrides = ${overrides};
      Object.defineProperty(window, 'gandiStatus', { value: { ${members.join(',\n')} } });
    })();`,
  });
}

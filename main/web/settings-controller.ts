// The dashboard's settings: the desktop's settings store (main/core/settings-store.ts) behind the
// same validate-save-announce steps, or memory only when no file is given.
import { settingsSchema, type Settings } from '../../common/settings';
import { type SetSettingsResult } from '../../common/window-api';
import type { SettingsStore } from '../core/settings-store';

/** May return a promise: set() answers once every listener has applied the new settings. */
export type SettingsListener = (settings: Settings) => void | Promise<void>;

export interface SettingsController {
  get(): Settings;
  /** Validates, saves and applies; listeners hear the accepted settings. Invalid input changes nothing. */
  set(input: unknown): Promise<SetSettingsResult>;
  subscribe(listener: SettingsListener): () => void;
}

/** A short, readable reason from a zod error: the first problem and where it is. */
export function describeSettingsError(input: unknown): string | null {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return 'invalid settings';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'settings';
  return `${where}: ${issue.message}`;
}

export interface SettingsControllerOptions {
  initial: Settings;
  /** Where accepted settings are written; null keeps them in memory only. */
  store: SettingsStore | null;
  /** A further check of valid settings (the exposed dashboard's source rule): a reason to refuse, or null. */
  check?: (settings: Settings) => Promise<string | null>;
}

export function createSettingsController(options: SettingsControllerOptions): SettingsController {
  let current = options.initial;
  const listeners = new Set<SettingsListener>();

  return {
    get: () => current,
    async set(input) {
      const parsed = settingsSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeSettingsError(input) ?? 'invalid settings' };
      const refused = (await options.check?.(parsed.data)) ?? null;
      if (refused !== null) return { ok: false, error: refused };
      try {
        // The store writes one save after the other, atomically.
        await options.store?.save(parsed.data);
      } catch (error) {
        return { ok: false, error: `could not save the settings: ${error instanceof Error ? error.message : String(error)}` };
      }
      current = parsed.data;
      const applied = current;
      await Promise.all([...listeners].map(async (listener) => listener(applied)));
      return { ok: true, settings: current };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

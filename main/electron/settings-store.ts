// The user's settings: JSON in the user data folder, validated with the contract's schema on load
// and on save. A damaged file never stops the app: it is kept aside, defaults are used, and the
// caller hears a warning.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../../preload/contract';
import { describeError, serialised, writeFileAtomic } from '../core/atomic-file';

const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsStore {
  readonly filePath: string;
  load(): Promise<Settings>;
  /** Validates, then writes atomically; throws on invalid settings (nothing is written). */
  save(settings: Settings): Promise<Settings>;
}

export function createSettingsStore(
  directory: string,
  options: { onWarning?: (message: string) => void; fileName?: string } = {},
): SettingsStore {
  const filePath = path.join(directory, options.fileName ?? 'settings.json');
  const warn = options.onWarning ?? (() => undefined);
  const queue = serialised();

  async function setAside(reason: string): Promise<Settings> {
    const aside = `${filePath}.bad-${Date.now()}`;
    await fs.rename(filePath, aside).catch(() => undefined);
    warn(`Settings file ${filePath} ${reason}; using defaults (the old file is kept as ${aside}).`);
    return defaultSettings();
  }

  return {
    filePath,
    async load() {
      let text: string;
      try {
        const stat = await fs.stat(filePath);
        if (stat.size > MAX_SETTINGS_BYTES) return await setAside('is too large');
        text = await fs.readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
        warn(`Cannot read settings file ${filePath}: ${describeError(error)}; using defaults.`);
        return defaultSettings();
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return setAside(`is not valid JSON (${describeError(error)})`);
      }
      const parsed = settingsSchema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return setAside(`is invalid (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown error'})`);
      }
      return parsed.data;
    },
    async save(settings) {
      const valid = settingsSchema.parse(settings);
      return queue(async () => {
        await writeFileAtomic(filePath, `${JSON.stringify(valid, null, 2)}\n`);
        return valid;
      });
    },
  };
}

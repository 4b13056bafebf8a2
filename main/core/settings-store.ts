// The user's settings: JSON in the user data folder, validated with the contract's schema on load
// and on save. A damaged file never stops the app: it is kept aside, defaults are used, and the
// caller hears a warning.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../../common/settings';
import { describeError, serialised, writeFileAtomic } from './atomic-file';

const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsStore {
  readonly filePath: string;
  load(): Promise<Settings>;
  /** Validates, then writes atomically; throws on invalid settings (nothing is written). */
  save(settings: Settings): Promise<Settings>;
}

/**
 * Keeps every valid top-level setting of a file that fails validation as a whole, so that one bad
 * value (a link edited by hand, a field from a newer version) does not cost the user the rest.
 * Null when the file does not hold an object at all.
 */
export function salvageSettings(json: unknown): { settings: Settings; reset: string[] } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const fields = json as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const reset: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in fields)) continue;
    if (schema.safeParse(fields[key]).success) kept[key] = fields[key];
    else reset.push(key);
  }
  const settings = settingsSchema.safeParse(kept);
  return settings.success ? { settings: settings.data, reset } : null;
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
      if (parsed.success) return parsed.data;
      const salvaged = salvageSettings(json);
      if (salvaged === null) return setAside('does not hold settings');
      const aside = `${filePath}.bad-${Date.now()}`;
      await fs.copyFile(filePath, aside).catch(() => undefined);
      warn(
        `Settings file ${filePath}: ${salvaged.reset.join(', ')} invalid, back to defaults; ` +
          `the other settings are kept (the old file is kept as ${aside}).`,
      );
      return salvaged.settings;
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

// The dashboard's settings: validated with the contract's schema, kept in memory or in a JSON file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { settingsSchema, type SetSettingsResult, type Settings } from '../../preload/contract';

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
  /** Where to write accepted settings; null keeps them in memory only. */
  file: string | null;
}

export function createSettingsController(options: SettingsControllerOptions): SettingsController {
  let current = options.initial;
  const listeners = new Set<SettingsListener>();
  // Saves one after the other, so the file always ends with the last accepted settings.
  let writing: Promise<void> = Promise.resolve();

  const persist = async (settings: Settings): Promise<void> => {
    const file = options.file;
    if (file === null) return;
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
  };

  return {
    get: () => current,
    async set(input) {
      const parsed = settingsSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeSettingsError(input) ?? 'invalid settings' };
      const saved = (writing = writing.catch(() => undefined).then(() => persist(parsed.data)));
      try {
        await saved;
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

export type LoadSettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Reads the settings file: missing means defaults; unreadable or invalid is an error the user must see. */
export async function loadSettingsFile(file: string | null): Promise<LoadSettingsResult> {
  if (file === null) return { ok: true, settings: settingsSchema.parse({}) };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { ok: true, settings: settingsSchema.parse({}) };
    }
    return { ok: false, error: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `${file} is not valid JSON` };
  }
  const problem = describeSettingsError(json);
  if (problem !== null) return { ok: false, error: `${file}: ${problem}` };
  return { ok: true, settings: settingsSchema.parse(json) };
}

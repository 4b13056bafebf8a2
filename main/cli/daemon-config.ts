// What the daemon watches: the `--url`s of the command line, or the settings file the app writes
// (`--config FILE`, the schema of common/settings.ts), read again on SIGHUP. The file is only read:
// on a server it sits in a read-only /etc, and a damaged file must not stop a running daemon (the
// settings in use are kept, and the reason is said).
import { promises as fs } from 'node:fs';
import { settingsSchema, type Settings } from '../../common/settings';
import type { SourceConfig, StatusService } from '../core/ports';
import { salvageSettings } from '../core/settings-store';
import type { CliOptions } from './args';
import type { CliIo } from './io';

const MAX_CONFIG_BYTES = 1024 * 1024;

export interface WatchConfig {
  /** The sources' addresses, for the default state file's name. */
  urls: string[];
  sources: SourceConfig[];
  /** From the settings file; the core's default otherwise. */
  reminderMinutes?: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The settings of a file, every valid one kept when some are not; throws when nothing can be used. */
export async function readSettingsFile(file: string, warn: (message: string) => void): Promise<Settings> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`--config ${file}: ${messageOf(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--config ${file} is not valid JSON (${messageOf(error)})`);
  }
  const parsed = settingsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const salvaged = salvageSettings(json);
  if (salvaged === null) throw new Error(`--config ${file} does not hold settings`);
  warn(`--config ${file}: ${salvaged.reset.join(', ')} invalid, defaults used for ${salvaged.reset.length === 1 ? 'it' : 'them'}`);
  return salvaged.settings;
}

function fromSettings(settings: Settings, options: CliOptions): WatchConfig {
  // An --interval on the command line wins over the file's.
  const intervalSeconds = options.intervalSeconds ?? settings.pollIntervalSeconds;
  const sources = settings.sources.map((source) => ({ url: source.url, kind: source.kind, intervalSeconds }));
  return { urls: sources.map((source) => source.url), sources, reminderMinutes: settings.notifications.reminderMinutes };
}

export async function watchConfig(options: CliOptions, warn: (message: string) => void): Promise<WatchConfig> {
  if (options.configFile) return fromSettings(await readSettingsFile(options.configFile, warn), options);
  const sources = options.urls.map((url) => ({
    url,
    kind: options.kind,
    ...(options.intervalSeconds === null ? {} : { intervalSeconds: options.intervalSeconds }),
  }));
  return { urls: options.urls, sources };
}

/**
 * SIGHUP (through io.onReload): the settings file read again and its sources applied without a
 * restart; without --config, every page polled now. Returns the unsubscribe function.
 */
export function reloadOnSignal(options: CliOptions, io: CliIo, core: StatusService, warn: (message: string) => void): () => void {
  if (!io.onReload) return () => undefined;
  let reloading = Promise.resolve();
  return io.onReload(() => {
    reloading = reloading.then(async () => {
      if (!options.configFile) {
        await core.refreshNow();
        return;
      }
      try {
        const next = fromSettings(await readSettingsFile(options.configFile, warn), options);
        await core.updateSources?.(next.sources);
        await core.refreshNow();
        warn(`settings reloaded from ${options.configFile}: ${next.sources.length === 1 ? '1 source' : `${next.sources.length} sources`}`);
      } catch (error) {
        warn(`${messageOf(error)}; the settings in use are kept`);
      }
    });
  });
}

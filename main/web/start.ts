// Wires the dashboard: settings (file or memory), the status core on Node's fetch, the HTTP server.
import { createHistoryRecorder, historyFileBeside } from '../core/history-recorder';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createStatusCore } from '../core/status-core';
import { createFileStateStore } from '../core/state-store';
import type { PersistedState, SourceConfig, StateStore } from '../core/ports';
import { defaultSettings, type Settings } from '../../common/settings';
import type { AppInfo } from '../../common/window-api';
import { name as packageName, version } from '../../package.json';
import type { DashboardArgs } from './args';
import { listenDashboard, type ListeningDashboard } from './dashboard';
import { createAccountService } from '../core/account/account-service';
import { serverTokenSource } from './account-token';
import { readTokenFile } from '../core/account/token-file';
import { createSettingsStore } from '../core/settings-store';
import { isLoopbackHost, newAccessToken, privateSourceProblem } from './network-exposure';
import { createSettingsController } from './settings-controller';

export interface StartOptions {
  args: DashboardArgs;
  /** Folder of the renderer build; found next to the server by default. */
  staticRoot?: string;
  onWarning?: (message: string) => void;
}

export interface RunningDashboard extends ListeningDashboard {
  /** The link to open first when the dashboard is reachable from other machines (null on loopback). */
  accessUrl: string | null;
  /** Stops polling (state saved) and closes the server. */
  stop(): Promise<void>;
}

/** The renderer build, wherever the server runs from: dist/web (bundled) or main/web (sources). */
export function findStaticRoot(here: string): string {
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer')];
  return candidates.find((candidate) => existsSync(path.join(candidate, 'index.html'))) ?? candidates[0] ?? here;
}

function memoryStateStore(): StateStore {
  let kept: PersistedState | null = null;
  return {
    load: async () => kept,
    save: async (state) => {
      kept = state;
    },
  };
}

function sourcesOf(settings: Settings): SourceConfig[] {
  return settings.sources.map((source) => ({ url: source.url, kind: source.kind, intervalSeconds: settings.pollIntervalSeconds }));
}

export async function startDashboardServer(options: StartOptions): Promise<RunningDashboard> {
  const { args } = options;
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`${message}\n`));
  // The desktop's settings store: a file with one bad value keeps every other setting.
  const store =
    args.settingsFile === null
      ? null
      : createSettingsStore(path.dirname(args.settingsFile), { fileName: path.basename(args.settingsFile), onWarning: warn });
  const loaded = store === null ? defaultSettings() : await store.load();
  // --url wins over the settings file for this run (and is saved only if the user saves settings).
  const initial: Settings = args.urls.length > 0 ? { ...loaded, sources: args.urls.map((url) => ({ url, kind: 'auto' as const })) } : loaded;
  const exposed = args.hostGiven && !isLoopbackHost(args.host);
  const accessToken = exposed ? newAccessToken() : null;
  // Reachable from the network, the server must not become a way to probe it: the page may not
  // point it at private addresses (the operator's own --url is theirs to choose).
  const checkSources =
    exposed && !args.allowPrivateSources
      ? async (next: Settings): Promise<string | null> => {
          for (const source of next.sources) {
            const problem = await privateSourceProblem(source.url);
            if (problem !== null && !args.urls.includes(source.url)) return `sources: ${problem}; this dashboard is reachable from the network (start it with --allow-private-sources to allow it)`;
          }
          return null;
        }
      : undefined;
  const settings = createSettingsController({ initial, store, ...(checkSources ? { check: checkSources } : {}) });

  const core = createStatusCore({
    sources: sourcesOf(initial),
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    store: args.stateFile === null ? memoryStateStore() : createFileStateStore(args.stateFile, { onWarning: warn }),
    reminderMinutes: initial.notifications.reminderMinutes,
    onWarning: warn,
  });
  let applied = JSON.stringify(sourcesOf(initial));
  const unsubscribe = settings.subscribe(async (next) => {
    core.setReminderMinutes(next.notifications.reminderMinutes);
    const sources = sourcesOf(next);
    if (JSON.stringify(sources) === applied) return;
    applied = JSON.stringify(sources);
    await core.updateSources(sources).catch((error: unknown) => warn(`could not apply the new sources: ${String(error)}`));
  });

  const info: AppInfo = {
    name: packageName === 'gandi-status-tray' ? 'Gandi Status' : packageName,
    version,
    platform: 'web',
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
  };
  // The token comes from the server's environment, never from the browser.
  // A token file others can read stops the start, with what to do (TokenFileError's message).
  const token = args.tokenFile ? await readTokenFile(args.tokenFile, process.platform) : process.env.GANDI_PAT;
  const account = createAccountService({
    tokens: serverTokenSource(token),
    fetch: (url, init) => fetch(url, init),
    env: process.env,
    intervalHours: initial.accountCheckHours,
    onWarning: warn,
  });
  const unsubscribeAccountHours = settings.subscribe((next) => account.setIntervalHours(next.accountCheckHours));
  // Kept beside the state file when there is one; in memory otherwise.
  const history = createHistoryRecorder({ file: args.stateFile === null ? null : historyFileBeside(args.stateFile), onWarning: warn });
  await history.load();
  const listening = await listenDashboard({
    port: args.port,
    host: args.host,
    hostGiven: args.hostGiven,
    allowHosts: args.allowHosts,
    accessToken,
    staticRoot: options.staticRoot ?? findStaticRoot(__dirname),
    status: core,
    settings,
    info,
    account,
    history,
  });
  account.start().catch(() => warn('the account checks did not start'));
  // The first poll runs in the background: the page is served at once and fills in when data comes.
  core.start().catch((error: unknown) => warn(`the status core did not start: ${String(error)}`));
  return {
    ...listening,
    accessUrl: accessToken === null ? null : `${listening.url}/?access=${accessToken}`,
    async stop() {
      unsubscribe();
      unsubscribeAccountHours();
      account.stop();
      await listening.close();
      await core.stop();
      await history.flush();
    },
  };
}

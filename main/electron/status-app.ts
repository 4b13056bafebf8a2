// The tray app's running state and what it does with it: core updates go to the tray, the
// notifier and the window (one way); user actions (menu, window) come back here.
import { app, clipboard, shell } from 'electron';
import { createFreshnessClock } from '../../common/freshness';
import type { ChangeEvent, StatusSnapshot } from '../../common/model';
import type { FetchLike, SourceConfig, StateStore, StatusService } from '../core/ports';
import { chooseService, settingsSchema, watchedPartsOf, type Settings } from '../../common/settings';
import { RECENT_EVENTS, type AppState, type CallHandlers, type ExternalTarget, type SetSettingsResult, type ShowTarget } from '../../common/window-api';
import { serialised } from '../core/atomic-file';
import { createPageDetector } from '../core/page-detection';
import { resolveExternalTarget } from '../core/external-links';
import { appIconPath, unpackedPath } from './icons';
import { createLoginItem, type LoginItem } from './login-item';
import type { SnoozeStore } from './snooze-store';
import { snoozeEnd, type SnoozeChoice } from './notification-policy';
import { platformSink } from './notification-sinks';
import { createNotifier, type NoticeSink } from './notifier';
import type { SettingsStore } from '../core/settings-store';
import { resolveLanguage, textsFor, type Texts } from './texts';
import { createStatusTray } from './tray';
import type { LinkKind } from './tray-menu';
import type { StatusWindow } from './window';
import { accountImpact, isGandiPage, usageComplete, type AccountImpact } from '../../common/account-impact';
import type { AccountUsage } from '../../common/account';
import { affectsAccount } from './event-touches';
import { narrowToWatched, unwatchedServiceKeys } from '../../common/watch';
import { createHistoryRecorder, type HistoryRecorder } from '../core/history-recorder';
import { accountCallHandlers, noDesktopAccount, pushAccountChanges, type DesktopAccount } from './account-calls';

export const APP_ID = 'net.gandi.status-tray';

export interface CoreConfig {
  sources: SourceConfig[];
  reminderMinutes: number;
  fetch: FetchLike;
  store: StateStore;
  onWarning: (message: string) => void;
}

export type CoreFactory = (config: CoreConfig) => StatusService;

export interface StatusAppOptions {
  createCore: CoreFactory;
  fetch: FetchLike;
  stateStore: StateStore;
  settingsStore: SettingsStore;
  settings: Settings;
  /** Where a snooze and what it held are kept across restarts, and what was loaded at start. */
  snoozeStore?: SnoozeStore;
  snoozedUntil?: Date | null;
  heldEvents?: readonly ChangeEvent[];
  window: StatusWindow;
  platform: NodeJS.Platform;
  assetsDir: string;
  now?: () => Date;
  /** Defaults to the platform's own way of starting at login. */
  loginItem?: LoginItem;
  /** Defaults to the platform's notification sink; tests and other front doors may pass theirs. */
  sink?: NoticeSink;
  warn?: (message: string) => void;
  /** The Gandi account checks and the token's store (default: none, and none can be set). */
  account?: DesktopAccount;
  /** What the app saw over 90 days (default: kept in memory only). */
  history?: HistoryRecorder;
}

export interface StatusApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  refresh(): Promise<void>;
  showWindow(target?: ShowTarget): void;
  snooze(choice: SnoozeChoice | null): void;
  setFollowed(serviceId: string, followed: boolean): Promise<void>;
  getState(): AppState;
  readonly ipcHandlers: CallHandlers;
}

function coreConfigOf(settings: Settings): SourceConfig[] {
  return settings.sources.map((source) => ({ url: source.url, kind: source.kind, intervalSeconds: settings.pollIntervalSeconds }));
}

function sameCoreConfig(a: Settings, b: Settings): boolean {
  return JSON.stringify(coreConfigOf(a)) === JSON.stringify(coreConfigOf(b));
}

export function createStatusApp(options: StatusAppOptions): StatusApp {
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const { window, platform } = options;
  const loginItem = options.loginItem ?? createLoginItem(platform);
  let settings = options.settings;
  let snoozedUntil: Date | null = options.snoozedUntil ?? null;
  let recentEvents: ChangeEvent[] = [];
  let core: StatusService | null = null;
  let unsubscribe: () => void = () => undefined;
  let snapshot: StatusSnapshot = { overall: 'unknown', sources: [] };

  const account = options.account ?? noDesktopAccount(options.fetch);
  const history = options.history ?? createHistoryRecorder({ file: null, now });
  let unsubscribeAccount: () => void = () => undefined;
  // Same network as the polls (Electron's net.fetch honours the system proxy).
  const detectPage = createPageDetector({ fetch: options.fetch, now });
  const texts = (): Texts => textsFor(resolveLanguage(settings.language, app.getLocale()));
  const run = (task: Promise<unknown>, what: string): void => {
    task.catch((error: unknown) => warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  };

  const showWindow = (target?: ShowTarget): void => run(window.show(target), 'Opening the window');

  const tray = createStatusTray({
    snapshot,
    assetsDir: options.assetsDir,
    platform,
    onClick: () => showWindow(),
    onWarning: warn,
    actions: {
      show: (target) => showWindow(target),
      refresh: () => run(refresh(), 'Refresh'),
      snooze: (choice) => snooze(choice),
      resume: () => snooze(null),
      openLink: (kind: LinkKind) => run(openExternal({ kind }), 'Opening a link'),
      setFollowed: (serviceId, followed) => run(setFollowed(serviceId, followed), 'Following a service'),
      setLaunchAtLogin: (enabled) => run(updateSettings((current) => ({ ...current, launchAtLogin: enabled })), 'Launch at login'),
      quit: () => app.quit(),
    },
  });

  const notifier = createNotifier({
    sink: options.sink ?? platformSink(platform, (target) => showWindow(target), { icon: unpackedPath(appIconPath(options.assetsDir)), appId: APP_ID, onError: warn }),
    onWarning: warn,
    getSettings: () => settings,
    getSnoozedUntil: () => snoozedUntil,
    getTexts: texts,
    now,
    onFollowEnded: (ids) =>
      run(
        updateSettings((current) => ({ ...current, followedServices: current.followedServices.filter((id) => !ids.includes(id)) })),
        'Ending a follow',
      ),
    // The file follows what is held, so nothing held is lost or shown twice after a restart.
    onHeldChange: () => run(savePause(), 'Saving the snooze'),
    getImpact: () => currentImpact()?.impact ?? null,
    getAffects: () => {
      const known = currentImpact();
      if (known === null) return null;
      const { impact, gandiPages, complete } = known;
      return (event) => affectsAccount(event, impact, gandiPages, complete);
    },
    getUnwatched: () => unwatchedServiceKeys(snapshot, watchedPartsOf(settings)),
  });

  interface KnownImpact {
    impact: AccountImpact;
    gandiPages: ReadonlySet<string>;
    complete: boolean;
  }
  /** Worked out once per picture and account report: the tray and each notification ask for it. */
  let impactCache: { snapshot: StatusSnapshot; usage: AccountUsage; known: KnownImpact } | null = null;

  /** What the current picture touches in the account; null without an account report. */
  function currentImpact(): KnownImpact | null {
    const usage = account.service.view().report?.usage;
    if (usage === undefined) return null;
    if (impactCache?.snapshot !== snapshot || impactCache.usage !== usage) {
      const gandiPages = new Set(snapshot.sources.filter((source) => isGandiPage(source)).map((source) => source.url));
      impactCache = { snapshot, usage, known: { impact: accountImpact(snapshot, usage), gandiPages, complete: usageComplete(usage) } };
    }
    return impactCache.known;
  }
  if (options.heldEvents) notifier.restoreHeld(options.heldEvents);

  const freshnessNow = createFreshnessClock(() => now().getTime());
  function refreshTray(): void {
    const impact = currentImpact()?.impact ?? null;
    tray.update({
      // The tray's colour counts only the part of each page the user watches.
      snapshot: narrowToWatched(snapshot, watchedPartsOf(settings)),
      affected: new Set(impact === null ? [] : [...impact.incidents, ...impact.maintenances].map((item) => `${item.sourceUrl}|${item.id}`)),
      texts: texts(),
      snoozedUntil,
      followedServices: settings.followedServices,
      launchAtLogin: loginItem.supported ? settings.launchAtLogin : null,
      now: now(),
      freshnessNow: freshnessNow(snapshot),
    });
  }

  function onUpdate(update: { snapshot: StatusSnapshot; events: ChangeEvent[] }): void {
    snapshot = update.snapshot;
    history.record(snapshot);
    recentEvents = [...recentEvents, ...update.events].slice(-RECENT_EVENTS);
    refreshTray();
    notifier.handle(update.events);
    window.send('state', snapshot);
    for (const event of update.events) window.send('event', event);
  }

  async function startCore(): Promise<void> {
    const started = options.createCore({
      sources: coreConfigOf(settings),
      reminderMinutes: settings.notifications.reminderMinutes,
      fetch: options.fetch,
      store: options.stateStore,
      onWarning: warn,
    });
    core = started;
    unsubscribe = started.subscribe(onUpdate);
    snapshot = started.getSnapshot();
    refreshTray();
    await started.start();
  }

  async function stopCore(): Promise<void> {
    unsubscribe();
    const stopping = core;
    core = null;
    if (stopping !== null) await stopping.stop();
  }

  async function refresh(): Promise<void> {
    await core?.refreshNow();
  }

  function savePause(): Promise<void> {
    return options.snoozeStore?.save(snoozedUntil, notifier.heldEvents()) ?? Promise.resolve();
  }

  function snooze(choice: SnoozeChoice | null): void {
    snoozedUntil = choice === null ? null : snoozeEnd(choice, now());
    refreshTray();
    // Resuming releases what the snooze held at once, not at the next poll.
    if (choice === null) notifier.handle([]);
    run(savePause(), 'Saving the snooze');
  }

  // One change at a time, each applied to the settings left by the one before: a follow toggled
  // in the tray while the window saves does not undo either of them.
  const settingsQueue = serialised();
  const updateSettings = (change: (current: Settings) => Settings): Promise<Settings> =>
    settingsQueue(() => applySettings(change(settings)));

  async function applySettings(next: Settings): Promise<Settings> {
    const previous = settings;
    const saved = await options.settingsStore.save(next);
    settings = saved;
    if (saved.launchAtLogin !== previous.launchAtLogin) run(loginItem.setEnabled(saved.launchAtLogin), 'Launch at login');
    // Sources, interval and reminder delay change in place: the core keeps its data and history.
    account.service.setIntervalHours(saved.accountCheckHours);
    if (saved.notifications.reminderMinutes !== previous.notifications.reminderMinutes) {
      core?.setReminderMinutes?.(saved.notifications.reminderMinutes);
    }
    if (!sameCoreConfig(previous, saved)) {
      if (core?.updateSources !== undefined) {
        await core.updateSources(coreConfigOf(saved));
      } else {
        await stopCore();
        await startCore();
      }
    }
    refreshTray();
    window.send('settings', saved);
    // Quiet hours turned off or a service unmuted: what was held may go out now.
    notifier.handle([]);
    return saved;
  }

  async function setFollowed(serviceId: string, followed: boolean): Promise<void> {
    await updateSettings((current) => chooseService(current, 'followedServices', serviceId, followed));
  }

  async function openExternal(target: ExternalTarget): Promise<boolean> {
    const link = resolveExternalTarget(target, settings, snapshot);
    // The desktop opens https only, even where the dashboard would allow a local http mirror.
    if (!link.ok || new URL(link.url).protocol !== 'https:') {
      warn(`Refused to open a ${target.kind} link: ${link.ok ? 'not https' : link.error}.`);
      return false;
    }
    await shell.openExternal(link.url); // eng-disable OPEN_EXTERNAL_JS_CHECK (https, allow-listed host only)
    return true;
  }

  async function setSettings(candidate: unknown): Promise<SetSettingsResult> {
    const parsed = settingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, error: first ? `${first.path.join('.') || 'settings'}: ${first.message}` : 'invalid settings' };
    }
    try {
      return { ok: true, settings: await updateSettings(() => parsed.data) };
    } catch (error) {
      return { ok: false, error: `cannot save settings: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  function getState(): AppState {
    return {
      snapshot,
      settings,
      info: { name: app.getName(), version: app.getVersion(), platform: 'electron', locale: app.getLocale() },
      recentEvents,
    };
  }

  return {
    async start() {
      // The OS keeps its own login item; make it agree with the settings.
      if (loginItem.supported && (await loginItem.isEnabled()) !== settings.launchAtLogin) {
        run(loginItem.setEnabled(settings.launchAtLogin), 'Launch at login');
      }
      // The kept history first: the first picture is added to it, not saved over it.
      await history.load();
      await startCore();
      const unpush = pushAccountChanges(account, (view) => window.send('account', view));
      // A new report may change what is marked "affects you" in the tray menu.
      const unmark = account.service.subscribe(() => refreshTray());
      const unannounce = account.service.subscribeEvents((events) => notifier.handleAccount(events));
      unsubscribeAccount = () => {
        unpush();
        unmark();
        unannounce();
      };
      account.service.setIntervalHours(settings.accountCheckHours);
      await account.tokens.load();
      await account.service.start();
    },
    async stop() {
      unsubscribeAccount();
      account.service.stop();
      // A burst still being grouped is shown, not lost, when the app quits; what a pause holds
      // is kept for the next run.
      notifier.flush();
      await savePause().catch((error: unknown) => warn(`Saving the snooze failed: ${String(error)}`));
      notifier.dispose();
      await stopCore();
      await history.flush();
      tray.destroy();
    },
    refresh,
    showWindow,
    snooze,
    setFollowed,
    getState,
    ipcHandlers: {
      getState,
      refresh: async () => {
        await refresh();
        return null;
      },
      openExternal,
      setSettings,
      copyText: (text) => {
        clipboard.writeText(text);
        return true;
      },
      detectPage: (input) => detectPage(input),
      getHistory: () => history.history(),
      ...accountCallHandlers(account),
    },
  };
}

// The account checks over time, for the tray app and the dashboard: a run every few hours and on
// demand (one at a time: a second "check now" joins the running one), the last report kept across
// restarts (it holds no secret), and every change told to subscribers as an AccountView.
import type { AccountReport } from '../../../common/account';
import { accountReportSchema } from '../../../common/account';
import type { AccountView, TokenState } from '../../../common/account-view';
import type { Clock, FetchLike } from '../ports';
import { checkAccount, type AccountCheckOptions } from './account-check';
import { ACCOUNT_CHECK_HOURS } from '../../../common/settings';
import { accountEventsBetween, type AccountEvent } from '../../../common/account-events';

/** Where the token comes from; the service never keeps it longer than a run. */
export interface AccountTokenSource {
  /** The token, or null when there is none. */
  read(): Promise<string | null>;
  state(): TokenState;
}

/** Where the last report is kept (a JSON file on the desktop); it holds no secret. */
export interface AccountReportStore {
  load(): Promise<unknown>;
  save(report: AccountReport): Promise<void>;
  /** Forgets it (the token was removed: its account is not the user's concern any more). */
  clear(): Promise<void>;
}

export interface AccountServiceOptions {
  tokens: AccountTokenSource;
  fetch: FetchLike;
  env: Record<string, string | undefined>;
  now?: Clock;
  store?: AccountReportStore;
  /** Hours between scheduled checks (default 6). */
  intervalHours?: number;
  limits?: AccountCheckOptions['limits'];
  sleep?: AccountCheckOptions['sleep'];
  onWarning?: (message: string) => void;
}

export interface AccountService {
  /** Loads the kept report, checks now if it is due, then on schedule. */
  start(): Promise<void>;
  stop(): void;
  /** Runs the checks now (or joins the run under way); resolves with the view after it. */
  checkNow(): Promise<AccountView>;
  /** The token changed (set or forgotten): the report of another token is dropped, and a check runs. */
  tokenChanged(): Promise<AccountView>;
  view(): AccountView;
  subscribe(listener: (view: AccountView) => void): () => void;
  /** What each run found new or gone since the report before it (the kept one after a restart). */
  subscribeEvents(listener: (events: AccountEvent[]) => void): () => void;
  /** Hours between scheduled checks, from the settings; the next check moves accordingly. */
  setIntervalHours(hours: number): void;
}


export function createAccountService(options: AccountServiceOptions): AccountService {
  const now = options.now ?? (() => new Date());
  let intervalMs = (options.intervalHours ?? ACCOUNT_CHECK_HOURS.default) * 60 * 60 * 1000;
  const warn = options.onWarning ?? (() => undefined);
  const listeners = new Set<(view: AccountView) => void>();
  const eventListeners = new Set<(events: AccountEvent[]) => void>();
  let pendingEvents: AccountEvent[] = [];
  let report: AccountReport | null = null;
  let running: Promise<AccountView> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  function nextCheckAt(): Date | null {
    if (!options.tokens.state().set) return null;
    return report === null ? now() : new Date(Date.parse(report.checkedAt) + intervalMs);
  }

  function view(): AccountView {
    const next = nextCheckAt();
    return { token: options.tokens.state(), report, checking: running !== null, nextCheckAt: next === null ? null : next.toISOString() };
  }

  function publish(): void {
    const current = view();
    for (const listener of [...listeners]) listener(current);
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = nextCheckAt();
    if (stopped || next === null) return;
    // Never sooner than a minute: a clock set back cannot make it loop.
    const wait = Math.max(60_000, next.getTime() - now().getTime());
    timer = setTimeout(() => {
      timer = null;
      void checkNow();
    }, Math.min(wait, 2 ** 31 - 1));
    timer.unref?.();
  }

  async function run(): Promise<AccountView> {
    try {
      const token = await options.tokens.read();
      const fresh = await checkAccount({
        token,
        fetch: options.fetch,
        env: options.env,
        now,
        previous: report,
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
      });
      pendingEvents = accountEventsBetween(report, fresh);
      report = fresh;
      await options.store?.save(fresh).catch((error: unknown) => warn(`Saving the account report failed: ${error instanceof Error ? error.message : String(error)}`));
    } catch (error) {
      // checkAccount reports failures as data; this is a bug or a bad GANDI_API_URL. Its message holds no token.
      warn(`The account check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return view();
  }

  function checkNow(): Promise<AccountView> {
    if (running === null) {
      running = run().finally(() => {
        running = null;
        schedule();
        publish();
        // After the view, so a click on the notification finds the finding in the window.
        const events = pendingEvents;
        pendingEvents = [];
        if (events.length > 0) for (const listener of [...eventListeners]) listener(events);
      });
      publish();
    }
    return running.then(() => view());
  }

  return {
    async start() {
      stopped = false;
      if (options.store) {
        const kept = accountReportSchema.safeParse(await options.store.load().catch(() => null));
        if (kept.success) report = kept.data;
      }
      publish();
      const next = nextCheckAt();
      if (next !== null && next.getTime() <= now().getTime()) void checkNow();
      else schedule();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    checkNow,
    async tokenChanged() {
      report = null;
      await options.store?.clear().catch(() => undefined);
      publish();
      if (!options.tokens.state().set) {
        schedule();
        return view();
      }
      await running?.catch(() => undefined);
      return checkNow();
    },
    view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeEvents(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    setIntervalHours(hours) {
      const next = hours * 60 * 60 * 1000;
      if (next === intervalMs) return;
      intervalMs = next;
      if (running === null) schedule();
    },
  };
}

// From core events to desktop notifications: the policy picks, bursts are coalesced into one
// notification, and a sink shows it. No Electron here: the sink is injected (notification-sinks.ts).
import type { ChangeEvent } from '../../common/model';
import { createNoticeDamper } from '../core/notice-damper';
import type { Settings } from '../../common/settings';
import { followsEndedBy, judge, judgeAccount, type PolicyContext } from './notification-policy';
import { composeAccountNotice, composeNotice, type Notice } from './notification-text';
import type { AccountEvent } from '../../common/account-events';
import type { AccountImpact } from '../../common/account-impact';
import { touchesOfEvent } from './event-touches';
import type { Texts } from './texts';

export interface NoticeSink {
  /** May throw, or be async and reject: the notifier catches both. */
  show(notice: Notice): void;
}

export interface NotifierOptions {
  sink: NoticeSink;
  getSettings(): Settings;
  getSnoozedUntil(): Date | null;
  getTexts(): Texts;
  now?: () => Date;
  /** Events within this window after the first one make one notification (default 3 s). */
  coalesceMs?: number;
  /** Called with followed service ids that are operational again (following ends). */
  onFollowEnded?: (serviceIds: string[]) => void;
  /** Called after an update changed what is held, with what is held now (to keep it across restarts). */
  onHeldChange?: (held: readonly ChangeEvent[]) => void;
  /** Services outside the watched part of their page, as serviceKey()s (common/watch.ts). */
  getUnwatched?: () => readonly string[];
  /** What the current picture touches in the Gandi account; null without an account report. */
  getImpact?: () => AccountImpact | null;
  /** Whether an event touches the account ("only what affects me"); null when it cannot be judged. */
  getAffects?: () => ((event: ChangeEvent) => boolean) | null;
  /** Told when the sink failed to show a notification (default: console.warn). */
  onWarning?: (message: string) => void;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Notifier {
  /** Feed the events of one core update. */
  handle(events: readonly ChangeEvent[]): void;
  /**
   * Feed what an account check found new. New findings only: a finding gone is shown in the
   * window, not announced (and re-arms its notice). Held during a snooze or quiet hours, in memory;
   * shown at quit rather than lost.
   */
  handleAccount(events: readonly AccountEvent[]): void;
  /** Show what is waiting now (used on quit). */
  flush(): void;
  /** Changes held by a snooze or quiet hours, oldest first (kept across a restart). */
  heldEvents(): ChangeEvent[];
  /** Takes back the changes a previous run held; they come out when the pause ends. */
  restoreHeld(events: readonly ChangeEvent[]): void;
  dispose(): void;
}

/** Keys already announced, so a re-sent event (restart, source flapping) is not shown twice. */
const SEEN_LIMIT = 1000;
/** Changes kept during a snooze or quiet hours, shown as one summary when the pause ends. */
const HELD_LIMIT = 50;

/** A held reminder is pointless once its maintenance has started (its own events tell the rest). */
function stillWorthShowing(event: ChangeEvent, now: Date): boolean {
  if (event.type !== 'maintenance.reminder' || event.scheduledFor === null) return true;
  return Date.parse(event.scheduledFor) > now.getTime();
}

function sameKeys(a: readonly ChangeEvent[], b: readonly ChangeEvent[]): boolean {
  return a.length === b.length && a.every((event, index) => event.key === b[index]?.key);
}

export function createNotifier(options: NotifierOptions): Notifier {
  const now = options.now ?? (() => new Date());
  const coalesceMs = options.coalesceMs ?? 3000;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as NodeJS.Timeout));
  const seen = new Set<string>();
  let pending: ChangeEvent[] = [];
  let held: ChangeEvent[] = [];
  let timer: unknown = null;
  let heldAccount: AccountEvent[] = [];
  const damper = createNoticeDamper();

  function impactContext(): Pick<PolicyContext, 'affectsMe'> {
    const affects = options.getAffects?.() ?? null;
    return affects === null ? {} : { affectsMe: affects };
  }

  function showAccount(events: readonly AccountEvent[]): void {
    const fresh = events.filter((event) => remember(event.key));
    const notice = composeAccountNotice(fresh, options.getTexts());
    if (notice !== null) show(notice);
  }

  function releaseAccount(context: PolicyContext): void {
    if (heldAccount.length === 0 || judgeAccount(context) === 'held') return;
    const released = judgeAccount(context) === 'announce' ? heldAccount : [];
    heldAccount = [];
    showAccount(released);
  }

  function remember(key: string): boolean {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > SEEN_LIMIT) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    return true;
  }

  function flush(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const burst = pending;
    pending = [];
    const impact = options.getImpact?.() ?? null;
    const notice = composeNotice(burst, options.getTexts(), (event) => (impact === null ? [] : touchesOfEvent(event, impact)));
    if (notice !== null) show(notice);
  }

  /** One failed notification (a throw, a rejection) is reported; it never reaches the timer that flushed. */
  function show(notice: Notice): void {
    const report = (error: unknown): void => {
      const warn = options.onWarning ?? ((message: string) => console.warn(message));
      warn(`Showing a notification failed: ${error instanceof Error ? error.message : String(error)}`);
    };
    try {
      const shown: unknown = options.sink.show(notice);
      if (shown instanceof Promise) shown.catch(report);
    } catch (error) {
      report(error);
    }
  }

  return {
    // Called for every core update, even one without events, so held changes come out at the
    // first poll after a snooze or quiet hours end.
    handle(incoming) {
      // Flapping components and pages failing every other poll are damped before anything else.
      const settings = options.getSettings();
      const events = damper.filter(incoming, now(), settings.followedServices);
      const heldBefore = held;
      const unwatched = options.getUnwatched?.() ?? [];
      const context: PolicyContext = {
        settings,
        now: now(),
        snoozedUntil: options.getSnoozedUntil(),
        ...impactContext(),
        ...(unwatched.length > 0 ? { unwatched: new Set(unwatched) } : {}),
      };
      releaseAccount(context);
      const announced: ChangeEvent[] = [];
      for (const event of events) {
        const verdict = judge(event, context);
        if (verdict === 'announce' && remember(event.key)) announced.push(event);
        else if (verdict === 'held' && !seen.has(event.key)) held = [...held, event].slice(-HELD_LIMIT);
      }
      if (held.length > 0) {
        // Judged again now: the pause may be over, and settings may have changed meanwhile.
        const stillHeld = held.filter((event) => judge(event, context) === 'held');
        const released = held.filter(
          (event) => judge(event, context) === 'announce' && stillWorthShowing(event, context.now) && remember(event.key),
        );
        held = stillHeld;
        announced.unshift(...released);
      }
      if (!sameKeys(heldBefore, held)) options.onHeldChange?.(held);
      const ended = followsEndedBy(events, settings.followedServices);
      if (ended.length > 0) options.onFollowEnded?.(ended);
      if (announced.length === 0) return;
      pending.push(...announced);
      if (timer === null) timer = setTimer(flush, coalesceMs);
    },
    handleAccount(events) {
      const context: PolicyContext = { settings: options.getSettings(), now: now(), snoozedUntil: options.getSnoozedUntil() };
      // A finding gone and come back (credit low again) is news again: its notice is re-armed.
      for (const event of events) if (event.type === 'account.cleared') seen.delete(`account.finding|${event.finding.key}`);
      const news = events.filter((event) => event.type !== 'account.cleared');
      const verdict = judgeAccount(context);
      if (verdict === 'held') heldAccount = [...heldAccount, ...news].slice(-HELD_LIMIT);
      else if (verdict === 'announce') showAccount(news);
    },
    flush() {
      flush();
      // Findings held by a pause are not kept across a restart (the next check will not announce
      // them again): at quit they are shown rather than lost.
      const findings = heldAccount;
      heldAccount = [];
      showAccount(findings);
    },
    heldEvents: () => [...held],
    restoreHeld(events) {
      const known = new Set(held.map((event) => event.key));
      const restored = events.filter((event) => !seen.has(event.key) && !known.has(event.key));
      held = [...restored, ...held].slice(-HELD_LIMIT);
    },
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      pending = [];
      held = [];
      heldAccount = [];
    },
  };
}

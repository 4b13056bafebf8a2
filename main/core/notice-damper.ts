// Which change events are worth a desktop notification over time, so that a flapping component or
// a page failing every other poll does not become a storm: the events themselves (printed, pushed,
// saved) are all kept; only the notices are damped. Pure: the time comes in with each batch.
import type { ChangeEvent, ServiceChangedEvent, SourceHealthEvent } from '../../common/model';
import { STALE_GRACE_MS } from '../../common/freshness';

/** Changes of one service within this window beyond FLAP_CHANGES make it flapping. */
export const FLAP_WINDOW_MS = 30 * 60_000;
/** A service that changed this often within the window is flapping: its next changes are held. */
export const FLAP_CHANGES = 2;
/** A page must stay unreachable this long before it is announced (as the tray turns grey). */
export const MIN_OUTAGE_MS = STALE_GRACE_MS;

export interface NoticeDamper {
  /**
   * The events of one update worth a notice now (call it for every update, even without events).
   * Changes of `followed` services are never held: following one is asking for every change.
   */
  filter(events: readonly ChangeEvent[], now: Date, followed?: readonly string[]): ChangeEvent[];
}

interface Flap {
  /** Times of the recent changes, oldest first. */
  changes: number[];
  /** The newest change held back while flapping, announced once the service settles. */
  held: ServiceChangedEvent | null;
  /** The level last announced. */
  announcedTo: string | null;
  /** Whether "keeps changing" was said for this bout of flapping (said once, until it settles). */
  flappingSaid: boolean;
}

export function createNoticeDamper(): NoticeDamper {
  const flaps = new Map<string, Flap>();
  /** Unreachable events waiting for the outage to last, by source URL. */
  const pendingOutages = new Map<string, { event: SourceHealthEvent; since: number }>();
  const announcedOutages = new Set<string>();

  function serviceChange(event: ServiceChangedEvent, now: number): ServiceChangedEvent | null {
    const key = `${event.sourceUrl}|${event.serviceId}`;
    const flap = flaps.get(key) ?? { changes: [], held: null, announcedTo: null, flappingSaid: false };
    flaps.set(key, flap);
    flap.changes = [...flap.changes.filter((t) => now - t < FLAP_WINDOW_MS), now];
    if (flap.changes.length > FLAP_CHANGES && flap.flappingSaid) {
      flap.held = event;
      return null;
    }
    if (flap.changes.length > FLAP_CHANGES) {
      // Said once per bout: the user learns why the next changes go unannounced.
      flap.flappingSaid = true;
      flap.held = null;
      flap.announcedTo = event.to;
      return { ...event, flapping: true };
    }
    flap.held = null;
    flap.announcedTo = event.to;
    return event;
  }

  /** Services that stopped flapping: their latest change, if it leaves them elsewhere than announced. */
  function settled(now: number): ChangeEvent[] {
    const out: ChangeEvent[] = [];
    for (const [key, flap] of flaps) {
      const last = flap.changes[flap.changes.length - 1] ?? 0;
      if (now - last < FLAP_WINDOW_MS) continue;
      if (flap.held !== null && flap.held.to !== flap.announcedTo) out.push(flap.held);
      flaps.delete(key);
    }
    return out;
  }

  function health(event: SourceHealthEvent, now: number): ChangeEvent | null {
    if (event.type === 'source.unreachable') {
      if (!pendingOutages.has(event.sourceUrl)) pendingOutages.set(event.sourceUrl, { event, since: now });
      return null;
    }
    // A recovery is news only after an outage that was announced.
    pendingOutages.delete(event.sourceUrl);
    return announcedOutages.delete(event.sourceUrl) ? event : null;
  }

  function lastingOutages(now: number): ChangeEvent[] {
    const out: ChangeEvent[] = [];
    for (const [url, pending] of pendingOutages) {
      if (now - pending.since < MIN_OUTAGE_MS) continue;
      pendingOutages.delete(url);
      announcedOutages.add(url);
      out.push(pending.event);
    }
    return out;
  }

  return {
    filter(events, date, followed = []) {
      const now = date.getTime();
      const kept: ChangeEvent[] = [...settled(now)];
      for (const event of events) {
        if (event.type === 'service.changed' && followed.includes(event.serviceId)) {
          kept.push(event);
        } else if (event.type === 'service.changed') {
          const change = serviceChange(event, now);
          if (change) kept.push(change);
        } else if (event.type === 'source.unreachable' || event.type === 'source.recovered') {
          const change = health(event, now);
          if (change) kept.push(change);
        } else if (event.type !== 'overall.changed') {
          kept.push(event);
        }
      }
      kept.push(...lastingOutages(now));
      // The overall level only says again what the other notices say; alone, it is the news.
      const overall = events.filter((event) => event.type === 'overall.changed');
      const damped = events.some((event) => event.type !== 'overall.changed') && kept.length === 0;
      if (kept.length === 0 && !damped) kept.push(...overall);
      return kept;
    },
  };
}

// How long old good news may be shown as current. Shared by every front door (tray, window,
// dashboard) so they never disagree about whether "all clear" still holds.
import type { Level, StatusSnapshot } from './model';

/** How long every status page may fail before the app stops vouching for its last good news. */
export const STALE_GRACE_MS = 5 * 60_000;

/** Newest successful fetch over all sources, or null when nothing was ever fetched. */
export function lastUpdate(snapshot: StatusSnapshot): Date | null {
  let newest: number | null = null;
  for (const source of snapshot.sources) {
    if (source.fetchedAt === null) continue;
    const time = Date.parse(source.fetchedAt);
    if (!Number.isNaN(time) && (newest === null || time > newest)) newest = time;
  }
  return newest === null ? null : new Date(newest);
}

/**
 * The level to show: the overall level, except that an "all clear" (or a mere maintenance) is not
 * kept up once every source has failed for longer than the grace period: that is unknown. Bad
 * news stays shown, since it is not a false all clear. Data that looks younger than nothing (its
 * time is after `now`: a clock stepped back, a server ahead of the browser) has an age nobody
 * knows, and skew never vouches for it.
 */
export function vouchedLevel(snapshot: StatusSnapshot, now: Date): Level {
  const { overall } = snapshot;
  if (overall !== 'operational' && overall !== 'maintenance') return overall;
  const allStale = snapshot.sources.length > 0 && snapshot.sources.every((source) => source.stale);
  if (!allStale) return overall;
  const last = lastUpdate(snapshot);
  if (last === null) return 'unknown';
  const age = now.getTime() - last.getTime();
  return age < 0 || age > STALE_GRACE_MS ? 'unknown' : overall;
}

/**
 * Within one process: the `now` to judge the data's age by. The age of the newest data is counted
 * on a monotonic clock from when this process first saw it, as well as on the wall clock, and the
 * larger wins: a wall clock stepped back never makes old data young, and time slept (which a
 * monotonic clock may not count) still ages it.
 */
export function createFreshnessClock(
  wallMs: () => number = () => Date.now(),
  monotonicMs: () => number = () => performance.now(),
): (snapshot: StatusSnapshot) => Date {
  let newest: number | null = null;
  let seenAt = 0;
  return (snapshot) => {
    const last = lastUpdate(snapshot)?.getTime() ?? null;
    if (last !== newest) {
      newest = last;
      seenAt = monotonicMs();
    }
    const wall = wallMs();
    return new Date(newest === null ? wall : Math.max(wall, newest + (monotonicMs() - seenAt)));
  };
}

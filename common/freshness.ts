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
 * news stays shown, since it is not a false all clear.
 */
export function vouchedLevel(snapshot: StatusSnapshot, now: Date): Level {
  const { overall } = snapshot;
  if (overall !== 'operational' && overall !== 'maintenance') return overall;
  const allStale = snapshot.sources.length > 0 && snapshot.sources.every((source) => source.stale);
  if (!allStale) return overall;
  const last = lastUpdate(snapshot);
  return last === null || now.getTime() - last.getTime() > STALE_GRACE_MS ? 'unknown' : overall;
}

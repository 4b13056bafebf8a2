// The tray in words: the tooltip and the menu's first line. Colour is never the only signal,
// so everything the icon says is said here too.
import { vouchedLevel } from '../../common/freshness';
import type { Incident, StatusSnapshot } from '../../common/model';
import type { Texts } from './texts';
import { truncateText } from '../../common/notification-markup';
import { cleanRemoteLine } from '../../common/remote-text';

/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127;
const MAX_NAMED_SERVICES = 3;
/** Short enough that three names and the count fit in the tooltip. */
const MAX_SERVICE_NAME = 25;

export function pageName(snapshot: StatusSnapshot): string {
  const [only, ...others] = snapshot.sources;
  return only !== undefined && others.length === 0 ? only.name : 'Gandi';
}

/** "Gandi: major outage", or "Gandi: unknown (last known: operational)" when the pages are unreachable. */
export function overallLine(snapshot: StatusSnapshot, texts: Texts, now?: Date): string {
  const shown = now === undefined ? snapshot.overall : vouchedLevel(snapshot, now);
  const line = `${pageName(snapshot)}: ${texts.level[shown]}`;
  return shown === snapshot.overall ? line : `${line} (${texts.lastKnown(texts.level[snapshot.overall])})`;
}

/** "Gandi: major outage - PAAS LU-BI1; 1 maintenance upcoming" */
export function describeTray(snapshot: StatusSnapshot, texts: Texts, now?: Date): string {
  const affected = snapshot.sources.flatMap((source) =>
    source.services.filter((service) => service.status !== 'operational').map((service) => service.name),
  );
  let head = overallLine(snapshot, texts, now);
  if (affected.length > 0 && snapshot.overall !== 'operational') {
    const named = affected
      .slice(0, MAX_NAMED_SERVICES)
      .map((name) => (name.length <= MAX_SERVICE_NAME ? name : `${name.slice(0, MAX_SERVICE_NAME - 1)}…`))
      .join(', ');
    const rest = affected.length - MAX_NAMED_SERVICES;
    head += ` - ${rest > 0 ? `${named} ${texts.andMore(rest)}` : named}`;
  }
  const parts = [head];
  const maintenances = snapshot.sources.flatMap((source) => source.maintenances);
  const inProgress = maintenances.filter((m) => m.status === 'in_progress').length;
  const upcoming = maintenances.filter((m) => m.status === 'scheduled').length;
  if (inProgress > 0) parts.push(texts.maintenancesInProgress(inProgress));
  if (upcoming > 0) parts.push(texts.maintenancesUpcoming(upcoming));
  if (snapshot.sources.some((source) => source.stale)) parts.push(texts.unreachable);
  // Names come from the status pages: no controls or bidi overrides in the tooltip.
  return truncateText(cleanRemoteLine(parts.join('; ')), MAX_TOOLTIP);
}

// Which change events deserve a desktop notification. Pure: settings, the time and the snooze
// state come in, a verdict per event comes out. The tray never goes through this: it always
// follows the snapshot, so a held-back notification never hides a colour change.
import type { ChangeEvent } from '../../common/model';
import type { Settings } from '../../common/settings';
import { serviceKey } from '../../common/watch';

export type Verdict = 'announce' | 'held' | 'filtered';

export interface PolicyContext {
  settings: Settings;
  now: Date;
  /** Notifications are held back until this time, or null. */
  snoozedUntil: Date | null;
  /**
   * Whether an event touches what the Gandi account uses; absent without an account report (then
   * "only what affects me" cannot judge, and everything is announced as usual).
   */
  affectsMe?: (event: ChangeEvent) => boolean;
  /** Services outside the part of their page the user watches, as serviceKey()s (common/watch.ts). */
  unwatched?: ReadonlySet<string>;
}

/** Service ids an event is about (empty for page-wide events). */
export function serviceIdsOf(event: ChangeEvent): string[] {
  switch (event.type) {
    case 'service.changed':
      return [event.serviceId];
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved':
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.reminder':
      return event.serviceIds;
    default:
      return [];
  }
}

/** The user's per-kind switch for this event; overall.changed is never announced (the tray shows it). */
function kindEnabled(event: ChangeEvent, notifications: Settings['notifications']): boolean {
  switch (event.type) {
    case 'incident.opened':
    case 'incident.resolved':
      return notifications.incidents;
    case 'incident.updated':
      return notifications.incidentUpdates;
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
      return notifications.maintenances;
    case 'maintenance.reminder':
      return notifications.reminders;
    case 'service.changed':
      return notifications.serviceChanges;
    case 'source.unreachable':
    case 'source.recovered':
      return notifications.sourceHealth;
    case 'overall.changed':
      return false;
  }
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Quiet hours in local time; a range whose end is before its start spans midnight. */
export function inQuietHours(quietHours: Settings['quietHours'], now: Date): boolean {
  if (!quietHours.enabled) return false;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  const current = now.getHours() * 60 + now.getMinutes();
  if (start === end) return false;
  return start < end ? current >= start && current < end : current >= start || current < end;
}

export function isSnoozed(snoozedUntil: Date | null, now: Date): boolean {
  return snoozedUntil !== null && now.getTime() < snoozedUntil.getTime();
}

export type SnoozeChoice = 'hour' | 'tomorrow';

/** When a snooze chosen now ends: in one hour, or tomorrow at 8:00 local time. */
/** Snoozes "until the morning" end at this hour, local time. */
export const MORNING_HOUR = 8;

export function snoozeEnd(choice: SnoozeChoice, now: Date): Date {
  if (choice === 'hour') return new Date(now.getTime() + 60 * 60 * 1000);
  // The next 8:00: someone snoozing at 00:30 means this morning, not the day after.
  const dayOffset = now.getHours() < MORNING_HOUR ? 0 : 1;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + dayOffset, MORNING_HOUR, 0, 0, 0);
}

/** True when the event is about a followed service: announced whatever the other filters say. */
export function isFollowed(event: ChangeEvent, followed: readonly string[]): boolean {
  return serviceIdsOf(event).some((id) => followed.includes(id));
}

/** Muted only when every service it touches is muted: an incident that also hits another service still counts. */
export function isMuted(event: ChangeEvent, muted: readonly string[]): boolean {
  const ids = serviceIdsOf(event);
  return ids.length > 0 && ids.every((id) => muted.includes(id));
}

export function judge(event: ChangeEvent, context: PolicyContext): Verdict {
  const { settings } = context;
  if (isFollowed(event, settings.followedServices)) return 'announce';
  if (!settings.notifications.enabled) return 'filtered';
  if (!kindEnabled(event, settings.notifications)) return 'filtered';
  if (isMuted(event, settings.mutedServices)) return 'filtered';
  // An incident that touches only unwatched (or muted) components is shown in the window, not announced.
  if (context.unwatched !== undefined && onlyUnwatched(event, settings.mutedServices, context.unwatched)) return 'filtered';
  if (settings.notifications.onlyAffectingMe && context.affectsMe !== undefined && !context.affectsMe(event)) return 'filtered';
  return paused(context) ? 'held' : 'announce';
}

function onlyUnwatched(event: ChangeEvent, muted: readonly string[], unwatched: ReadonlySet<string>): boolean {
  const ids = serviceIdsOf(event);
  return ids.length > 0 && ids.every((id) => muted.includes(id) || unwatched.has(serviceKey(event.sourceUrl, id)));
}

function paused({ settings, now, snoozedUntil }: PolicyContext): boolean {
  return isSnoozed(snoozedUntil, now) || inQuietHours(settings.quietHours, now);
}

/** New account findings: their own switch, the same snooze and quiet hours. */
export function judgeAccount(context: PolicyContext): Verdict {
  const { notifications } = context.settings;
  if (!notifications.enabled || !notifications.account) return 'filtered';
  return paused(context) ? 'held' : 'announce';
}

/** Page-wide news (the page unreachable, the overall level) concerns everyone. */
export function isPageWide(event: ChangeEvent): boolean {
  return event.type === 'source.unreachable' || event.type === 'source.recovered' || event.type === 'overall.changed';
}

export function eventsToAnnounce(events: readonly ChangeEvent[], context: PolicyContext): ChangeEvent[] {
  return events.filter((event) => judge(event, context) === 'announce');
}

/**
 * Followed services whose following ends with these events: the service is back to operational.
 * The change that brings it back is still announced (it is the news the user waited for).
 */
export function followsEndedBy(events: readonly ChangeEvent[], followed: readonly string[]): string[] {
  const ended = new Set<string>();
  for (const event of events) {
    if (event.type === 'service.changed' && event.to === 'operational' && followed.includes(event.serviceId)) {
      ended.add(event.serviceId);
    }
  }
  return [...ended];
}

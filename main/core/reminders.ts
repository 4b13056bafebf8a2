// Reminders are a matter of the clock, not of a new fetch: a scheduled maintenance whose start is
// within the window gets one reminder (its key carries the start time, so a reschedule reminds again).
import { maintenanceEvent } from './differ';
import type { MaintenanceEvent, SourceSnapshot } from '../../common/model';

export const DEFAULT_REMINDER_MINUTES = 60;

export function dueReminders(
  snapshot: SourceSnapshot,
  now: Date,
  minutesBefore: number = DEFAULT_REMINDER_MINUTES,
): MaintenanceEvent[] {
  // Without any good data there is nothing trustworthy to remind of.
  if (snapshot.fetchedAt === null) return [];
  const windowMs = minutesBefore * 60_000;
  const at = now.toISOString();
  const reminders: MaintenanceEvent[] = [];
  for (const maintenance of snapshot.maintenances) {
    if (maintenance.status !== 'scheduled' || maintenance.scheduledFor === null) continue;
    const startsInMs = Date.parse(maintenance.scheduledFor) - now.getTime();
    if (Number.isNaN(startsInMs)) continue;
    if (startsInMs > 0 && startsInMs <= windowMs) {
      reminders.push(maintenanceEvent('maintenance.reminder', snapshot, maintenance, at));
    }
  }
  return reminders;
}

// Which of the account's uses a status event touches, from the impact of the current picture on
// the account (common/account-impact.ts): for the "Yours: ..." line of a notification and for
// "announce only what affects me".
import type { AccountImpact, Touch } from '../../common/account-impact';
import type { ChangeEvent } from '../../common/model';
import { serviceIdsOf } from './notification-policy';
import { targetOf } from './notification-text';

export function touchesOfEvent(event: ChangeEvent, impact: AccountImpact): readonly Touch[] {
  if (event.type === 'service.changed') {
    return impact.services.find((service) => service.sourceUrl === event.sourceUrl && service.serviceId === event.serviceId)?.touches ?? [];
  }
  // The incident or maintenance an event is about: the one a click on its notice opens.
  const target = targetOf(event);
  if (target.kind !== 'incident' && target.kind !== 'maintenance') return [];
  const items = target.kind === 'incident' ? impact.incidents : impact.maintenances;
  return items.find((item) => item.sourceUrl === target.sourceUrl && item.id === target.id)?.touches ?? [];
}

/**
 * "Does it affect me?" for "announce only what affects me": true unless the app can tell it does
 * not. It cannot on another company's page, for an event that names no component (the whole page),
 * or while part of the account's use is unknown (a check not permitted or failed).
 */
export function affectsAccount(event: ChangeEvent, impact: AccountImpact, gandiPages: ReadonlySet<string>, usageComplete: boolean): boolean {
  if (touchesOfEvent(event, impact).length > 0) return true;
  if (!gandiPages.has(event.sourceUrl)) return true;
  if (serviceIdsOf(event).length === 0) return true;
  return !usageComplete;
}

// Which of the account's uses a status event touches, from the impact of the current picture on
// the account (common/account-impact.ts): for the "Yours: ..." line of a notification and for
// "announce only what affects me".
import type { AccountImpact, Touch } from '../../common/account-impact';
import type { ChangeEvent } from '../../common/model';

export function touchesOfEvent(event: ChangeEvent, impact: AccountImpact): readonly Touch[] {
  switch (event.type) {
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved':
      return impact.incidents.find((item) => item.sourceUrl === event.sourceUrl && item.id === event.incidentId)?.touches ?? [];
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.reminder':
      return impact.maintenances.find((item) => item.sourceUrl === event.sourceUrl && item.id === event.maintenanceId)?.touches ?? [];
    case 'service.changed':
      return impact.services.find((service) => service.sourceUrl === event.sourceUrl && service.serviceId === event.serviceId)?.touches ?? [];
    default:
      return [];
  }
}

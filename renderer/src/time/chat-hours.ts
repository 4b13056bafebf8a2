// Gandi's chat is staffed from 7:00 to 1:00 (the next day), Paris time. Each "chat day" is the
// Paris date D, open from D 07:00 to D+1 01:00 Paris time; it is shown in the user's own zone.
import { instantOf, wallTimeAt } from './zones';

export const CHAT_TIME_ZONE = 'Europe/Paris';
export const CHAT_OPENS_AT = { hour: 7, minute: 0 } as const;
export const CHAT_CLOSES_AT = { hour: 1, minute: 0 } as const; // the next day

export interface ChatHours {
  open: boolean;
  /** Start and end of the current chat day, or of the next one when closed. */
  opensAt: number;
  closesAt: number;
  /** When it next opens (if closed) or closes (if open). */
  nextChangeAt: number;
}

export function chatHoursAt(nowMs: number): ChatHours {
  const paris = wallTimeAt(nowMs, CHAT_TIME_ZONE);
  // Between midnight and 1:00 Paris time, the chat day that is running began yesterday.
  const minutesIntoDay = paris.hour * 60 + paris.minute;
  const dayOffset = minutesIntoDay < CHAT_CLOSES_AT.hour * 60 + CHAT_CLOSES_AT.minute ? -1 : 0;
  const opensAt = instantOf(
    { year: paris.year, month: paris.month, day: paris.day + dayOffset, ...CHAT_OPENS_AT },
    CHAT_TIME_ZONE,
  );
  const closesAt = instantOf(
    { year: paris.year, month: paris.month, day: paris.day + dayOffset + 1, ...CHAT_CLOSES_AT },
    CHAT_TIME_ZONE,
  );
  const open = nowMs >= opensAt && nowMs < closesAt;
  return { open, opensAt, closesAt, nextChangeAt: open ? closesAt : opensAt };
}

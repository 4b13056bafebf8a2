// Durations, relative times and local date/time display. Pure: the caller passes "now".
import type { Language } from '../i18n/messages';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: Record<Language, { s: string; min: string; h: string; d: string }> = {
  en: { s: 's', min: 'min', h: 'h', d: 'd' },
  fr: { s: 's', min: 'min', h: 'h', d: 'j' },
};

/** A length of time in at most two units: "40 s", "5 min", "2 h", "1 h 30 min", "3 d 4 h". */
export function formatDuration(ms: number, lang: Language): string {
  const u = UNITS[lang];
  const abs = Math.max(0, Math.abs(ms));
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} ${u.s}`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} ${u.min}`;
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} ${u.h}` : `${hours} ${u.h} ${minutes} ${u.min}`;
  }
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  return hours === 0 ? `${days} ${u.d}` : `${days} ${u.d} ${hours} ${u.h}`;
}

/** "40 s ago" / "in 3 h" (en), "il y a 40 s" / "dans 3 h" (fr). Under 5 s reads "just now". */
export function formatRelative(atMs: number, nowMs: number, lang: Language): string {
  const delta = atMs - nowMs;
  if (Math.abs(delta) < 5 * SECOND) return lang === 'fr' ? "à l'instant" : 'just now';
  const amount = formatDuration(delta, lang);
  if (delta > 0) return lang === 'fr' ? `dans ${amount}` : `in ${amount}`;
  return lang === 'fr' ? `il y a ${amount}` : `${amount} ago`;
}

/** Parses an ISO time; null when absent or unreadable (never "now" by accident). */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

export interface DisplayZone {
  /** BCP 47 tag used for date and time formatting. */
  locale: string;
  /** IANA time zone; undefined means the system's own. */
  timeZone?: string;
}

/** Local date and time, e.g. "Wed 22 Jan, 06:00" — the year only when it is not the current one. */
export function formatDateTime(ms: number, zone: DisplayZone, nowMs: number): string {
  const sameYear = yearIn(ms, zone) === yearIn(nowMs, zone);
  return new Intl.DateTimeFormat(zone.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone.timeZone,
  }).format(ms);
}

/** Clock time only, "06:00". */
export function formatClock(ms: number, zone: DisplayZone): string {
  return new Intl.DateTimeFormat(zone.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone.timeZone,
  }).format(ms);
}

function yearIn(ms: number, zone: DisplayZone): string {
  return new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone.timeZone }).format(ms);
}

/** Whether two instants fall on the same calendar day in the display zone. */
export function sameLocalDay(a: number, b: number, zone: DisplayZone): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone.timeZone });
  return day.format(a) === day.format(b);
}

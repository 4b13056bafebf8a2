import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelative, parseTime, sameLocalDay } from '../../../renderer/src/time/format';

const NOW = Date.parse('2026-01-22T02:00:00Z');
const H = 3_600_000;

describe('relative times', () => {
  it.each([
    [NOW - 40_000, 'en', '40 s ago'],
    [NOW - 2_000, 'en', 'just now'],
    [NOW - 5 * 60_000, 'en', '5 min ago'],
    [NOW + 3 * H, 'en', 'in 3 h'],
    [NOW + 2.5 * H, 'en', 'in 2 h 30 min'],
    [NOW - 50 * H, 'en', '2 d 2 h ago'],
    [NOW - 40_000, 'fr', 'il y a 40 s'],
    [NOW + 3 * H, 'fr', 'dans 3 h'],
    [NOW - 2_000, 'fr', "à l'instant"],
    [NOW + 26 * H, 'fr', 'dans 1 j 2 h'],
  ] as const)('%s in %s reads "%s"', (at, lang, expected) => {
    expect(formatRelative(at, NOW, lang)).toBe(expected);
  });

  it('formats durations for "for 2 h"', () => {
    expect(formatDuration(2 * H, 'en')).toBe('2 h');
    expect(formatDuration(30 * 60_000, 'fr')).toBe('30 min');
  });
});

describe('dates', () => {
  it('shows local time in the given zone, with the year only when it differs', () => {
    const zone = { locale: 'en-GB', timeZone: 'Europe/Paris' };
    expect(formatDateTime(Date.parse('2026-01-22T05:00:00Z'), zone, NOW)).toBe('Thu 22 Jan, 06:00');
    expect(formatDateTime(Date.parse('2020-01-22T05:00:00Z'), zone, NOW)).toContain('2020');
  });

  it('refuses unreadable times instead of inventing one', () => {
    expect(parseTime('not a date')).toBeNull();
    expect(parseTime(null)).toBeNull();
  });

  it('compares calendar days in the display zone', () => {
    const tokyo = { locale: 'en-GB', timeZone: 'Asia/Tokyo' };
    expect(sameLocalDay(Date.parse('2026-01-22T10:00:00Z'), Date.parse('2026-01-22T16:00:00Z'), tokyo)).toBe(false);
  });
});

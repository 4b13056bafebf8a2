import { describe, expect, it } from 'vitest';
import { chatHoursAt } from '../../../renderer/src/time/chat-hours';
import { formatClock } from '../../../renderer/src/time/format';
import { instantOf, zoneOffsetAt } from '../../../renderer/src/time/zones';

const clock = (ms: number, timeZone: string) => formatClock(ms, { locale: 'en-GB', timeZone });
const hoursIn = (iso: string, timeZone: string) => {
  const hours = chatHoursAt(Date.parse(iso));
  return { open: hours.open, start: clock(hours.opensAt, timeZone), end: clock(hours.closesAt, timeZone) };
};

describe('zone arithmetic', () => {
  it('knows Paris offsets on both sides of the 2026 changes', () => {
    expect(zoneOffsetAt(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(zoneOffsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(zoneOffsetAt(Date.parse('2026-10-25T00:59:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(zoneOffsetAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
  });

  it('turns Paris wall times into instants, normalising day overflow', () => {
    expect(new Date(instantOf({ year: 2026, month: 3, day: 29, hour: 7, minute: 0 }, 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
    expect(new Date(instantOf({ year: 2026, month: 10, day: 32, hour: 1, minute: 0 }, 'Europe/Paris')).toISOString()).toBe(
      '2026-11-01T00:00:00.000Z', // 1 November 01:00 CET
    );
  });
});

describe('chat hours 7:00-1:00 Paris time', () => {
  it('is open in the Paris evening and closed in the small hours', () => {
    expect(chatHoursAt(Date.parse('2026-06-10T20:00:00Z')).open).toBe(true); // 22:00 Paris
    expect(chatHoursAt(Date.parse('2026-06-10T22:30:00Z')).open).toBe(true); // 00:30 Paris, yesterday's chat day
    expect(chatHoursAt(Date.parse('2026-06-10T23:00:00Z')).open).toBe(false); // 01:00 Paris
    expect(chatHoursAt(Date.parse('2026-06-11T04:59:00Z')).open).toBe(false); // 06:59 Paris
    expect(chatHoursAt(Date.parse('2026-06-11T05:00:00Z')).open).toBe(true); // 07:00 Paris
  });

  it('says when it next opens or closes', () => {
    const closed = chatHoursAt(Date.parse('2026-06-11T02:00:00Z'));
    expect(new Date(closed.nextChangeAt).toISOString()).toBe('2026-06-11T05:00:00.000Z');
    const open = chatHoursAt(Date.parse('2026-06-11T12:00:00Z'));
    expect(new Date(open.nextChangeAt).toISOString()).toBe('2026-06-11T23:00:00.000Z');
  });

  it('follows the spring change of 2026-03-29 for a user in New York (US already on summer time)', () => {
    // 28 March: Paris CET (+1), New York EDT (-4): five hours apart.
    expect(hoursIn('2026-03-28T12:00:00Z', 'America/New_York')).toEqual({ open: true, start: '02:00', end: '20:00' });
    // 29 March: Paris switches at 02:00 to CEST (+2): six hours apart.
    expect(hoursIn('2026-03-29T12:00:00Z', 'America/New_York')).toEqual({ open: true, start: '01:00', end: '19:00' });
  });

  it('follows the spring change for a user in Tokyo (no DST there)', () => {
    expect(hoursIn('2026-03-28T12:00:00Z', 'Asia/Tokyo')).toEqual({ open: true, start: '15:00', end: '09:00' });
    expect(hoursIn('2026-03-29T12:00:00Z', 'Asia/Tokyo')).toEqual({ open: true, start: '14:00', end: '08:00' });
  });

  it('follows the autumn change of 2026-10-25 (New York still on summer time until 1 November)', () => {
    expect(hoursIn('2026-10-24T12:00:00Z', 'America/New_York')).toEqual({ open: true, start: '01:00', end: '19:00' });
    expect(hoursIn('2026-10-25T12:00:00Z', 'America/New_York')).toEqual({ open: true, start: '02:00', end: '20:00' });
    expect(hoursIn('2026-10-24T12:00:00Z', 'Asia/Tokyo')).toEqual({ open: true, start: '14:00', end: '08:00' });
    expect(hoursIn('2026-10-25T12:00:00Z', 'Asia/Tokyo')).toEqual({ open: true, start: '15:00', end: '09:00' });
  });

  it('keeps the chat day that spans the change night right (opened CEST, closes CET)', () => {
    // 24 Oct 07:00 CEST = 05:00Z; closes 25 Oct 01:00 CEST = 24 Oct 23:00Z (before the 03:00 -> 02:00 change).
    const hours = chatHoursAt(Date.parse('2026-10-24T22:30:00Z'));
    expect(hours.open).toBe(true);
    expect(new Date(hours.closesAt).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    // During the repeated hour of 25 Oct (02:30 Paris twice) the chat is closed.
    expect(chatHoursAt(Date.parse('2026-10-25T00:30:00Z')).open).toBe(false);
    expect(chatHoursAt(Date.parse('2026-10-25T01:30:00Z')).open).toBe(false);
    expect(new Date(chatHoursAt(Date.parse('2026-10-25T01:30:00Z')).opensAt).toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './dates';

const now = new Date('2026-12-03T12:00:00Z');
const at = '2026-12-08T07:05:00Z';

describe('one date style', () => {
  it.each([
    ['en-GB', {}, '8 Dec'],
    ['en-GB', { weekday: true }, 'Tue 8 Dec'],
    ['en-GB', { weekday: true, time: true }, 'Tue 8 Dec, 07:05'],
    ['en-US', {}, 'Dec 8'],
    ['en-US', { weekday: true }, 'Tue Dec 8'],
    ['en-US', { time: true }, 'Dec 8, 07:05 AM'],
    ['de-DE', { weekday: true }, 'Di. 8. Dez.'],
  ] as const)('%s %o → %s', (locale, style, text) => {
    expect(formatDate(at, { ...style, locale, now, timeZone: 'UTC' })).toBe(text);
  });

  it('shows the year only when it is not this year’s', () => {
    expect(formatDate('2025-11-30T10:00:00Z', { locale: 'en-GB', now, timeZone: 'UTC' })).toBe('30 Nov 2025');
    expect(formatDate('2027-01-02T10:00:00Z', { locale: 'en-GB', now, timeZone: 'UTC' })).toBe('2 Jan 2027');
    expect(formatDate(at, { locale: 'en-GB', now, timeZone: 'UTC', year: 'always' })).toBe('8 Dec 2026');
  });

  it('reads the day in the zone given', () => {
    expect(formatDate('2026-12-08T23:30:00Z', { locale: 'en-GB', now, timeZone: 'Asia/Tokyo' })).toBe('9 Dec');
    expect(formatTime('2026-12-08T23:30:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('08:30');
  });

  it('says nothing wrong for a missing or broken date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('uses the default language when none is named (tests fix British English)', () => {
    expect(formatDate(at, { now, timeZone: 'UTC' })).toBe('8 Dec');
  });
});

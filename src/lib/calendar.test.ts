import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, isCalendarDay, isoWeekday, weekStart } from './calendar';

describe('dayIn', () => {
  it.each([
    // instant (UTC), zone, the client's day
    ['2026-01-31T23:30:00Z', 'UTC', '2026-01-31'],
    ['2026-01-31T23:30:00Z', 'Pacific/Auckland', '2026-02-01'],
    ['2026-03-01T03:00:00Z', 'America/Los_Angeles', '2026-02-28'],
    ['2028-03-01T03:00:00Z', 'America/Los_Angeles', '2028-02-29'],
    ['2026-12-31T23:59:59Z', 'Europe/Berlin', '2027-01-01'],
    ['2026-03-29T00:30:00Z', 'Europe/London', '2026-03-29'],
    ['2026-06-15T12:00:00Z', 'Not/AZone', '2026-06-15'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(dayIn(new Date(instant), zone)).toBe(day);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    // across the EU and US daylight-saving changes: still whole days
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-11-01', 1, '2026-11-02'],
  ])('%s + %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it.each([
    ['2026-11-30', 1, '2026-11-30'],
    ['2026-12-06', 7, '2026-11-30'],
    ['2027-01-01', 5, '2026-12-28'],
    ['2026-03-01', 7, '2026-02-23'],
  ])('%s: weekday %i, week starts %s', (day, weekday, monday) => {
    expect(isoWeekday(day)).toBe(weekday);
    expect(weekStart(day)).toBe(monday);
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-04-30', true],
  ])('%s is a calendar day: %s', (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
  });
});

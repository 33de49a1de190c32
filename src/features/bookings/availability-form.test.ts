import { describe, expect, it } from 'vitest';
import { describeWindow, exceptionFormModel, fieldErrors, overlappingWindow, timeZoneChoices, windowFormModel } from './availability-form';

const window = {
  dayOfWeek: '1',
  startTime: '07:00',
  endTime: '12:00',
  timezone: 'Europe/London',
  sessionMinutes: '60',
  breakMinutes: '15',
};

describe('windowFormModel', () => {
  it('parses a good window (numbers from form text)', () => {
    expect(windowFormModel.parse(window)).toEqual({
      dayOfWeek: 1,
      startTime: '07:00',
      endTime: '12:00',
      timezone: 'Europe/London',
      sessionMinutes: 60,
      breakMinutes: 15,
    });
  });
  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['end before start', { endTime: '06:00' }, 'endTime', 'The end must be after the start'],
    ['session longer than the window', { endTime: '07:30' }, 'sessionMinutes', 'One session does not fit in this window'],
    ['too short a session', { sessionMinutes: '4' }, 'sessionMinutes', 'At least 5 minutes'],
    ['negative break', { breakMinutes: '-5' }, 'breakMinutes', 'Cannot be negative'],
    ['not a time', { startTime: '7am' }, 'startTime', 'Use a time like 09:00'],
    ['unknown zone', { timezone: 'Europe/Londn' }, 'timezone', 'Not a known time zone (e.g. Europe/London)'],
  ];
  it.each(bad)('refuses %s', (_name, change, field, message) => {
    const result = windowFormModel.safeParse({ ...window, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)[field]).toBe(message);
  });
  it('allows a window to the end of the day', () => {
    expect(windowFormModel.safeParse({ ...window, startTime: '20:00', endTime: '24:00' }).success).toBe(true);
  });
});

describe('exceptionFormModel', () => {
  const day = { date: '2026-12-24', wholeDay: true, startTime: null, endTime: null, timezone: 'UTC', reason: 'Holiday' };
  it('accepts a whole day off', () => expect(exceptionFormModel.safeParse(day).success).toBe(true));
  it('accepts part of a day', () =>
    expect(exceptionFormModel.safeParse({ ...day, wholeDay: false, startTime: '09:00', endTime: '10:00' }).success).toBe(true));
  it('refuses part of a day without times', () => {
    const result = exceptionFormModel.safeParse({ ...day, wholeDay: false });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error).endTime).toBe('The end must be after the start');
  });
  it('refuses a missing date', () => expect(exceptionFormModel.safeParse({ ...day, date: '' }).success).toBe(false));
});

describe('describeWindow', () => {
  it('reads like a sentence', () => {
    expect(
      describeWindow({
        day_of_week: 1,
        start_time: '07:00:00',
        end_time: '12:00:00',
        session_minutes: 60,
        break_minutes: 15,
        timezone: 'Europe/London',
      }),
    ).toBe('Monday 07:00–12:00, 60-min sessions, 15-min breaks (Europe/London)');
    expect(
      describeWindow({
        day_of_week: 6,
        start_time: '09:00:00',
        end_time: '12:00:00',
        session_minutes: 45,
        break_minutes: 0,
        timezone: 'UTC',
      }),
    ).toBe('Saturday 09:00–12:00, 45-min sessions (UTC)');
  });
});

describe('overlapping windows', () => {
  const windows = [{ day_of_week: 1, start_time: '09:00:00', end_time: '12:00:00', timezone: 'Europe/London' }];
  const form = (startTime: string, endTime: string, dayOfWeek = 1, timezone = 'Europe/London') => ({ dayOfWeek, startTime, endTime, timezone });

  it('finds the window a new one overlaps', () => {
    expect(overlappingWindow(form('11:00', '13:00'), windows)).toBe(windows[0]);
    expect(overlappingWindow(form('08:00', '24:00'), windows)).toBe(windows[0]);
  });

  it('lets touching hours, other days and other zones be', () => {
    expect(overlappingWindow(form('12:00', '14:00'), windows)).toBeNull();
    expect(overlappingWindow(form('07:00', '09:00'), windows)).toBeNull();
    expect(overlappingWindow(form('10:00', '11:00', 2), windows)).toBeNull();
    expect(overlappingWindow(form('10:00', '11:00', 1, 'UTC'), windows)).toBeNull();
  });
});

describe('time zone choices', () => {
  it('lists the known zones with UTC, and keeps a zone the device does not list', () => {
    expect(timeZoneChoices('Europe/London')).toContain('America/New_York');
    expect(timeZoneChoices('Europe/London')).toContain('UTC');
    expect(timeZoneChoices('Etc/GMT-3')[0]).toBe('Etc/GMT-3');
  });
});

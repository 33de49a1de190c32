import { describe, expect, it } from 'vitest';
import {
  availabilitySlots,
  bookableSlots,
  wallClockExists,
  wallClockToInstantMs,
  type AvailabilityException,
  type AvailabilityWindow,
  type TimeRange,
} from './slots';

const window = (w: Partial<AvailabilityWindow> & Pick<AvailabilityWindow, 'dayOfWeek' | 'startTime' | 'endTime'>): AvailabilityWindow => ({
  timezone: 'UTC',
  sessionMinutes: 60,
  breakMinutes: 0,
  ...w,
});
const starts = (slots: TimeRange[]): string[] => slots.map((s) => s.startsAt.toISOString().replace(':00.000Z', 'Z'));
const wall = (iso: string): number => Date.parse(`${iso}Z`);

describe('wallClockToInstantMs (Postgres `at time zone`)', () => {
  it.each([
    { name: 'winter London', local: '2027-01-10T09:00:00', tz: 'Europe/London', instant: '2027-01-10T09:00:00.000Z' },
    { name: 'summer London', local: '2027-07-10T09:00:00', tz: 'Europe/London', instant: '2027-07-10T08:00:00.000Z' },
    {
      name: 'skipped hour: the offset from before',
      local: '2027-03-28T01:30:00',
      tz: 'Europe/London',
      instant: '2027-03-28T01:30:00.000Z',
    },
    { name: 'repeated hour: the later instant', local: '2027-10-31T01:30:00', tz: 'Europe/London', instant: '2027-10-31T01:30:00.000Z' },
    { name: 'New York skipped hour', local: '2027-03-14T02:30:00', tz: 'America/New_York', instant: '2027-03-14T07:30:00.000Z' },
    { name: 'New York repeated hour', local: '2027-11-07T01:30:00', tz: 'America/New_York', instant: '2027-11-07T06:30:00.000Z' },
    { name: 'Sydney (southern summer)', local: '2027-01-10T09:00:00', tz: 'Australia/Sydney', instant: '2027-01-09T22:00:00.000Z' },
    { name: 'Kolkata half-hour offset', local: '2027-01-10T09:00:00', tz: 'Asia/Kolkata', instant: '2027-01-10T03:30:00.000Z' },
  ])('$name', ({ local, tz, instant }) => {
    expect(new Date(wallClockToInstantMs(wall(local), tz)).toISOString()).toBe(instant);
  });

  it('knows which local times do not exist', () => {
    expect(wallClockExists(wall('2027-03-28T01:30:00'), 'Europe/London')).toBe(false);
    expect(wallClockExists(wall('2027-03-28T02:00:00'), 'Europe/London')).toBe(true);
    expect(wallClockExists(wall('2027-10-31T01:30:00'), 'Europe/London')).toBe(true);
  });
});

describe('availabilitySlots', () => {
  it.each<{
    name: string;
    windows: AvailabilityWindow[];
    exceptions?: AvailabilityException[];
    from: string;
    to?: string;
    expected: string[];
  }>([
    {
      name: 'sessions with breaks that fit the window',
      windows: [window({ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', breakMinutes: 15 })],
      from: '2027-01-11',
      expected: ['2027-01-11T09:00Z', '2027-01-11T10:15Z'],
    },
    {
      name: 'a window shorter than a session has none',
      windows: [window({ dayOfWeek: 1, startTime: '09:00', endTime: '09:45' })],
      from: '2027-01-11',
      expected: [],
    },
    {
      name: 'only on its weekday, within its effective dates',
      windows: [window({ dayOfWeek: 1, startTime: '09:00', endTime: '10:00', effectiveFrom: '2027-01-12', effectiveUntil: '2027-01-25' })],
      from: '2027-01-10',
      to: '2027-02-01',
      expected: ['2027-01-18T09:00Z', '2027-01-25T09:00Z'],
    },
    {
      name: 'London, the Sunday before the spring change',
      windows: [window({ dayOfWeek: 0, startTime: '09:00', endTime: '12:00', timezone: 'Europe/London' })],
      from: '2027-03-21',
      expected: ['2027-03-21T09:00Z', '2027-03-21T10:00Z', '2027-03-21T11:00Z'],
    },
    {
      name: 'London, spring change day: 09:00 local is 08:00 UTC',
      windows: [window({ dayOfWeek: 0, startTime: '09:00', endTime: '12:00', timezone: 'Europe/London' })],
      from: '2027-03-28',
      expected: ['2027-03-28T08:00Z', '2027-03-28T09:00Z', '2027-03-28T10:00Z'],
    },
    {
      name: 'London, spring change night: 01:00 local does not exist',
      windows: [window({ dayOfWeek: 0, startTime: '00:00', endTime: '04:00', timezone: 'Europe/London' })],
      from: '2027-03-28',
      expected: ['2027-03-28T00:00Z', '2027-03-28T01:00Z', '2027-03-28T02:00Z'],
    },
    {
      name: 'London, spring change night: a session would run past the local end',
      windows: [window({ dayOfWeek: 0, startTime: '00:30', endTime: '02:00', timezone: 'Europe/London' })],
      from: '2027-03-21',
      to: '2027-03-28',
      expected: ['2027-03-21T00:30Z'],
    },
    {
      name: 'London, autumn change night: 01:00 local once, at the later instant',
      windows: [window({ dayOfWeek: 0, startTime: '00:00', endTime: '04:00', timezone: 'Europe/London' })],
      from: '2027-10-31',
      expected: ['2027-10-30T23:00Z', '2027-10-31T01:00Z', '2027-10-31T02:00Z', '2027-10-31T03:00Z'],
    },
    {
      name: 'London, autumn change day: 09:00 local is 09:00 UTC again',
      windows: [window({ dayOfWeek: 0, startTime: '09:00', endTime: '10:00', timezone: 'Europe/London' })],
      from: '2027-10-24',
      to: '2027-10-31',
      expected: ['2027-10-24T08:00Z', '2027-10-31T09:00Z'],
    },
    {
      name: 'New York, spring change night',
      windows: [window({ dayOfWeek: 0, startTime: '01:00', endTime: '04:00', timezone: 'America/New_York' })],
      from: '2027-03-14',
      expected: ['2027-03-14T06:00Z', '2027-03-14T07:00Z'],
    },
    {
      name: 'a whole day off',
      windows: [window({ dayOfWeek: 1, startTime: '09:00', endTime: '11:00' })],
      exceptions: [{ exceptionDate: '2027-01-11', startTime: null, endTime: null, timezone: 'UTC' }],
      from: '2027-01-11',
      to: '2027-01-18',
      expected: ['2027-01-18T09:00Z', '2027-01-18T10:00Z'],
    },
    {
      name: 'part of a day off removes every slot it touches',
      windows: [window({ dayOfWeek: 1, startTime: '09:00', endTime: '13:00' })],
      exceptions: [{ exceptionDate: '2027-01-11', startTime: '10:30', endTime: '11:00', timezone: 'UTC' }],
      from: '2027-01-11',
      expected: ['2027-01-11T09:00Z', '2027-01-11T11:00Z', '2027-01-11T12:00Z'],
    },
    {
      name: 'a day off in the exception’s own time zone',
      windows: [window({ dayOfWeek: 1, startTime: '00:00', endTime: '03:00' })],
      exceptions: [{ exceptionDate: '2027-01-11', startTime: null, endTime: null, timezone: 'Asia/Tokyo' }],
      from: '2027-01-11',
      expected: [],
    },
  ])('$name', ({ windows, exceptions, from, to, expected }) => {
    expect(starts(availabilitySlots(windows, exceptions ?? [], from, to ?? from))).toEqual(expected);
  });

  it('gives sessions of real length across a change', () => {
    const slots = availabilitySlots(
      [window({ dayOfWeek: 0, startTime: '00:00', endTime: '04:00', timezone: 'Europe/London', sessionMinutes: 45 })],
      [],
      '2027-10-31',
      '2027-10-31',
    );
    for (const s of slots) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(45 * 60_000);
  });
});

describe('bookableSlots', () => {
  const windows = [window({ dayOfWeek: 1, startTime: '09:00', endTime: '13:00' })];

  it.each([
    {
      name: 'all free',
      booked: [],
      now: '2027-01-01T00:00:00Z',
      expected: ['2027-01-11T09:00Z', '2027-01-11T10:00Z', '2027-01-11T11:00Z', '2027-01-11T12:00Z'],
    },
    {
      name: 'minus the past and what has started',
      booked: [],
      now: '2027-01-11T10:00:00Z',
      expected: ['2027-01-11T11:00Z', '2027-01-11T12:00Z'],
    },
    {
      name: 'minus every slot a booking overlaps',
      booked: [{ startsAt: new Date('2027-01-11T10:30:00Z'), endsAt: new Date('2027-01-11T11:30:00Z') }],
      now: '2027-01-01T00:00:00Z',
      expected: ['2027-01-11T09:00Z', '2027-01-11T12:00Z'],
    },
    {
      name: 'a booking that only touches a slot leaves it free',
      booked: [{ startsAt: new Date('2027-01-11T08:00:00Z'), endsAt: new Date('2027-01-11T09:00:00Z') }],
      now: '2027-01-01T00:00:00Z',
      expected: ['2027-01-11T09:00Z', '2027-01-11T10:00Z', '2027-01-11T11:00Z', '2027-01-11T12:00Z'],
    },
  ])('$name', ({ booked, now, expected }) => {
    expect(starts(bookableSlots({ windows, exceptions: [], booked, from: '2027-01-11', to: '2027-01-11', now: new Date(now) }))).toEqual(
      expected,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { dayIn } from '@/lib/calendar';
import { dailyStreak, habitStreak, weeklyStreak, weekStrip } from './streaks';

const ticks = (...days: string[]) => days.map((log_date) => ({ log_date, done: true }));

describe('daily streaks', () => {
  it.each([
    { name: 'nothing logged', logs: [], today: '2026-03-01', current: 0, best: 0, doneToday: false },
    { name: 'today only', logs: ticks('2026-03-01'), today: '2026-03-01', current: 1, best: 1, doneToday: true },
    {
      name: 'yesterday keeps the streak alive until today ends',
      logs: ticks('2026-02-27', '2026-02-28'),
      today: '2026-03-01',
      current: 2,
      best: 2,
      doneToday: false,
    },
    {
      name: 'a whole missed day breaks it',
      logs: ticks('2026-02-26', '2026-02-27'),
      today: '2026-03-01',
      current: 0,
      best: 2,
      doneToday: false,
    },
    {
      name: 'across February into March (non-leap year)',
      logs: ticks('2026-02-27', '2026-02-28', '2026-03-01'),
      today: '2026-03-01',
      current: 3,
      best: 3,
      doneToday: true,
    },
    {
      name: 'across a leap day',
      logs: ticks('2028-02-28', '2028-02-29', '2028-03-01'),
      today: '2028-03-01',
      current: 3,
      best: 3,
      doneToday: true,
    },
    {
      name: 'a missing leap day breaks it',
      logs: ticks('2028-02-28', '2028-03-01'),
      today: '2028-03-01',
      current: 1,
      best: 1,
      doneToday: true,
    },
    {
      name: 'across a month end (30 days)',
      logs: ticks('2026-04-29', '2026-04-30', '2026-05-01'),
      today: '2026-05-02',
      current: 3,
      best: 3,
      doneToday: false,
    },
    {
      name: 'across the year end',
      logs: ticks('2026-12-30', '2026-12-31', '2027-01-01'),
      today: '2027-01-01',
      current: 3,
      best: 3,
      doneToday: true,
    },
    {
      name: 'best is an older, longer run',
      logs: ticks('2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-10', '2026-01-11'),
      today: '2026-01-11',
      current: 2,
      best: 4,
      doneToday: true,
    },
    {
      name: 'duplicate ticks of one day count once',
      logs: ticks('2026-01-01', '2026-01-01', '2026-01-02'),
      today: '2026-01-02',
      current: 2,
      best: 2,
      doneToday: true,
    },
    {
      name: 'undone logs do not count',
      logs: [...ticks('2026-01-01'), { log_date: '2026-01-02', done: false }],
      today: '2026-01-02',
      current: 1,
      best: 1,
      doneToday: false,
    },
    {
      name: 'ticks after today (a wrong clock) are ignored',
      logs: ticks('2026-01-01', '2026-01-05'),
      today: '2026-01-01',
      current: 1,
      best: 1,
      doneToday: true,
    },
    {
      name: 'unordered input',
      logs: ticks('2026-01-03', '2026-01-01', '2026-01-02'),
      today: '2026-01-03',
      current: 3,
      best: 3,
      doneToday: true,
    },
  ])('$name', ({ logs, today, current, best, doneToday }) => {
    expect(dailyStreak(logs, today)).toEqual({ current, best, unit: 'day', doneToday });
  });

  it.each([
    // The same instant is a different day in different zones: the tick at 23:30 UTC on 31
    // January is 1 February in Auckland, so it continues an Auckland streak ending 31 January.
    { zone: 'Pacific/Auckland', instant: '2026-01-31T23:30:00Z', logs: ticks('2026-01-30', '2026-01-31'), current: 2, doneToday: false },
    { zone: 'UTC', instant: '2026-01-31T23:30:00Z', logs: ticks('2026-01-30', '2026-01-31'), current: 2, doneToday: true },
    { zone: 'America/Los_Angeles', instant: '2026-02-01T05:00:00Z', logs: ticks('2026-01-30', '2026-01-31'), current: 2, doneToday: true },
    // Los Angeles springs forward at 2 a.m. on 8 March 2026: that 23-hour day is still one day.
    { zone: 'America/Los_Angeles', instant: '2026-03-09T07:30:00Z', logs: ticks('2026-03-07', '2026-03-08'), current: 2, doneToday: false },
    { zone: 'Pacific/Auckland', instant: '2026-02-02T12:00:00Z', logs: ticks('2026-01-30', '2026-01-31'), current: 0, doneToday: false },
  ])('in $zone at $instant the current streak is $current', ({ zone, instant, logs, current, doneToday }) => {
    const streak = dailyStreak(logs, dayIn(new Date(instant), zone));
    expect(streak.current).toBe(current);
    expect(streak.doneToday).toBe(doneToday);
  });
});

describe('weekly streaks', () => {
  it.each([
    {
      name: 'target met this week',
      logs: ticks('2026-11-30', '2026-12-02', '2026-12-04'),
      today: '2026-12-04',
      target: 3,
      current: 1,
      best: 1,
      doneToday: true,
    },
    {
      name: 'this week in progress does not break last week',
      logs: ticks('2026-11-23', '2026-11-25', '2026-11-27', '2026-12-01'),
      today: '2026-12-01',
      target: 3,
      current: 1,
      best: 1,
      doneToday: false,
    },
    {
      name: 'weeks across a month and year end',
      logs: ticks('2026-12-21', '2026-12-22', '2026-12-29', '2026-12-31', '2027-01-05', '2027-01-06'),
      today: '2027-01-06',
      target: 2,
      current: 3,
      best: 3,
      doneToday: true,
    },
    {
      name: 'a failed week breaks it',
      logs: ticks('2026-11-16', '2026-11-17', '2026-11-24', '2026-12-01', '2026-12-02'),
      today: '2026-12-02',
      target: 2,
      current: 1,
      best: 1,
      doneToday: true,
    },
    {
      name: 'a week with no ticks two weeks ago ends it',
      logs: ticks('2026-11-09', '2026-11-10'),
      today: '2026-12-02',
      target: 2,
      current: 0,
      best: 1,
      doneToday: false,
    },
  ])('$name', ({ logs, today, target, current, best, doneToday }) => {
    expect(weeklyStreak(logs, today, target)).toEqual({ current, best, unit: 'week', doneToday });
  });

  it('habitStreak picks the rule by cadence', () => {
    const logs = ticks('2026-12-01', '2026-12-02');
    expect(habitStreak({ cadence: 'daily', target_per_period: 1 }, logs, '2026-12-02').unit).toBe('day');
    expect(habitStreak({ cadence: 'weekly', target_per_period: 2 }, logs, '2026-12-02')).toMatchObject({ unit: 'week', current: 1 });
  });
});

describe('week strip', () => {
  it('shows Monday to Sunday of the current week, across a month end', () => {
    const strip = weekStrip(ticks('2026-11-30', '2026-12-02'), '2026-12-02');
    expect(strip.map((d) => d.day)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(strip.map((d) => (d.done ? 'x' : d.future ? '.' : '-')).join('')).toBe('x-x....');
    expect(strip.find((d) => d.isToday)?.day).toBe('2026-12-02');
  });
});

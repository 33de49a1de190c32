/**
 * Habit streaks, from the days a habit was ticked (habit_logs.log_date, the client's calendar
 * day). Rules, each tested in streaks.test.ts:
 * - Daily habits: a streak is a run of consecutive ticked days. The current streak ends today
 *   if today is ticked, else yesterday: a day that is not over yet never breaks a streak, so
 *   the count does not drop to 0 every morning. Once a whole day passes unticked it is 0.
 * - Weekly habits: a week (Monday to Sunday) succeeds when it has at least
 *   `target_per_period` ticked days; the streak counts consecutive successful weeks, and the
 *   week in progress only counts once it has succeeded (it never breaks the streak).
 * - Only `done` logs of live rows count; a day ticked twice (two devices) counts once.
 * - The best streak is the longest run ever, at least the current one.
 * - "Today" is the day in the profile's time zone (src/lib/calendar.ts), so month ends, year
 *   ends, leap days and daylight-saving changes are plain day arithmetic.
 */
import { addDays, daysBetween, daysEndingOn, weekStart, type CalendarDay } from '@/lib/calendar';

export type HabitCadence = 'daily' | 'weekly';

export type StreakLog = { log_date: CalendarDay; done: boolean };

export type Streak = {
  /** Days (daily) or weeks (weekly) in the current run. */
  current: number;
  best: number;
  unit: 'day' | 'week';
  /** Whether today (daily) or this week (weekly) is already done. */
  doneToday: boolean;
};

export function doneDays(logs: readonly StreakLog[]): CalendarDay[] {
  return [...new Set(logs.filter((l) => l.done).map((l) => l.log_date))].sort();
}

/** Lengths of the runs of consecutive items, where `step(a)` is the item after `a`. */
function runs(
  sorted: readonly CalendarDay[],
  gap: (a: CalendarDay, b: CalendarDay) => number,
): Array<{ end: CalendarDay; length: number }> {
  const out: Array<{ end: CalendarDay; length: number }> = [];
  for (const day of sorted) {
    const last = out[out.length - 1];
    if (last && gap(last.end, day) === 1) {
      last.end = day;
      last.length += 1;
    } else {
      out.push({ end: day, length: 1 });
    }
  }
  return out;
}

export function dailyStreak(logs: readonly StreakLog[], today: CalendarDay): Streak {
  const days = doneDays(logs).filter((d) => d <= today);
  const all = runs(days, daysBetween);
  const best = all.reduce((max, r) => Math.max(max, r.length), 0);
  const last = all[all.length - 1];
  const doneToday = last?.end === today;
  const alive = last && (last.end === today || last.end === addDays(today, -1));
  return { current: alive ? last.length : 0, best, unit: 'day', doneToday };
}

export function weeklyStreak(logs: readonly StreakLog[], today: CalendarDay, targetPerWeek: number): Streak {
  const perWeek = new Map<CalendarDay, number>();
  for (const day of doneDays(logs).filter((d) => d <= today)) {
    const week = weekStart(day);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const successful = [...perWeek.entries()]
    .filter(([, n]) => n >= targetPerWeek)
    .map(([week]) => week)
    .sort();
  const all = runs(successful, (a, b) => daysBetween(a, b) / 7);
  const best = all.reduce((max, r) => Math.max(max, r.length), 0);
  const last = all[all.length - 1];
  const thisWeek = weekStart(today);
  const doneToday = last?.end === thisWeek;
  const alive = last && (last.end === thisWeek || last.end === addDays(thisWeek, -7));
  return { current: alive ? last.length : 0, best, unit: 'week', doneToday };
}

export function habitStreak(
  habit: { cadence: HabitCadence; target_per_period: number },
  logs: readonly StreakLog[],
  today: CalendarDay,
): Streak {
  return habit.cadence === 'weekly' ? weeklyStreak(logs, today, habit.target_per_period) : dailyStreak(logs, today);
}

export type WeekStripDay = { day: CalendarDay; done: boolean; isToday: boolean; future: boolean };

/** The current week, Monday to Sunday, with each day's tick. */
export function weekStrip(logs: readonly StreakLog[], today: CalendarDay): WeekStripDay[] {
  const done = new Set(doneDays(logs));
  return daysEndingOn(addDays(weekStart(today), 6), 7).map((day) => ({
    day,
    done: done.has(day),
    isToday: day === today,
    future: day > today,
  }));
}

/** Streak lengths (days) that earn an achievement; achievement-rules.ts and the server agree. */
export const STREAK_MILESTONES_DAYS = [3, 7, 14, 30, 60, 100, 365] as const;

/** The habit screens' reads and writes: RxDB queries on the device database, and ticks. */
import { useCallback, useMemo } from 'react';
import { deleteRow, editRow, habitLogId, insertRow, type Habit, type HabitLog } from '@/db';
import { useProfile } from '@/features/account';
import { dayIn, type CalendarDay } from '@/lib/calendar';
import { useDeviceDatabase } from '@/lib/device-store';
import { useRxQuery } from '@/lib/useRxQuery';
import { useNow } from '@/features/workouts';

export type HabitRow = Omit<Habit, 'deleted'>;
export type HabitLogRow = Omit<HabitLog, 'deleted'>;

/** Live, unarchived habits of a client, oldest first. */
export function useHabits(clientId: string): HabitRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<HabitRow>(
    () => db.rx.collections.habits.find({ selector: { client_id: clientId, archived: false }, sort: [{ starts_on: 'asc' }] }) as never,
    [db, clientId],
  );
}

/** Every log of a client's habits. */
export function useHabitLogs(clientId: string): HabitLogRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<HabitLogRow>(
    () => db.rx.collections.habit_logs.find({ selector: { client_id: clientId }, sort: [{ log_date: 'asc' }] }) as never,
    [db, clientId],
  );
}

/** Today in the signed-in user's time zone (the profile's), refreshed every minute. */
export function useToday(): CalendarDay {
  const profile = useProfile();
  const minute = useNow(60_000);
  return dayIn(new Date(minute), profile?.timezone ?? 'UTC');
}

export function logsByHabit(logs: readonly HabitLogRow[]): Map<string, HabitLogRow[]> {
  const byHabit = new Map<string, HabitLogRow[]>();
  for (const log of logs) byHabit.set(log.habit_id, [...(byHabit.get(log.habit_id) ?? []), log]);
  return byHabit;
}

export type NewHabit = Pick<HabitRow, 'name' | 'description' | 'cadence' | 'target_per_period' | 'target_value' | 'unit'>;

export function useHabitWriter() {
  const db = useDeviceDatabase();
  /**
   * Ticks or unticks a day. The log's id is derived from (habit, day), so two devices ticking
   * the same day write the same row; unticking keeps the row with done = false.
   */
  const setDone = useCallback(
    async (habit: HabitRow, day: CalendarDay, done: boolean) => {
      const id = habitLogId(habit.id, day);
      const existing = await db.rx.collections.habit_logs.findOne(id).exec();
      if (existing) {
        if (existing.done !== done) await editRow(db, 'habit_logs', id, { done });
        return;
      }
      if (!done) return;
      await insertRow(db, 'habit_logs', {
        id,
        habit_id: habit.id,
        client_id: habit.client_id,
        log_date: day,
        done: true,
        value: null,
        notes: null,
      });
    },
    [db],
  );
  const create = useCallback(
    async (clientId: string, trainerId: string | null, habit: NewHabit, startsOn: CalendarDay) =>
      insertRow(db, 'habits', {
        ...habit,
        client_id: clientId,
        trainer_id: trainerId,
        starts_on: startsOn,
        ends_on: null,
        archived: false,
      }),
    [db],
  );
  const archive = useCallback(async (habit: HabitRow, archived = true) => editRow(db, 'habits', habit.id, { archived }), [db]);
  const remove = useCallback(async (habit: HabitRow) => deleteRow(db, 'habits', habit.id), [db]);
  return useMemo(() => ({ setDone, create, archive, remove }), [setDone, create, archive, remove]);
}

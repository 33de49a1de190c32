/** The clients screens' reads from the trainer's device database (what the trainer pulls). */
import type { CheckIn, Goal, Habit, HabitLog, Measurement, Program, ProgramDay, SetLog, WorkoutSession } from '@/db';
import { useDeviceDatabase } from '@/lib/device-store';
import { useRxQuery } from '@/lib/useRxQuery';

type Row<T> = Omit<T, 'deleted'>;

export function useRosterRows() {
  const db = useDeviceDatabase();
  const programs = useRxQuery<Row<Program>>(() => db.rx.collections.programs.find() as never, [db]);
  const days = useRxQuery<Row<ProgramDay>>(() => db.rx.collections.program_days.find() as never, [db]);
  const sessions = useRxQuery<Row<WorkoutSession>>(() => db.rx.collections.workout_sessions.find() as never, [db]);
  const checkIns = useRxQuery<Row<CheckIn>>(() => db.rx.collections.check_ins.find({ selector: { status: 'pending' } }) as never, [db]);
  return { programs, days, sessions, checkIns };
}

export function useClientRows(clientId: string) {
  const db = useDeviceDatabase();
  const c = db.rx.collections;
  const by = { selector: { client_id: clientId } };
  return {
    programs: useRxQuery<Row<Program>>(() => c.programs.find(by) as never, [c, clientId]),
    days: useRxQuery<Row<ProgramDay>>(() => c.program_days.find(by) as never, [c, clientId]),
    sessions: useRxQuery<Row<WorkoutSession>>(() => c.workout_sessions.find({ ...by, sort: [{ started_at: 'desc' }] }) as never, [c, clientId]),
    sets: useRxQuery<Row<SetLog>>(() => c.set_logs.find({ ...by, sort: [{ performed_at: 'asc' }] }) as never, [c, clientId]),
    measurements: useRxQuery<Row<Measurement>>(() => c.measurements.find({ ...by, sort: [{ measured_at: 'desc' }] }) as never, [c, clientId]),
    habits: useRxQuery<Row<Habit>>(() => c.habits.find(by) as never, [c, clientId]),
    habitLogs: useRxQuery<Row<HabitLog>>(() => c.habit_logs.find(by) as never, [c, clientId]),
    goals: useRxQuery<Row<Goal>>(() => c.goals.find(by) as never, [c, clientId]),
    checkIns: useRxQuery<Row<CheckIn>>(() => c.check_ins.find(by) as never, [c, clientId]),
  };
}

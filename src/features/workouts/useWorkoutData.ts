/** The workout screens' reads: RxDB queries on the device database, as React state. */
import { useMemo } from 'react';
import type { ProgramDay, ProgramExercise, Program, SetLog, WorkoutSession } from '@/db';
import { useDeviceDatabase, useDeviceStore } from '@/lib/device-store';
import { useRxQuery } from '@/lib/useRxQuery';
import { useNow } from './useNow';
import { chooseToday, type TodayChoice } from './today-plan';

type Row<T> = Omit<T, 'deleted'>;
export type SessionRow = Row<WorkoutSession>;
export type SetRow = Row<SetLog>;
export type ProgramRow = Row<Program>;
export type DayRow = Row<ProgramDay>;
export type PrescriptionRow = Row<ProgramExercise>;

export function useClientId(): string {
  const userId = useDeviceStore((s) => s.userId);
  if (!userId) throw new Error('no signed-in user');
  return userId;
}

export function useSessions(): SessionRow[] | undefined {
  const db = useDeviceDatabase();
  const clientId = useClientId();
  return useRxQuery<SessionRow>(() => db.rx.collections.workout_sessions.find({ selector: { client_id: clientId }, sort: [{ started_at: 'desc' }] }) as never, [db, clientId]);
}

export function useSession(sessionId: string | undefined): SessionRow | null | undefined {
  const db = useDeviceDatabase();
  const rows = useRxQuery<SessionRow>(() => (sessionId ? (db.rx.collections.workout_sessions.find({ selector: { id: sessionId } }) as never) : null), [db, sessionId]);
  return rows === undefined ? undefined : (rows[0] ?? null);
}

export function usePrograms(): ProgramRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<ProgramRow>(() => db.rx.collections.programs.find() as never, [db]);
}

export function useProgramDays(): DayRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<DayRow>(() => db.rx.collections.program_days.find() as never, [db]);
}

export function usePrescriptions(dayId: string | null | undefined): PrescriptionRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<PrescriptionRow>(
    () => (dayId ? (db.rx.collections.program_exercises.find({ selector: { program_day_id: dayId }, sort: [{ position: 'asc' }] }) as never) : null),
    [db, dayId],
  );
}

export function useSessionSets(sessionId: string | null | undefined): SetRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<SetRow>(
    () => (sessionId ? (db.rx.collections.set_logs.find({ selector: { session_id: sessionId }, sort: [{ set_index: 'asc' }] }) as never) : null),
    [db, sessionId],
  );
}

/** Every set of these exercises (history for prefill and records). */
export function useExerciseSets(exerciseIds: readonly string[]): SetRow[] | undefined {
  const db = useDeviceDatabase();
  const clientId = useClientId();
  const key = [...new Set(exerciseIds)].sort().join(',');
  return useRxQuery<SetRow>(
    () =>
      key
        ? (db.rx.collections.set_logs.find({ selector: { client_id: clientId, exercise_id: { $in: key.split(',') } }, sort: [{ performed_at: 'asc' }] }) as never)
        : null,
    [db, clientId, key],
  );
}

/** Every done set of the client (history list and totals). */
export function useAllDoneSets(): SetRow[] | undefined {
  const db = useDeviceDatabase();
  const clientId = useClientId();
  return useRxQuery<SetRow>(() => db.rx.collections.set_logs.find({ selector: { client_id: clientId, done: true }, sort: [{ performed_at: 'asc' }] }) as never, [db, clientId]);
}

export type TodayData = { choice: TodayChoice<ProgramRow, DayRow, SessionRow>; programs: ProgramRow[]; days: DayRow[]; sessions: SessionRow[] };

export function useToday(): TodayData | undefined {
  const clientId = useClientId();
  const sessions = useSessions();
  const programs = usePrograms();
  const days = useProgramDays();
  const minute = useNow(60_000);
  return useMemo(() => {
    if (!sessions || !programs || !days) return undefined;
    return { choice: chooseToday({ programs, days, sessions, clientId, now: new Date(minute) }), programs, days, sessions };
  }, [sessions, programs, days, clientId, minute]);
}

/** The builder's reads: RxDB queries on the device database, as React state. */
import type { Program, ProgramDay, ProgramExercise } from '@/db';
import { useDeviceDatabase } from '@/lib/device-store';
import { useRxQuery } from '@/lib/useRxQuery';

export type ProgramRow = Omit<Program, 'deleted'>;
export type DayRow = Omit<ProgramDay, 'deleted'>;
export type PrescriptionRow = Omit<ProgramExercise, 'deleted'>;

export function useAllPrograms(): ProgramRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<ProgramRow>(() => db.rx.collections.programs.find({ sort: [{ updated_at: 'desc' }] }) as never, [db]);
}

export function useProgram(programId: string | undefined): ProgramRow | null | undefined {
  const db = useDeviceDatabase();
  const rows = useRxQuery<ProgramRow>(() => (programId ? (db.rx.collections.programs.find({ selector: { id: programId } }) as never) : null), [db, programId]);
  return rows === undefined ? undefined : (rows[0] ?? null);
}

export function useDays(programId: string | undefined): DayRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<DayRow>(() => (programId ? (db.rx.collections.program_days.find({ selector: { program_id: programId } }) as never) : null), [db, programId]);
}

/** Every day of every program (the list's day counts). */
export function useAllDays(): DayRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<DayRow>(() => db.rx.collections.program_days.find() as never, [db]);
}

export function usePrescriptions(dayIds: readonly string[]): PrescriptionRow[] | undefined {
  const db = useDeviceDatabase();
  const key = [...dayIds].sort().join(',');
  return useRxQuery<PrescriptionRow>(
    () => (key ? (db.rx.collections.program_exercises.find({ selector: { program_day_id: { $in: key.split(',') } } }) as never) : null),
    [db, key],
  );
}

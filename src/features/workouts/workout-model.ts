/**
 * The logger's view of a workout: exercise slots with their set rows, either a draft from the
 * program (nothing stored yet: the first tick stores the session and its sets) or a stored
 * session's sets, arranged by the device's layout (order, skipped).
 */
import { bestsOf, type RecordSet } from './personal-records';
import type { SessionLayout } from './session-layout';
import { isTimed, lastPerformance, orderSlots, planSets, slotKeyOf, type PastSet, type Prescription, type SlotKey } from './workout-plan';

export type LoggedSetFields = RecordSet &
  PastSet & {
    program_exercise_id: string | null;
    created_at: string;
  };

export type LoggerRow = {
  /** The set's id, or a draft key (`draft:<slot>:<n>`) before the session is stored. */
  key: string;
  stored: boolean;
  setIndex: number;
  weightKg: number | null;
  reps: number | null;
  rir: number | null;
  rpe: number | null;
  durationSeconds: number | null;
  done: boolean;
  exerciseId: string;
  programExerciseId: string | null;
  setKind: 'warmup' | 'working' | 'drop' | 'failure';
};

export type LoggerSlot = {
  key: SlotKey;
  exerciseId: string;
  prescription: Prescription | null;
  rows: LoggerRow[];
  /** Last time's done sets of this exercise (for the "previous" column). */
  last: PastSet[];
  skipped: boolean;
  /** Logged in seconds (a plank) rather than reps. */
  timed: boolean;
};

export function bestE1rm(history: readonly RecordSet[], exerciseId: string): number | null {
  return bestsOf(history.filter((s) => s.exercise_id === exerciseId)).e1rmKg;
}

export function plannedRows(slotKey: SlotKey, exerciseId: string, prescription: Prescription | null, history: readonly LoggedSetFields[], excludeSessionId?: string): LoggerRow[] {
  const last = lastPerformance(history, exerciseId, excludeSessionId);
  return planSets(prescription, last, bestE1rm(history, exerciseId)).map((planned) => ({
    key: `draft:${slotKey}:${planned.setIndex}`,
    stored: false,
    setIndex: planned.setIndex,
    weightKg: planned.weightKg,
    reps: planned.reps,
    rir: planned.rir,
    rpe: planned.rpe,
    durationSeconds: planned.durationSeconds,
    done: false,
    exerciseId,
    programExerciseId: prescription?.id ?? null,
    setKind: 'working',
  }));
}

export function draftSlots(prescriptions: readonly Prescription[], history: readonly LoggedSetFields[]): LoggerSlot[] {
  return [...prescriptions]
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
    .map((p) => ({
      key: p.id,
      exerciseId: p.exercise_id,
      prescription: p,
      rows: plannedRows(p.id, p.exercise_id, p, history),
      last: lastPerformance(history, p.exercise_id),
      skipped: false,
      timed: isTimed(p, lastPerformance(history, p.exercise_id)),
    }));
}

export function sessionSlots(
  sessionId: string,
  sets: readonly LoggedSetFields[],
  prescriptions: readonly Prescription[],
  history: readonly LoggedSetFields[],
  layout: SessionLayout,
): LoggerSlot[] {
  const groups = new Map<SlotKey, LoggedSetFields[]>();
  for (const set of sets) groups.set(slotKeyOf(set), [...(groups.get(slotKeyOf(set)) ?? []), set]);
  const byId = new Map(prescriptions.map((p) => [p.id, p]));
  const skipped = new Set(layout.skipped);
  for (const key of skipped) if (!groups.has(key) && byId.has(key)) groups.set(key, []);

  const firstCreated = (key: SlotKey) => groups.get(key)?.reduce((min, s) => (s.created_at < min ? s.created_at : min), '9999') ?? '9999';
  const natural = [...groups.keys()].sort((a, b) => {
    const pa = byId.get(a);
    const pb = byId.get(b);
    if (pa && pb) return pa.position < pb.position ? -1 : pa.position > pb.position ? 1 : 0;
    if (pa) return -1;
    if (pb) return 1;
    return firstCreated(a) < firstCreated(b) ? -1 : 1;
  });

  return orderSlots(natural, layout.order).map((key) => {
    const rows = [...(groups.get(key) ?? [])].sort((a, b) => a.set_index - b.set_index);
    const prescription = byId.get(key) ?? null;
    const current = rows.filter((r) => !r.done).at(-1) ?? rows.at(-1);
    const exerciseId = current?.exercise_id ?? prescription?.exercise_id ?? key.replace(/^x:/, '');
    return {
      key,
      exerciseId,
      prescription,
      rows: rows.map((r) => ({
        key: r.id,
        stored: true,
        setIndex: r.set_index,
        weightKg: r.weight_kg,
        reps: r.reps,
        rir: r.rir,
        rpe: r.rpe,
        durationSeconds: r.duration_seconds,
        done: r.done,
        exerciseId: r.exercise_id,
        programExerciseId: r.program_exercise_id,
        setKind: r.set_kind,
      })),
      last: lastPerformance(history, exerciseId, sessionId),
      skipped: skipped.has(key) && rows.every((r) => r.done),
      timed: isTimed(prescription, lastPerformance(history, exerciseId, sessionId)) || (rows.length > 0 && rows.every((r) => r.reps === null && r.duration_seconds !== null)),
    };
  });
}

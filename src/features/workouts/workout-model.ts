/**
 * The logger's view of a workout: exercise slots with their set rows, either a draft from the
 * program (nothing stored yet: the first tick stores the session and its sets) or a stored
 * session's sets, arranged by the device's layout (order, skipped).
 */
import { bestsOf, type RecordSet } from './personal-records';
import type { SessionLayout } from './session-layout';
import type { WeightUnit } from './units';
import { isTimed, lastPerformance, orderSlots, planSets, slotKeyOf, type PastSet, type Prescription, type SlotKey } from './workout-plan';

export type LoggedSetFields = RecordSet &
  PastSet & {
    program_exercise_id: string | null;
    created_at: string;
    /** The lifter's note on the set. */
    notes?: string | null;
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
  /** The lifter's note on the set (stored rows). */
  notes?: string | null;
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

export function plannedRows(
  slotKey: SlotKey,
  exerciseId: string,
  prescription: Prescription | null,
  history: readonly LoggedSetFields[],
  excludeSessionId?: string,
  unit: WeightUnit = 'kg',
): LoggerRow[] {
  const last = lastPerformance(history, exerciseId, excludeSessionId);
  return planSets(prescription, last, bestE1rm(history, exerciseId), unit).map((planned) => ({
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

export function draftSlots(prescriptions: readonly Prescription[], history: readonly LoggedSetFields[], unit: WeightUnit = 'kg'): LoggerSlot[] {
  return [...prescriptions]
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
    .map((p) => ({
      key: p.id,
      exerciseId: p.exercise_id,
      prescription: p,
      rows: plannedRows(p.id, p.exercise_id, p, history, undefined, unit),
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
        notes: r.notes ?? null,
      })),
      last: lastPerformance(history, exerciseId, sessionId),
      skipped: skipped.has(key) && rows.every((r) => r.done),
      timed: isTimed(prescription, lastPerformance(history, exerciseId, sessionId)) || (rows.length > 0 && rows.every((r) => r.reps === null && r.duration_seconds !== null)),
    };
  });
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The new slots, reusing the previous slot and row objects wherever nothing in them changed,
 * so memoised exercise cards and set rows re-render only where a set did change (a tick
 * re-renders one row, not the whole workout).
 */
export function shareUnchangedSlots(previous: readonly LoggerSlot[], next: readonly LoggerSlot[]): LoggerSlot[] {
  const before = new Map(previous.map((slot) => [slot.key, slot]));
  return next.map((slot) => {
    const old = before.get(slot.key);
    if (!old) return slot;
    const oldRows = new Map(old.rows.map((row) => [row.key, row]));
    const rows = slot.rows.map((row) => {
      const kept = oldRows.get(row.key);
      return kept && shallowEqual(kept, row) ? kept : row;
    });
    const sameRows = rows.length === old.rows.length && rows.every((row, i) => row === old.rows[i]);
    const sameRest =
      old.exerciseId === slot.exerciseId &&
      old.skipped === slot.skipped &&
      old.timed === slot.timed &&
      sameJson(old.prescription, slot.prescription) &&
      sameJson(old.last, slot.last);
    if (sameRows && sameRest) return old;
    return {
      ...slot,
      rows: sameRows ? old.rows : rows,
      prescription: sameJson(old.prescription, slot.prescription) ? old.prescription : slot.prescription,
      last: sameJson(old.last, slot.last) ? old.last : slot.last,
    };
  });
}

/** The slot's sets that are records, as one string: a stable prop for the memoised card. */
export function recordKeysOf(slot: LoggerSlot, records: ReadonlySet<string>): string {
  return slot.rows
    .filter((row) => records.has(row.key))
    .map((row) => row.key)
    .join(' ');
}

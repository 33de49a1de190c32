/**
 * Personal records, detected as sets are ticked and listed on the session summary.
 *
 * Rules (each tested in personal-records.test.ts):
 * - Only done, non-warm-up sets with reps > 0 count (warm-ups are left out of PRs and volume,
 *   as set_logs.set_kind says).
 * - A record needs something to beat: the first time an exercise is done sets the baseline and
 *   is not a record (otherwise every exercise of a new user would flash "PR").
 * - Records are strict improvements: matching the best is not a record.
 * - Kinds: estimated 1RM (Epley, ≤ 15 reps), heaviest weight, most reps at a weight (a weight
 *   lifted before; a new heaviest weight is already its own record), best set volume
 *   (weight × reps). Weights compare to the hundredth of a kg (what the server keeps).
 */
import { estimateOneRepMaxKg } from './one-rep-max';

export type RecordKind = 'e1rm' | 'heaviest_weight' | 'most_reps_at_weight' | 'best_set_volume';

export type RecordSet = {
  id: string;
  exercise_id: string;
  session_id: string;
  weight_kg: number | null;
  reps: number | null;
  set_kind: 'warmup' | 'working' | 'drop' | 'failure';
  done: boolean;
  performed_at: string;
};

export type PersonalRecord = {
  kind: RecordKind;
  exerciseId: string;
  setId: string;
  /** kg for e1rm, heaviest_weight and best_set_volume; reps for most_reps_at_weight. */
  value: number;
  /** The best it beat. */
  previous: number;
  /** most_reps_at_weight: the weight (kg). */
  weightKg?: number;
};

export type ExerciseBests = {
  e1rmKg: number | null;
  heaviestKg: number | null;
  bestSetVolumeKg: number | null;
  /** Most reps done at each weight, keyed by weight in hundredths of a kg. */
  repsAtWeight: Map<number, number>;
  /** Number of counted sets (0: nothing to beat yet). */
  sets: number;
};

const weightKey = (weightKg: number) => Math.round(weightKg * 100);
const roundedWeight = (weightKg: number | null) => weightKey(weightKg ?? 0) / 100;

export function countsForRecords(set: RecordSet): boolean {
  return set.done && set.set_kind !== 'warmup' && set.reps !== null && set.reps > 0;
}

export function emptyBests(): ExerciseBests {
  return { e1rmKg: null, heaviestKg: null, bestSetVolumeKg: null, repsAtWeight: new Map(), sets: 0 };
}

function max(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** Folds one set into the bests (returns a new object). */
export function addToBests(bests: ExerciseBests, set: RecordSet): ExerciseBests {
  if (!countsForRecords(set)) return bests;
  const weight = roundedWeight(set.weight_kg);
  const reps = set.reps ?? 0;
  const repsAtWeight = new Map(bests.repsAtWeight);
  const key = weightKey(weight);
  repsAtWeight.set(key, Math.max(repsAtWeight.get(key) ?? 0, reps));
  return {
    e1rmKg: max(bests.e1rmKg, estimateOneRepMaxKg(weight, reps)),
    heaviestKg: weight > 0 ? max(bests.heaviestKg, weight) : bests.heaviestKg,
    bestSetVolumeKg: weight > 0 ? max(bests.bestSetVolumeKg, Number((weight * reps).toFixed(2))) : bests.bestSetVolumeKg,
    repsAtWeight,
    sets: bests.sets + 1,
  };
}

export function bestsOf(sets: readonly RecordSet[]): ExerciseBests {
  return sets.reduce(addToBests, emptyBests());
}

/** The records `set` sets against `before` (the bests of everything done before it). */
export function recordsSetBy(set: RecordSet, before: ExerciseBests): PersonalRecord[] {
  if (!countsForRecords(set) || before.sets === 0) return [];
  const weight = roundedWeight(set.weight_kg);
  const reps = set.reps ?? 0;
  const base = { exerciseId: set.exercise_id, setId: set.id };
  const records: PersonalRecord[] = [];
  const e1rm = estimateOneRepMaxKg(weight, reps);
  if (e1rm !== null && before.e1rmKg !== null && e1rm > before.e1rmKg) records.push({ ...base, kind: 'e1rm', value: e1rm, previous: before.e1rmKg });
  if (weight > 0 && before.heaviestKg !== null && weight > before.heaviestKg) records.push({ ...base, kind: 'heaviest_weight', value: weight, previous: before.heaviestKg });
  const repsBefore = before.repsAtWeight.get(weightKey(weight));
  if (repsBefore !== undefined && reps > repsBefore) records.push({ ...base, kind: 'most_reps_at_weight', value: reps, previous: repsBefore, weightKg: weight });
  const volume = Number((weight * reps).toFixed(2));
  if (weight > 0 && before.bestSetVolumeKg !== null && volume > before.bestSetVolumeKg) records.push({ ...base, kind: 'best_set_volume', value: volume, previous: before.bestSetVolumeKg });
  return records;
}

function byTime(a: RecordSet, b: RecordSet): number {
  return a.performed_at < b.performed_at ? -1 : a.performed_at > b.performed_at ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Records a session set, one per exercise and kind (its best), against everything done in
 * other sessions before it started. `history` may include the session's own sets and later
 * sessions: they are filtered out here.
 */
export function sessionRecords(history: readonly RecordSet[], sessionSets: readonly RecordSet[], sessionStartedAt: string): PersonalRecord[] {
  const sessionId = sessionSets[0]?.session_id;
  const earlier = history.filter((s) => s.session_id !== sessionId && s.performed_at < sessionStartedAt);
  const records = new Map<string, PersonalRecord>();
  const byExercise = new Map<string, RecordSet[]>();
  for (const set of [...sessionSets].sort(byTime)) byExercise.set(set.exercise_id, [...(byExercise.get(set.exercise_id) ?? []), set]);
  for (const [exerciseId, sets] of byExercise) {
    const before = bestsOf(earlier.filter((s) => s.exercise_id === exerciseId));
    for (const set of sets) {
      for (const record of recordsSetBy(set, before)) {
        const key = `${exerciseId}:${record.kind}:${record.weightKg ?? ''}`;
        const current = records.get(key);
        if (!current || record.value > current.value) records.set(key, record);
      }
    }
  }
  return [...records.values()];
}

/** Records of each set as it was ticked (for the PR badge on the set row). */
export function recordsBySet(history: readonly RecordSet[], sessionSets: readonly RecordSet[]): Map<string, PersonalRecord[]> {
  const result = new Map<string, PersonalRecord[]>();
  const sessionIds = new Set(sessionSets.map((s) => s.session_id));
  const all = [...history.filter((s) => !sessionIds.has(s.session_id)), ...sessionSets].sort(byTime);
  const bests = new Map<string, ExerciseBests>();
  for (const set of all) {
    const before = bests.get(set.exercise_id) ?? emptyBests();
    if (sessionIds.has(set.session_id)) {
      const found = recordsSetBy(set, before);
      if (found.length) result.set(set.id, found);
    }
    bests.set(set.exercise_id, addToBests(before, set));
  }
  return result;
}

export const RECORD_LABELS: Record<RecordKind, string> = {
  e1rm: 'Estimated 1RM',
  heaviest_weight: 'Heaviest weight',
  most_reps_at_weight: 'Most reps at a weight',
  best_set_volume: 'Best set volume',
};

/** History views: per-session totals and per-exercise points for the chart. */
import { estimateOneRepMaxKg } from './one-rep-max';

type HistorySet = { session_id: string; exercise_id: string; weight_kg: number | null; reps: number | null; done: boolean; set_kind: string; performed_at: string };

export type SessionTotals = { sets: number; volumeKg: number; exercises: number };

export function totalsBySession(sets: readonly HistorySet[]): Map<string, SessionTotals> {
  const totals = new Map<string, { sets: number; volumeKg: number; exercises: Set<string> }>();
  for (const set of sets) {
    if (!set.done) continue;
    const t = totals.get(set.session_id) ?? { sets: 0, volumeKg: 0, exercises: new Set<string>() };
    t.sets += 1;
    if (set.set_kind !== 'warmup') t.volumeKg += (set.weight_kg ?? 0) * (set.reps ?? 0);
    t.exercises.add(set.exercise_id);
    totals.set(set.session_id, t);
  }
  return new Map([...totals].map(([id, t]) => [id, { sets: t.sets, volumeKg: Number(t.volumeKg.toFixed(2)), exercises: t.exercises.size }]));
}

export type ExercisePoint = {
  sessionId: string;
  /** Epoch ms of the session's first set of this exercise. */
  time: number;
  e1rmKg: number | null;
  topSetKg: number | null;
  topSetReps: number | null;
  sets: number;
};

/** One point per session: the best estimated 1RM and the top set (heaviest, then most reps). */
export function exerciseProgress(sets: readonly HistorySet[], exerciseId: string): ExercisePoint[] {
  const points = new Map<string, ExercisePoint>();
  for (const set of sets) {
    if (set.exercise_id !== exerciseId || !set.done || set.set_kind === 'warmup' || !set.reps) continue;
    const time = Date.parse(set.performed_at);
    const point = points.get(set.session_id) ?? { sessionId: set.session_id, time, e1rmKg: null, topSetKg: null, topSetReps: null, sets: 0 };
    point.time = Math.min(point.time, time);
    point.sets += 1;
    const e1rm = estimateOneRepMaxKg(set.weight_kg, set.reps);
    if (e1rm !== null && (point.e1rmKg === null || e1rm > point.e1rmKg)) point.e1rmKg = e1rm;
    const weight = set.weight_kg ?? 0;
    if (point.topSetKg === null || weight > point.topSetKg || (weight === point.topSetKg && set.reps > (point.topSetReps ?? 0))) {
      point.topSetKg = weight;
      point.topSetReps = set.reps;
    }
    points.set(set.session_id, point);
  }
  return [...points.values()].sort((a, b) => a.time - b.time);
}

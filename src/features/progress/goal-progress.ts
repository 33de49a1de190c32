/**
 * A goal's current value and progress, from the client's own data:
 * - body_weight, body_fat, circumference (waist): the latest measurement;
 * - exercise_1rm: the best estimated 1RM (Epley, as the workout screens) of the goal's
 *   exercise; exercise_reps: the most reps in one set of it;
 * - workouts_per_week: workouts finished in the current ISO week;
 * - habit_streak and custom: the stored current_value (set by hand or by the trainer).
 * Progress runs from the start value (else the first value seen) to the target, in either
 * direction (losing weight is progress downwards); a goal is reached when the current value
 * is at or past the target.
 */
import { estimateOneRepMaxKg } from '@/features/workouts';
import { weekStart, dayIn } from '@/lib/calendar';

export type GoalMetric =
  'body_weight' | 'body_fat' | 'circumference' | 'exercise_1rm' | 'exercise_reps' | 'workouts_per_week' | 'habit_streak' | 'custom';

export type GoalLike = {
  metric: GoalMetric;
  exercise_id: string | null;
  start_value: number | null;
  current_value: number | null;
  target_value: number;
};

export type GoalData = {
  measurements: ReadonlyArray<{ measured_at: string; weight_kg: number | null; body_fat_pct: number | null; waist_cm: number | null }>;
  sets: ReadonlyArray<{ exercise_id: string; weight_kg: number | null; reps: number | null; done: boolean; set_kind: string }>;
  sessions: ReadonlyArray<{ status: string; started_at: string }>;
  now: Date;
  timeZone: string;
};

export const METRIC_LABELS: Record<GoalMetric, string> = {
  body_weight: 'Body weight',
  body_fat: 'Body fat %',
  circumference: 'Waist',
  exercise_1rm: 'Exercise 1RM',
  exercise_reps: 'Exercise reps',
  workouts_per_week: 'Workouts per week',
  habit_streak: 'Habit streak',
  custom: 'Custom',
};

function latest(
  measurements: GoalData['measurements'],
  pick: (m: GoalData['measurements'][number]) => number | null,
): { first: number | null; last: number | null } {
  const values = [...measurements]
    .sort((a, b) => a.measured_at.localeCompare(b.measured_at))
    .map(pick)
    .filter((v): v is number => v !== null);
  return { first: values[0] ?? null, last: values[values.length - 1] ?? null };
}

/** The value the data says now, and the first value seen (a start when none was set). */
/** `proven`: for an exercise 1RM, the heaviest weight actually lifted for 1 to 3 reps. */
export function measuredValue(goal: GoalLike, data: GoalData): { current: number | null; first: number | null; proven?: number } {
  switch (goal.metric) {
    case 'body_weight': {
      const { first, last } = latest(data.measurements, (m) => m.weight_kg);
      return { current: last, first };
    }
    case 'body_fat': {
      const { first, last } = latest(data.measurements, (m) => m.body_fat_pct);
      return { current: last, first };
    }
    case 'circumference': {
      const { first, last } = latest(data.measurements, (m) => m.waist_cm);
      return { current: last, first };
    }
    case 'exercise_1rm':
    case 'exercise_reps': {
      const sets = data.sets.filter((s) => s.exercise_id === goal.exercise_id && s.done && s.set_kind !== 'warmup' && (s.reps ?? 0) > 0);
      if (sets.length === 0) return { current: goal.current_value, first: null };
      if (goal.metric === 'exercise_reps') return { current: Math.max(...sets.map((s) => s.reps ?? 0)), first: null };
      const estimate = Math.max(...sets.map((s) => estimateOneRepMaxKg(s.weight_kg ?? 0, s.reps ?? 0) ?? 0));
      // A 1RM is reached with a real heavy single, double or triple; an estimate from more
      // reps shows the way there but reaches nothing (a "Bench 100 kg" from 10 × 75 kg).
      const proven = Math.max(0, ...sets.filter((s) => (s.reps ?? 0) <= MAX_REPS_OF_A_TESTED_MAX).map((s) => s.weight_kg ?? 0));
      return { current: Math.round(estimate * 10) / 10, first: null, proven };
    }
    case 'workouts_per_week': {
      const thisWeek = weekStart(dayIn(data.now, data.timeZone));
      const count = data.sessions.filter(
        (s) => (s.status === 'completed' || s.status === 'partial') && weekStart(dayIn(new Date(s.started_at), data.timeZone)) === thisWeek,
      ).length;
      return { current: count, first: null };
    }
    default:
      return { current: goal.current_value, first: null };
  }
}

/** Sets of at most this many reps count as a tested 1RM (at their weight). */
export const MAX_REPS_OF_A_TESTED_MAX = 3;

/** `estimated`: the current value is an estimate (an exercise 1RM not yet lifted for real). */
export type GoalProgress = { current: number | null; start: number | null; fraction: number; reached: boolean; estimated: boolean };

export function goalProgress(goal: GoalLike, data: GoalData): GoalProgress {
  const measured = measuredValue(goal, data);
  const { current, first } = measured;
  const start = goal.start_value ?? first ?? (goal.metric === 'workouts_per_week' ? 0 : null);
  if (current === null) return { current, start, fraction: 0, reached: false, estimated: false };
  const decreasing = start !== null && goal.target_value < start;
  const { proven } = measured;
  const reached = proven !== undefined ? proven >= goal.target_value : decreasing ? current <= goal.target_value : current >= goal.target_value;
  const estimated = proven !== undefined && proven < current;
  let fraction: number;
  if (start === null || start === goal.target_value) fraction = reached ? 1 : 0;
  else fraction = (current - start) / (goal.target_value - start);
  if (proven !== undefined && !reached) fraction = Math.min(fraction, 0.99);
  return { current, start, fraction: Math.min(1, Math.max(0, fraction)), reached, estimated };
}

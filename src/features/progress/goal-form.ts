/** The goal form: typed in the user's units, stored in kg/cm as the goals model says. */
import { z } from 'zod';
import { bodyWeightFromKg, bodyWeightToKg, lengthFromCm, lengthToCm, type BodyUnits } from './body-units';
import type { GoalMetric } from './goal-progress';

export type GoalFormValues = {
  title: string;
  metric: GoalMetric;
  exerciseId: string;
  start: string;
  target: string;
  targetDate: string;
  unit: string;
};

export const EMPTY_GOAL_FORM: GoalFormValues = {
  title: '',
  metric: 'body_weight',
  exerciseId: '',
  start: '',
  target: '',
  targetDate: '',
  unit: '',
};

/** How a metric's values are shown: which unit, and the conversion from what is stored. */
export function metricUnit(
  metric: GoalMetric,
  units: BodyUnits,
  custom: string | null = null,
): { label: string; fromStored: (v: number) => number; toStored: (v: number) => number } {
  const same = (v: number) => v;
  switch (metric) {
    case 'body_weight':
    case 'exercise_1rm':
      return {
        label: units.weight,
        fromStored: (v) => bodyWeightFromKg(v, units.weight),
        toStored: (v) => bodyWeightToKg(v, units.weight),
      };
    case 'circumference':
      return { label: units.length, fromStored: (v) => lengthFromCm(v, units.length), toStored: (v) => lengthToCm(v, units.length) };
    case 'body_fat':
      return { label: '%', fromStored: same, toStored: same };
    case 'exercise_reps':
      return { label: 'reps', fromStored: same, toStored: same };
    case 'workouts_per_week':
      return { label: 'workouts', fromStored: same, toStored: same };
    case 'habit_streak':
      return { label: 'days', fromStored: same, toStored: same };
    default:
      return { label: custom ?? '', fromStored: same, toStored: same };
  }
}

const STORED_UNIT: Partial<Record<GoalMetric, string>> = {
  body_weight: 'kg',
  exercise_1rm: 'kg',
  circumference: 'cm',
  body_fat: '%',
  exercise_reps: 'reps',
  workouts_per_week: 'workouts',
  habit_streak: 'days',
};

const numberText = z
  .string()
  .trim()
  .transform((s) => s.replace(',', '.'))
  .refine((s) => s === '' || Number.isFinite(Number(s)), 'Enter a number');

export const goalFormModel = z
  .object({
    title: z.string().trim().min(1, 'Give the goal a title').max(120, 'Keep the title under 120 characters'),
    metric: z.enum([
      'body_weight',
      'body_fat',
      'circumference',
      'exercise_1rm',
      'exercise_reps',
      'workouts_per_week',
      'habit_streak',
      'custom',
    ]),
    exerciseId: z.string(),
    start: numberText,
    target: numberText.refine((s) => s !== '', 'Enter the target'),
    targetDate: z.string(),
    unit: z.string().trim().max(16, 'Keep the unit under 16 characters'),
  })
  .refine((f) => !(f.metric === 'exercise_1rm' || f.metric === 'exercise_reps') || f.exerciseId !== '', {
    message: 'Choose the exercise',
    path: ['exerciseId'],
  });

export type GoalDraft = {
  title: string;
  metric: GoalMetric;
  exercise_id: string | null;
  unit: string | null;
  start_value: number | null;
  target_value: number;
  target_date: string | null;
};

export function goalFromForm(form: GoalFormValues, units: BodyUnits): { ok: true; draft: GoalDraft } | { ok: false; message: string } {
  const parsed = goalFormModel.safeParse(form);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the goal' };
  const f = parsed.data;
  const convert = metricUnit(f.metric, units).toStored;
  const round2 = (v: number) => Math.round(v * 100) / 100;
  return {
    ok: true,
    draft: {
      title: f.title,
      metric: f.metric,
      exercise_id: f.metric === 'exercise_1rm' || f.metric === 'exercise_reps' ? f.exerciseId : null,
      unit: f.metric === 'custom' ? f.unit || null : (STORED_UNIT[f.metric] ?? null),
      start_value: f.start === '' ? null : round2(convert(Number(f.start))),
      target_value: round2(convert(Number(f.target))),
      target_date: /^\d{4}-\d{2}-\d{2}$/.test(f.targetDate) ? f.targetDate : null,
    },
  };
}

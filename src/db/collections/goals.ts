/** A goal shared by a client and their trainers (target weight, a lift's 1RM, ...). */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

/** Within ±1,000,000 (refined: see synced-row.ts); NaN and infinities are not numbers here. */
const goalValue = z.number().refine((value) => Math.abs(value) <= 1_000_000, 'Goal values lie within ±1,000,000');

export const goalModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  trainer_id: rowId.nullable(),
  title: z.string().trim().min(1).max(120),
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
  exercise_id: rowId.nullable(),
  unit: z.string().min(1).max(16).nullable(),
  start_value: goalValue.nullable(),
  current_value: goalValue.nullable(),
  target_value: goalValue,
  target_date: calendarDay.nullable(),
  status: z.enum(['active', 'completed', 'paused', 'abandoned']),
  achieved_at: instant.nullable(),
  notes: z.string().max(2000).nullable(),
});
export type Goal = z.infer<typeof goalModel>;

export const goalsCollection: CollectionSpec<Goal> = {
  name: 'goals',
  model: goalModel,
  schema: zodToRxSchema(goalModel, { version: 0, indexes: [['client_id', 'status', 'updated_at']], description: 'goals' }),
};

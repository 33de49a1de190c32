/**
 * A meal plan with its meals and their food items kept in one document (`meals`, an id-keyed
 * array the merge combines element by element, src/sync/merge.ts): RxDB allows 12 synced
 * collections, so meals and items live inside the plan.
 */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

/** Order key: a fractional-index string (or a number in older rows). */
const position = z.union([z.string().min(1).max(64), z.number()]);

export const mealItemModel = z.object({
  id: z.string().min(1).max(64),
  /** A food of the catalogue, or null with a free `name`. */
  food_id: rowId.nullable(),
  name: z.string().min(1).max(160).optional(),
  grams: z.number().gt(0).max(5000),
  position,
  notes: z.string().max(1000).optional(),
});

export const mealModel = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  position,
  /** HH:MM */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  notes: z.string().max(1000).optional(),
  // Refined bounds (see synced-row.ts), as SQL meal_plan_meals_valid.
  items: z.array(mealItemModel).refine((items) => items.length <= 60, 'At most 60 foods in a meal'),
});

export const mealPlanModel = z.object({
  ...syncedRowFields,
  trainer_id: rowId.nullable(),
  client_id: rowId.nullable(),
  template_id: rowId.nullable(),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(4000).nullable(),
  cadence: z.enum(['one_time', 'monthly', 'biweekly']),
  status: z.enum(['draft', 'active', 'archived']),
  kcal_target: z.int().min(0).max(10000).nullable(),
  protein_g_target: z.number().min(0).max(1000).nullable(),
  carbs_g_target: z.number().min(0).max(2000).nullable(),
  fat_g_target: z.number().min(0).max(1000).nullable(),
  starts_on: calendarDay.nullable(),
  ends_on: calendarDay.nullable(),
  meals: z.array(mealModel).refine((meals) => meals.length <= 20, 'At most 20 meals'),
});
export type MealPlan = z.infer<typeof mealPlanModel>;

export const mealPlansCollection: CollectionSpec<MealPlan> = {
  name: 'meal_plans',
  model: mealPlanModel,
  schema: zodToRxSchema(mealPlanModel, { version: 0, indexes: ['updated_at', ['status', 'updated_at']], description: 'meal plans' }),
};

/**
 * A meal plan with its meals and their food items kept in one document (`meals`, an id-keyed
 * array the merge combines element by element, src/sync/merge.ts).
 */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const mealItemModel = z.object({
  id: z.string().min(1).max(64),
  food_id: rowId.nullable(),
  name: z.string().min(1).max(200),
  grams: z.number().min(0).max(10_000),
  kcal: z.number().min(0).max(100_000).nullable(),
  protein_g: z.number().min(0).max(10_000).nullable(),
  carbs_g: z.number().min(0).max(10_000).nullable(),
  fat_g: z.number().min(0).max(10_000).nullable(),
});

export const mealModel = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  position: z.string().min(1).max(64),
  items: z.array(mealItemModel),
});

export const mealPlanModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  trainer_id: rowId.nullable(),
  name: z.string().trim().min(1).max(120),
  starts_on: calendarDay.nullable(),
  ends_on: calendarDay.nullable(),
  notes: z.string().max(4000).nullable(),
  meals: z.array(mealModel),
});
export type MealPlan = z.infer<typeof mealPlanModel>;

export const mealPlansCollection: CollectionSpec<MealPlan> = {
  name: 'meal_plans',
  model: mealPlanModel,
  schema: zodToRxSchema(mealPlanModel, { version: 0, indexes: [['client_id', 'updated_at']], description: 'meal plans' }),
};

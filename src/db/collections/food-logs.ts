/** One food a client ate (grams and the macros at logging time). */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const foodLogModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  /** A food of the catalogue, or null with a `custom_name`. */
  food_id: rowId.nullable(),
  meal_plan_id: rowId.nullable(),
  custom_name: z.string().max(160).nullable(),
  eaten_at: instant,
  meal_label: z.enum(['breakfast', 'lunch', 'dinner', 'snack', 'pre_workout', 'post_workout', 'other']),
  grams: z.number().gt(0).max(5000).nullable(),
  kcal: z.number().min(0).max(10000).nullable(),
  protein_g: z.number().min(0).max(1000).nullable(),
  carbs_g: z.number().min(0).max(1000).nullable(),
  fat_g: z.number().min(0).max(1000).nullable(),
  notes: z.string().max(1000).nullable(),
});
export type FoodLog = z.infer<typeof foodLogModel>;

export const foodLogsCollection: CollectionSpec<FoodLog> = {
  name: 'food_logs',
  model: foodLogModel,
  schema: zodToRxSchema(foodLogModel, { version: 0, indexes: [['client_id', 'eaten_at']], description: 'food logs' }),
  windowColumn: 'eaten_at',
  parents: ['meal_plans'],
};

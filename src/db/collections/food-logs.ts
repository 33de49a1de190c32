/** One food a client logged on a day (grams and the macros at logging time). */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const foodLogModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  log_date: calendarDay,
  eaten_at: instant.nullable(),
  meal_slot: z.string().min(1).max(32).nullable(),
  food_id: rowId.nullable(),
  name: z.string().min(1).max(200),
  grams: z.number().min(0).max(10_000),
  kcal: z.number().min(0).max(100_000).nullable(),
  protein_g: z.number().min(0).max(10_000).nullable(),
  carbs_g: z.number().min(0).max(10_000).nullable(),
  fat_g: z.number().min(0).max(10_000).nullable(),
  notes: z.string().max(1000).nullable(),
});
export type FoodLog = z.infer<typeof foodLogModel>;

export const foodLogsCollection: CollectionSpec<FoodLog> = {
  name: 'food_logs',
  model: foodLogModel,
  schema: zodToRxSchema(foodLogModel, { version: 0, indexes: [['client_id', 'log_date']], description: 'food logs' }),
  windowColumn: 'log_date',
};

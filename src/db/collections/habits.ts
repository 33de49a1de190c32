/** A habit a client tracks (daily or weekly), set by the client or their trainer. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, rowId, syncedRowFields, textUpTo } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const habitModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  trainer_id: rowId.nullable(),
  name: z.string().trim().min(1).max(120),
  description: textUpTo(4000).nullable(),
  cadence: z.enum(['daily', 'weekly']),
  target_per_period: z.int().min(1).max(7),
  target_value: z.number().gt(0).max(1_000_000).nullable(),
  unit: z.string().min(1).max(16).nullable(),
  starts_on: calendarDay,
  ends_on: calendarDay.nullable(),
  archived: z.boolean(),
});
export type Habit = z.infer<typeof habitModel>;

export const habitsCollection: CollectionSpec<Habit> = {
  name: 'habits',
  model: habitModel,
  schema: zodToRxSchema(habitModel, { version: 0, indexes: [['client_id', 'archived', 'starts_on']], description: 'habits' }),
};

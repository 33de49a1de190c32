/**
 * One day's tick of a habit. Its id is `habitLogId(habit_id, log_date)` (src/db/ids.ts): two
 * devices ticking the same day write the same row, an equal duplicate rather than a conflict.
 */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const habitLogModel = z.object({
  ...syncedRowFields,
  habit_id: rowId,
  /** The habit's client (copied by the server; the device sets it too). */
  client_id: rowId,
  log_date: calendarDay,
  done: z.boolean(),
  value: z.number().min(0).max(1_000_000).nullable(),
  notes: z.string().max(1000).nullable(),
});
export type HabitLog = z.infer<typeof habitLogModel>;

export const habitLogsCollection: CollectionSpec<HabitLog> = {
  name: 'habit_logs',
  model: habitLogModel,
  schema: zodToRxSchema(habitLogModel, { version: 0, indexes: [['habit_id', 'log_date'], ['client_id', 'log_date']], description: 'habit logs' }),
  windowColumn: 'log_date',
  appendOnly: true,
  parents: ['habits'],
};

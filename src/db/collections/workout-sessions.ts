/** A workout the client did (from a program day or ad hoc). */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const workoutSessionModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  program_day_id: rowId.nullable(),
  name: z.string().trim().min(1).max(120).nullable(),
  status: z.enum(['in_progress', 'completed', 'partial', 'skipped']),
  started_at: instant,
  ended_at: instant.nullable(),
  /** Active duration, pauses excluded. */
  duration_seconds: z.int().min(1).max(86400).nullable(),
  rating: z.int().min(1).max(5).nullable(),
  week_index: z.int().min(1).max(104).nullable(),
  notes: z.string().max(4000).nullable(),
});
export type WorkoutSession = z.infer<typeof workoutSessionModel>;

export const workoutSessionsCollection: CollectionSpec<WorkoutSession> = {
  name: 'workout_sessions',
  model: workoutSessionModel,
  schema: zodToRxSchema(workoutSessionModel, { version: 0, indexes: [['client_id', 'started_at']], description: 'workout sessions' }),
  windowColumn: 'started_at',
  parents: ['program_days'],
};

/** One logged set; the source of PRs, history and charts. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const setLogModel = z.object({
  ...syncedRowFields,
  session_id: rowId,
  /** The session's client (the server copies it from the session; the device sets it too). */
  client_id: rowId,
  exercise_id: rowId,
  program_exercise_id: rowId.nullable(),
  set_index: z.int().min(1).max(1000),
  set_kind: z.enum(['warmup', 'working', 'drop', 'failure']),
  weight_kg: z.number().min(0).max(2000).nullable(),
  reps: z.int().min(0).max(1000).nullable(),
  rir: z.int().min(0).max(10).nullable(),
  rpe: z.number().min(1).max(10).nullable(),
  duration_seconds: z.int().min(1).max(86400).nullable(),
  distance_m: z.number().gt(0).max(1_000_000).nullable(),
  done: z.boolean(),
  /** When the set was done (device clock). */
  performed_at: instant,
  notes: z.string().max(2000).nullable(),
});
export type SetLog = z.infer<typeof setLogModel>;

export const setLogsCollection: CollectionSpec<SetLog> = {
  name: 'set_logs',
  model: setLogModel,
  schema: zodToRxSchema(setLogModel, {
    version: 0,
    indexes: [['session_id', 'set_index'], ['client_id', 'performed_at'], ['client_id', 'exercise_id', 'performed_at']],
    description: 'set logs',
  }),
  windowColumn: 'performed_at',
  appendOnly: true,
  parents: ['workout_sessions', 'program_exercises'],
};

/** Ordered exercise prescriptions of a program day. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

const TEMPO = /^[0-9Xx]([-:/ ]?[0-9Xx]){2,3}$/;

export const programExerciseModel = z.object({
  ...syncedRowFields,
  program_day_id: rowId,
  trainer_id: rowId.nullable(),
  client_id: rowId.nullable(),
  exercise_id: rowId,
  position: z.string().min(1).max(64),
  sets: z.int().min(1).max(100).nullable(),
  reps_min: z.int().min(0).max(1000).nullable(),
  reps_max: z.int().min(0).max(1000).nullable(),
  load_kg: z.number().min(0).max(2000).nullable(),
  load_percent_1rm: z.number().gt(0).max(150).nullable(),
  rir: z.int().min(0).max(10).nullable(),
  rpe: z.number().min(1).max(10).nullable(),
  // Refined (see synced-row.ts) as SQL program_exercises_tempo_format: e.g. 3-1-1-0 or 31X0.
  tempo: z
    .string()
    .max(16)
    .refine((tempo) => TEMPO.test(tempo), 'A tempo is 3 or 4 digits or X, e.g. 3-1-1-0')
    .nullable(),
  tut_seconds: z.int().min(1).max(600).nullable(),
  rest_seconds: z.int().min(0).max(3600).nullable(),
  drop_sets: z.int().min(0).max(10),
  superset_group: z
    .string()
    .max(16)
    .refine((group) => group.trim().length > 0, 'A superset label is not blank')
    .nullable(),
  duration_seconds: z.int().min(1).max(86400).nullable(),
  distance_m: z.number().gt(0).max(1_000_000).nullable(),
  notes: z.string().max(4000).nullable(),
});
export type ProgramExercise = z.infer<typeof programExerciseModel>;

export const programExercisesCollection: CollectionSpec<ProgramExercise> = {
  name: 'program_exercises',
  model: programExerciseModel,
  schema: zodToRxSchema(programExerciseModel, {
    version: 0,
    indexes: [['program_day_id', 'position'], 'exercise_id'],
    description: 'program exercises',
  }),
  parents: ['program_days'],
};

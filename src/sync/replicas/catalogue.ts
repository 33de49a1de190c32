/**
 * The exercise catalogue replica: the global exercises and the user's trainers' own (or a
 * trainer's own), as RLS lets the user read them. Trainers change their exercises through the
 * library's server calls; the device never writes rows here.
 */
import { z } from 'zod';
import { defineReplica, replicaTable } from './define';

export const catalogueExerciseModel = z.object({
  id: z.string(),
  name: z.string(),
  body_part: z.string(),
  equipment: z.string(),
  alternatives: z.array(z.string()).catch([]),
  archived: z.boolean(),
  trainer_id: z.string().nullable(),
  deleted: z.boolean().optional(),
  // Details for the trainer's exercise library (optional: copies cached before they existed lack them).
  category_id: z.string().nullable().optional(),
  difficulty: z.string().optional(),
  mechanics: z.string().nullable().optional(),
  instructions: z.string().nullable().optional(),
  video_url: z.string().nullable().optional(),
  is_unilateral: z.boolean().optional(),
});
export type CatalogueExercise = Omit<z.infer<typeof catalogueExerciseModel>, 'deleted'>;

export const catalogueReplica = defineReplica({
  name: 'catalogue',
  tables: [
    replicaTable({
      table: 'exercises',
      model: catalogueExerciseModel.omit({ deleted: true }),
      instants: [],
      indexes: ['name', 'trainer_id'],
    }),
  ],
});

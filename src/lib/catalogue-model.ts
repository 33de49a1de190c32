/** The exercise catalogue's row model (parsed at the network boundary) and its offline search. */
import { z } from 'zod';

export const catalogueExerciseModel = z.object({
  id: z.string(),
  name: z.string(),
  body_part: z.string(),
  equipment: z.string(),
  alternatives: z.array(z.string()).catch([]),
  archived: z.boolean(),
  trainer_id: z.string().nullable(),
  deleted: z.boolean().optional(),
});
export type CatalogueExercise = Omit<z.infer<typeof catalogueExerciseModel>, 'deleted'>;

/** Case- and accent-insensitive search by name, body part or equipment. */
export function searchCatalogue(exercises: readonly CatalogueExercise[], query: string): CatalogueExercise[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/_/g, ' ');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const live = exercises.filter((e) => !e.archived);
  if (words.length === 0) return live;
  return live.filter((e) => {
    const text = fold(`${e.name} ${e.body_part} ${e.equipment}`);
    return words.every((w) => text.includes(w));
  });
}

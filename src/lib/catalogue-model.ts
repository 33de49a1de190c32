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
  // Details for the trainer's exercise library (optional: copies cached before they existed lack them).
  category_id: z.string().nullable().optional(),
  difficulty: z.string().optional(),
  mechanics: z.string().nullable().optional(),
  instructions: z.string().nullable().optional(),
  video_url: z.string().nullable().optional(),
  is_unilateral: z.boolean().optional(),
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

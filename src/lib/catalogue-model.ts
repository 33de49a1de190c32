/** The exercise catalogue's row model (parsed at the network boundary) and its offline search. */

export { catalogueExerciseModel, type CatalogueExercise } from '@/sync/replicas/catalogue';
import type { CatalogueExercise } from '@/sync/replicas/catalogue';

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

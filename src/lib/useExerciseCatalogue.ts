import { useMemo } from 'react';
import { catalogueByName, type CatalogueExercise } from './exercise-catalogue';
import { useReplicaQuery } from './useReplicaQuery';

export type ExerciseCatalogue = { exercises: CatalogueExercise[]; byId: ReadonlyMap<string, CatalogueExercise>; loaded: boolean };

/** The signed-in user's exercise catalogue on the device, live. */
export function useExerciseCatalogue(): ExerciseCatalogue {
  const { value: exercises, loaded } = useReplicaQuery(catalogueByName, [], NO_EXERCISES);
  const byId = useMemo(() => new Map(exercises.map((e) => [e.id, e])), [exercises]);
  return { exercises, byId, loaded };
}

const NO_EXERCISES: CatalogueExercise[] = [];

export function exerciseName(catalogue: ExerciseCatalogue, exerciseId: string): string {
  return catalogue.byId.get(exerciseId)?.name ?? 'Exercise';
}

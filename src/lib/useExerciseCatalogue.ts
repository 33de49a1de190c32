import { useEffect, useMemo, useState } from 'react';
import { watchCatalogue, type CatalogueExercise } from './exercise-catalogue';
import { useDeviceStore } from './device-store';

export type ExerciseCatalogue = { exercises: CatalogueExercise[]; byId: ReadonlyMap<string, CatalogueExercise>; loaded: boolean };

/** The signed-in user's cached exercise catalogue, live. */
export function useExerciseCatalogue(): ExerciseCatalogue {
  const userId = useDeviceStore((s) => s.userId);
  const [state, setState] = useState<{ userId: string | null; exercises: CatalogueExercise[] }>({ userId: null, exercises: [] });
  useEffect(() => {
    if (!userId) return;
    return watchCatalogue(userId, (exercises) => setState({ userId, exercises }));
  }, [userId]);
  const current = state.userId === userId;
  const exercises = useMemo(() => (current ? state.exercises : []), [current, state.exercises]);
  const byId = useMemo(() => new Map(exercises.map((e) => [e.id, e])), [exercises]);
  return { exercises, byId, loaded: state.userId === userId && userId !== null };
}

export function exerciseName(catalogue: ExerciseCatalogue, exerciseId: string): string {
  return catalogue.byId.get(exerciseId)?.name ?? 'Exercise';
}

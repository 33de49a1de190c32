/** The exercise library (trainer): catalogue and own exercises, split into their own chunk. */
import { lazy } from 'react';

export const LibraryScreen = lazy(() => import('./LibraryScreen').then((m) => ({ default: m.LibraryScreen })));
export const ExerciseDetailScreen = lazy(() => import('./ExerciseDetailScreen').then((m) => ({ default: m.ExerciseDetailScreen })));
export const ExerciseFormScreen = lazy(() => import('./ExerciseFormScreen').then((m) => ({ default: m.ExerciseFormScreen })));

/**
 * The workouts feature: Today (logging) loads with the app; history screens are split into
 * their own chunks (the exercise chart brings recharts), so the first load stays small.
 */
import { lazy } from 'react';

export { TodayScreen } from './TodayScreen';
export const HistoryScreen = lazy(() => import('./HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
export const SessionScreen = lazy(() => import('./SessionScreen').then((m) => ({ default: m.SessionScreen })));
export const ExerciseHistoryScreen = lazy(() => import('./ExerciseHistoryScreen').then((m) => ({ default: m.ExerciseHistoryScreen })));
export { estimateOneRepMaxKg } from './one-rep-max';
export { formatEstimatedWeight, formatWeight, unitToKg, kgToUnit, type WeightUnit } from './units';
export { KG_PER_LB } from './units';
export { useToday, useClientId } from './useWorkoutData';
export { useNow } from './useNow';

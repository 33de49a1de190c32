/**
 * The progress feature: measurements and charts, progress photos, weekly check-ins, goals,
 * achievements and the calorie calculator, for the client and for their trainer. The screens
 * are their own chunks (recharts comes with the chart).
 */
import { lazy } from 'react';
import './progress.css';

export const ProgressScreen = lazy(() => import('./ProgressScreen').then((m) => ({ default: m.ProgressScreen })));
export const TrainerCheckInsScreen = lazy(() => import('./TrainerCheckInsScreen').then((m) => ({ default: m.TrainerCheckInsScreen })));
export const CheckInReviewScreen = lazy(() => import('./TrainerCheckInsScreen').then((m) => ({ default: m.CheckInReviewScreen })));
export const ClientProgressScreen = lazy(() => import('./ClientProgressScreen').then((m) => ({ default: m.ClientProgressScreen })));
export const QuestionnaireEditor = lazy(() => import('./QuestionnaireEditor').then((m) => ({ default: m.QuestionnaireEditor })));
export { AchievementToastsLoader as AchievementToasts } from './AchievementToastsLoader';
export { useBodyUnits, useMeasurements } from './useProgressData';
export { bodyWeightFromKg } from './body-units';
export { changeOver, seriesOf, weeklyRate, inRange } from './measurement-trend';

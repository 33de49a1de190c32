/** The clients feature: the trainer's roster (cached for offline), client detail, and the client's "join" screen. */
import { lazy } from 'react';

export { useRoster, type Roster } from './useRoster';
export { rosterLabel, type RosterEntry } from './roster-model';
export const ClientsScreen = lazy(() => import('./ClientsScreen').then((m) => ({ default: m.ClientsScreen })));
export const ClientDetailScreen = lazy(() => import('./ClientDetailScreen').then((m) => ({ default: m.ClientDetailScreen })));
export const JoinTrainerScreen = lazy(() => import('./JoinTrainerScreen').then((m) => ({ default: m.JoinTrainerScreen })));

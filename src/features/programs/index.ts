/** The programs feature (trainer): templates, client programs and the builder, split into their own chunk. */
import { lazy } from 'react';

export const ProgramsScreen = lazy(() => import('./ProgramsScreen').then((m) => ({ default: m.ProgramsScreen })));
export const ProgramBuilderScreen = lazy(() => import('./ProgramBuilderScreen').then((m) => ({ default: m.ProgramBuilderScreen })));

/** The client's dashboard (home), in its own chunk. */
import { lazy } from 'react';

export const HomeScreen = lazy(() => import('./HomeScreen').then((m) => ({ default: m.HomeScreen })));

/**
 * Bookings and credits: the client's bookings screen and the trainer's schedule.
 * Both are their own lazily loaded chunks (react-big-calendar and date-fns stay out of the
 * first load).
 */
import { lazy } from 'react';

export const ClientBookingsScreen = lazy(() => import('./ClientBookingsScreen').then((m) => ({ default: m.ClientBookingsScreen })));
export const TrainerScheduleScreen = lazy(() => import('./TrainerScheduleScreen').then((m) => ({ default: m.TrainerScheduleScreen })));
export const TrainerBillingScreen = lazy(() => import('./TrainerBillingScreen').then((m) => ({ default: m.TrainerBillingScreen })));

/**
 * Keeps the device's copy of the user's bookings and credits fresh while signed in (loads the
 * replica module on demand); resolves to the function that stops it.
 */
export function startBookingReplica(userId: string, role: 'client' | 'trainer' | 'admin'): Promise<() => void> {
  return import('./booking-replica').then((m) => m.keepBookingReplicaFresh(userId, role));
}
export { formatWhen } from './booking-text';

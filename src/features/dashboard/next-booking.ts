/**
 * The client's next session for the dashboard, live from the bookings replica on the device
 * (src/sync/replicas/bookings.ts): offline it shows what the last pull brought, and a booking
 * made, moved or cancelled shows at its poke. No server call of its own.
 */
import { replicaRows, type Booking, type ReplicaStore } from '@/sync/replicas';

export type NextBooking = Pick<Booking, 'id' | 'starts_at' | 'ends_at' | 'status' | 'trainer_id'>;

const UPCOMING = new Set<Booking['status']>(['requested', 'scheduled', 'confirmed']);

/** The client's first booking that has not ended and is still on (requested counts), or null. */
export function nextBookingOf(bookings: readonly Booking[], clientId: string, now: Date): NextBooking | null {
  let next: Booking | null = null;
  for (const booking of bookings) {
    if (booking.client_id !== clientId || !UPCOMING.has(booking.status)) continue;
    if (Date.parse(booking.ends_at) <= now.getTime()) continue;
    if (!next || booking.starts_at < next.starts_at) next = booking;
  }
  return next && { id: next.id, starts_at: next.starts_at, ends_at: next.ends_at, status: next.status, trainer_id: next.trainer_id };
}

/** The client's next booking on this device (for useReplicaQuery). */
export async function nextBookingOn(store: ReplicaStore, clientId: string, now: Date = new Date()): Promise<NextBooking | null> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  return nextBookingOf(await replicaRows<Booking>(store, 'bookings').where('starts_at').aboveOrEqual(since).toArray(), clientId, now);
}

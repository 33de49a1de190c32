/**
 * The trainer's cancellation policy, as the server applies it in
 * `billing.refund_due()` and `public.cancel_booking()` (supabase/migrations/
 * 20261125100000_credit_functions.sql, 20261125100200_booking_functions.sql). The device uses it
 * to show the refund before the person confirms a cancellation or a move; the server decides.
 *
 * Rules:
 * - `always_free`: every cancellation before the start is refunded.
 * - `up_to_12h` / `up_to_24h`: refunded only when cancelled at least 12 h / 24 h before the
 *   start; exactly 12 h (24 h) before still counts as in time.
 * - The trainer cancelling, or a client withdrawing a request the trainer has not answered,
 *   is always refunded.
 * - Nothing can be cancelled once it has started; only active bookings can be cancelled.
 * - A client may reschedule a confirmed booking only while a cancellation would be refunded.
 */

export type CancellationPolicy = 'always_free' | 'up_to_12h' | 'up_to_24h';

export type BookingStatus = 'requested' | 'scheduled' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';

/** The policy a booking without a stored one falls back to (trainer_pricing's default). */
export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = 'up_to_24h';

/** How long before the start a cancellation must come to be refunded, in hours. */
export const REFUND_NOTICE_HOURS: Record<CancellationPolicy, number> = {
  always_free: 0,
  up_to_12h: 12,
  up_to_24h: 24,
};

const HOUR_MS = 3_600_000;

/** The last instant a cancellation is still refunded; null when the policy has no deadline. */
export function refundDeadline(policy: CancellationPolicy | null, startsAt: Date): Date | null {
  const hours = REFUND_NOTICE_HOURS[policy ?? DEFAULT_CANCELLATION_POLICY];
  return hours === 0 ? null : new Date(startsAt.getTime() - hours * HOUR_MS);
}

/** Whether cancelling at `at` is refunded under the policy (the server's billing.refund_due). */
export function isRefundDue(policy: CancellationPolicy | null, startsAt: Date, at: Date): boolean {
  const deadline = refundDeadline(policy, startsAt);
  return deadline === null || at.getTime() <= deadline.getTime();
}

export type CancellationPreview =
  | { allowed: true; refundCredits: number; refundRefused: null | 'too_late_to_cancel' }
  | { allowed: false; refusal: 'booking_not_active' | 'booking_started' };

export type CancellableBooking = {
  status: BookingStatus;
  startsAt: Date;
  creditsSpent: number;
  cancellationPolicy: CancellationPolicy | null;
};

/** What cancel_booking would do if called at `at` by the client (or the trainer). */
export function previewCancellation(booking: CancellableBooking, at: Date, by: 'client' | 'trainer' = 'client'): CancellationPreview {
  if (booking.status !== 'requested' && booking.status !== 'scheduled' && booking.status !== 'confirmed') {
    return { allowed: false, refusal: 'booking_not_active' };
  }
  if (booking.startsAt.getTime() <= at.getTime()) return { allowed: false, refusal: 'booking_started' };
  const refund = by === 'trainer' || booking.status === 'requested' || isRefundDue(booking.cancellationPolicy, booking.startsAt, at);
  return refund
    ? { allowed: true, refundCredits: booking.creditsSpent, refundRefused: null }
    : { allowed: true, refundCredits: 0, refundRefused: 'too_late_to_cancel' };
}

/** Whether the client may still move the booking themselves (reschedule_booking). */
export function canClientReschedule(booking: CancellableBooking, at: Date): boolean {
  const preview = previewCancellation(booking, at, 'client');
  return preview.allowed && (booking.status === 'requested' || preview.refundRefused === null);
}

/**
 * Bookings in words: when a session is, its status, and what cancelling or moving it would do
 * (from refund-policy.ts, shown before the person confirms; the server decides).
 */
import { formatDate } from '@/lib/dates';
import {
  canClientReschedule,
  previewCancellation,
  refundDeadline,
  type CancellableBooking,
  type CancellationPolicy,
} from './refund-policy';

/** "Tue 2 Dec, 10:00" in the given zone (the device's by default), in the app's one date style. */
export function formatWhen(at: Date | string, timeZone?: string): string {
  return formatDate(at, { weekday: true, time: true, timeZone });
}

export const STATUS_TEXT: Record<CancellableBooking['status'], string> = {
  requested: 'Awaiting approval',
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const POLICY_TEXT: Record<CancellationPolicy, string> = {
  always_free: 'Free cancellation any time before the start',
  up_to_12h: 'Free cancellation up to 12 hours before the start',
  up_to_24h: 'Free cancellation up to 24 hours before the start',
};

export type RefundPreviewText = {
  /** Whether the cancel button is offered at all. */
  canCancel: boolean;
  /** The headline: "You get 1 credit back" / "No refund" / "This session cannot be cancelled". */
  title: string;
  detail: string;
  /** Send p_require_refund: the person was shown a refund, so the server must not cancel without one. */
  requireRefund: boolean;
};

/** What cancelling at `now` would do, in words, for the confirmation dialog. */
export function refundPreviewText(
  booking: CancellableBooking,
  now: Date,
  by: 'client' | 'trainer' = 'client',
  timeZone?: string,
): RefundPreviewText {
  const preview = previewCancellation(booking, now, by);
  if (!preview.allowed) {
    return {
      canCancel: false,
      title: 'This session cannot be cancelled',
      detail:
        preview.refusal === 'booking_started' ? 'It has already started.' : `It is already ${STATUS_TEXT[booking.status].toLowerCase()}.`,
      requireRefund: false,
    };
  }
  if (preview.refundRefused) {
    const deadline = refundDeadline(booking.cancellationPolicy, booking.startsAt);
    return {
      canCancel: true,
      title: 'No refund',
      detail: `The trainer's policy refunds cancellations made before ${deadline ? formatWhen(deadline, timeZone) : 'the start'}. The credit stays spent.`,
      requireRefund: false,
    };
  }
  if (preview.refundCredits === 0) {
    return { canCancel: true, title: 'Nothing to refund', detail: 'No credit was spent on this session.', requireRefund: false };
  }
  const credits = `${preview.refundCredits} credit${preview.refundCredits === 1 ? '' : 's'}`;
  const why =
    by === 'trainer'
      ? 'A trainer cancelling always refunds the client.'
      : booking.status === 'requested'
        ? 'The trainer has not answered yet, so withdrawing is free.'
        : POLICY_TEXT[booking.cancellationPolicy ?? 'up_to_24h'] + '.';
  return { canCancel: true, title: `You get ${credits} back`, detail: why, requireRefund: by === 'client' };
}

/** Whether the client may move it, and if not, why. */
export function rescheduleText(booking: CancellableBooking, now: Date): { canMove: boolean; detail: string } {
  if (canClientReschedule(booking, now)) return { canMove: true, detail: 'Pick a new time below. Your credit moves with it.' };
  const preview = previewCancellation(booking, now, 'client');
  if (!preview.allowed)
    return { canMove: false, detail: preview.refusal === 'booking_started' ? 'It has already started.' : 'It is no longer active.' };
  return { canMove: false, detail: "It is too late to move it under the trainer's policy. Ask your trainer to move it." };
}

/** What a client without a subscription gets: the trial's free meeting only while it lasts. */
export function noPlanText(trialEndsAt: string | null, now: number): string {
  if (trialEndsAt && Date.parse(trialEndsAt) > now)
    return `No subscription yet: until your trial ends on ${formatDate(trialEndsAt)} you get Plan 1's free meeting.`;
  return 'No subscription: your trial has ended. Buy sessions from your trainer, or ask them about a plan.';
}

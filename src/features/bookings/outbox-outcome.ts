/**
 * What the person sees for a booking request in the outbox (src/sync/outbox.ts): waiting to be
 * sent (offline), being sent, done (with what the server did), or refused (with the server's
 * reason). Pure: the screens pass the outbox record and render the result.
 */
import { plural } from '@/lib/words';
import { parseRefusal, type BookingRefusalCode } from './model';

/** The server functions the bookings screens send through the outbox. */
export const BOOKING_OUTBOX_FUNCTIONS = [
  'book_session',
  'request_booking',
  'cancel_booking',
  'reschedule_booking',
  'respond_to_booking_request',
  'start_credit_purchase',
  'confirm_manual_payment',
  'decline_manual_payment',
  'adjust_client_credits',
  'set_trainer_pricing',
] as const;
export type BookingOutboxFunction = (typeof BOOKING_OUTBOX_FUNCTIONS)[number];

export function isBookingOutboxFunction(fn: string): fn is BookingOutboxFunction {
  return (BOOKING_OUTBOX_FUNCTIONS as readonly string[]).includes(fn);
}

export type OutboxLike = {
  fn: string;
  label: string;
  status: 'pending' | 'sending' | 'done' | 'refused';
  attempts: number;
  result: unknown;
  error: { code: string; message: string } | null;
};

export type OutboxOutcome = {
  state: 'waiting' | 'sending' | 'done' | 'refused';
  /** One line: what happened to the request. */
  title: string;
  /** The reason or the consequence, for people; null when there is nothing more to say. */
  detail: string | null;
  /** The refusal code when refused ('unknown' for an error without one). */
  refusal: BookingRefusalCode | 'unknown' | null;
};

const DONE_TITLE: Record<BookingOutboxFunction, string> = {
  book_session: 'Booked',
  request_booking: 'Requested',
  cancel_booking: 'Cancelled',
  reschedule_booking: 'Moved',
  respond_to_booking_request: 'Sent',
  start_credit_purchase: 'Purchase started',
  confirm_manual_payment: 'Marked received',
  decline_manual_payment: 'Marked not received',
  adjust_client_credits: 'Credits changed',
  set_trainer_pricing: 'Prices saved',
};

const REFUSED_TITLE: Record<BookingOutboxFunction, string> = {
  book_session: 'Not booked',
  request_booking: 'Not requested',
  cancel_booking: 'Not cancelled',
  reschedule_booking: 'Not moved',
  respond_to_booking_request: 'Not answered',
  start_credit_purchase: 'Purchase not started',
  confirm_manual_payment: 'Not marked received',
  decline_manual_payment: 'Not marked',
  adjust_client_credits: 'Credits not changed',
  set_trainer_pricing: 'Prices not saved',
};

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** What the server's result means, in words (null when the title says it all). */
function doneDetail(fn: string, result: unknown): string | null {
  const r = record(result);
  if (!r) return null;
  const booking = record(r.booking);
  const balance = typeof r.balance === 'number' ? r.balance : null;
  const balanceText = balance === null ? '' : ` You have ${plural(balance, 'credit')} left.`;
  switch (fn) {
    case 'book_session':
    case 'request_booking': {
      const status = booking?.status === 'requested' ? 'Waiting for your trainer to approve.' : 'Confirmed.';
      const trial = r.free_trial === true ? ' Free trial session: no credit used.' : '';
      return `${status}${trial}${balanceText}`.trim();
    }
    case 'cancel_booking': {
      const refunded = typeof r.refunded === 'number' ? r.refunded : 0;
      if (r.refund_refused === 'too_late_to_cancel') return `No refund: it was too late under the trainer's policy.${balanceText}`.trim();
      return `${refunded > 0 ? `${plural(refunded, 'credit')} refunded.` : 'No credit was spent on it.'}${balanceText}`.trim();
    }
    case 'reschedule_booking':
      return 'Same credit, new time.';
    case 'respond_to_booking_request': {
      if (booking?.status === 'confirmed') return 'Approved: the session is confirmed.';
      const refunded = typeof r.refunded === 'number' ? r.refunded : 0;
      return `Declined${refunded > 0 ? `: ${plural(refunded, 'credit')} refunded to the client` : ''}.`;
    }
    case 'start_credit_purchase':
      return 'Waiting for the payment to be confirmed; the credits arrive then.';
    case 'confirm_manual_payment': {
      const granted = typeof r.credits_granted === 'number' ? r.credits_granted : 0;
      return granted > 0 ? `${plural(granted, 'credit')} added to the client's balance.` : 'It was already marked received: nothing added.';
    }
    case 'decline_manual_payment':
      return 'No credits were added.';
    case 'adjust_client_credits':
      return balance === null ? null : `The client now has ${plural(balance, 'credit')} with you.`;
    case 'set_trainer_pricing':
      return 'Clients see the new prices; sessions already booked keep the policy they were booked under.';
    default:
      return null;
  }
}

/** The outcome to show for one outbox record. */
export function describeOutboxRecord(item: OutboxLike): OutboxOutcome {
  const fn = item.fn;
  const known = isBookingOutboxFunction(fn);
  if (item.status === 'pending') {
    return {
      state: 'waiting',
      title: `Waiting to send: ${item.label}`,
      detail:
        item.attempts > 0
          ? 'No connection. It will be sent when you are back online.'
          : 'It will be sent as soon as there is a connection.',
      refusal: null,
    };
  }
  if (item.status === 'sending') return { state: 'sending', title: `Sending: ${item.label}`, detail: null, refusal: null };
  if (item.status === 'done') {
    return {
      state: 'done',
      title: `${known ? DONE_TITLE[fn] : 'Done'}: ${item.label}`,
      detail: doneDetail(fn, item.result),
      refusal: null,
    };
  }
  const refusal = parseRefusal({ message: item.error?.message ?? '', details: null });
  const reason = refusal.code === 'unknown' ? item.error?.message || 'The server refused it.' : refusal.message;
  return {
    state: 'refused',
    title: `${known ? REFUSED_TITLE[fn] : 'Refused'}: ${item.label}`,
    detail: capitalize(reason.endsWith('.') ? reason : `${reason}.`),
    refusal: refusal.code,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The booking and credit server functions as the device sees them (supabase/migrations/
 * 20261125100000_credit_functions.sql .. 20261125100200_booking_functions.sql): zod models of
 * their arguments (PostgREST matches them by name, hence the p_ prefixes) and of their results,
 * and the refusals they answer with.
 *
 * Every retryable call carries an idempotency key (a uuid made once per user action and sent
 * again on every retry): the server answers a retry with the first result and "replayed": true.
 * A refusal is a PostgREST error whose message is "<code>: <text>" (SQLSTATE P0001, HTTP 400)
 * and whose details field is the code; parseRefusal() turns it into a BookingRefusal.
 */
import { z } from 'zod';
import { bookingModel, cancellationPolicyModel, paymentModel } from '@/sync/replicas';

export { bookingModel, bookingStatusModel, cancellationPolicyModel, paymentModel, type Booking } from '@/sync/replicas';

const instant = z.iso.datetime({ offset: true });
const calendarDay = z.iso.date();
const id = z.uuid();
export const idempotencyKey = z.uuid();

export const creditPackModel = z.enum(['single', 'pack5', 'pack10']);
export const paymentProviderModel = z.enum(['manual', 'stripe']);

/** Every refusal code the functions use; `unknown` stands for anything else (a bug, a network error). */
export const BOOKING_REFUSAL_CODES = [
  'invalid_argument',
  'not_authenticated',
  'forbidden',
  'idempotency_conflict',
  'not_your_trainer',
  'slot_in_past',
  'outside_availability',
  'slot_taken',
  'client_busy',
  'no_credits',
  'not_your_booking',
  'booking_not_active',
  'booking_started',
  'booking_not_started',
  'too_late_to_cancel',
  'too_late_to_reschedule',
  'not_a_request',
  'group_session_not_found',
  'group_session_closed',
  'already_joined',
  'not_joined',
  'group_full',
  'pack_not_offered',
  'payment_not_found',
  'payment_not_pending',
  'not_your_client',
] as const;
export const bookingRefusalCodeModel = z.enum(BOOKING_REFUSAL_CODES);
export type BookingRefusalCode = z.infer<typeof bookingRefusalCodeModel>;

export type BookingRefusal = {
  code: BookingRefusalCode | 'unknown';
  /** The server's text for people, without the code. */
  message: string;
  hint: string | null;
};

/** Reads a PostgREST error (`{ code, message, details, hint }`) into a refusal. */
export function parseRefusal(error: { message?: string | null; details?: string | null; hint?: string | null }): BookingRefusal {
  const message = error.message ?? '';
  const match = /^([a-z_]+): (.*)$/s.exec(message);
  const parsed = bookingRefusalCodeModel.safeParse(match?.[1] ?? error.details);
  return {
    code: parsed.success ? parsed.data : 'unknown',
    message: match?.[2] ?? message,
    hint: error.hint || null,
  };
}

/** Refusals that will not change by sending the same request again (the outbox drops them). */
export function isFinalRefusal(refusal: BookingRefusal): boolean {
  return refusal.code !== 'unknown';
}

// Arguments ---------------------------------------------------------------------------------------

export const bookSessionArgsModel = z.object({ p_trainer_id: id, p_starts_at: instant, p_idempotency_key: idempotencyKey });
export const requestBookingArgsModel = bookSessionArgsModel.extend({ p_message: z.string().max(2000).nullable().optional() });
export const respondToBookingRequestArgsModel = z.object({
  p_booking_id: id,
  p_approve: z.boolean(),
  p_idempotency_key: idempotencyKey,
  p_reason: z.string().max(500).nullable().optional(),
});
export const cancelBookingArgsModel = z.object({
  p_booking_id: id,
  p_idempotency_key: idempotencyKey,
  /** True when the person was shown a refund: the server then refuses (too_late_to_cancel) rather than cancel without one. */
  p_require_refund: z.boolean().optional(),
  p_reason: z.string().max(500).nullable().optional(),
});
export const rescheduleBookingArgsModel = z.object({ p_booking_id: id, p_new_starts_at: instant, p_idempotency_key: idempotencyKey });
export const markBookingStatusArgsModel = z.object({ p_booking_id: id, p_status: z.enum(['completed', 'no_show']) });
export const bookableSlotsArgsModel = z.object({ p_trainer_id: id, p_from: calendarDay, p_to: calendarDay });
export const startCreditPurchaseArgsModel = z.object({
  p_trainer_id: id,
  p_pack: creditPackModel,
  p_idempotency_key: idempotencyKey,
  p_provider: paymentProviderModel.optional(),
});
export const settleManualPaymentArgsModel = z.object({ p_payment_id: id, p_idempotency_key: idempotencyKey });
export const adjustClientCreditsArgsModel = z.object({
  p_client_id: id,
  p_credits: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((n) => n !== 0),
  p_idempotency_key: idempotencyKey,
  p_note: z.string().max(200).nullable().optional(),
});
const priceCents = z.number().int().min(0).max(10_000_000).nullable();
export const setTrainerPricingArgsModel = z.object({
  p_currency: z.string().regex(/^[A-Z]{3}$/),
  p_single_cents: priceCents,
  p_five_pack_cents: priceCents,
  p_ten_pack_cents: priceCents,
  p_cancellation_policy: cancellationPolicyModel,
  p_free_trial_session: z.boolean(),
  p_trial_sessions_per_week: z.number().int().min(0).max(50),
  p_idempotency_key: idempotencyKey,
});
export const creditBalanceArgsModel = z.object({ p_client_id: id.optional(), p_trainer_id: id.optional() });
export const createGroupSessionArgsModel = z.object({
  p_title: z.string().trim().min(1).max(120),
  p_starts_at: instant,
  p_ends_at: instant,
  p_capacity: z.number().int().min(1).max(1000),
  p_idempotency_key: idempotencyKey,
  p_credits_per_seat: z.number().int().min(0).max(100).optional(),
  p_description: z.string().nullable().optional(),
  p_location: z.string().nullable().optional(),
});
export const joinGroupSessionArgsModel = z.object({ p_group_session_id: id, p_idempotency_key: idempotencyKey });
export const leaveGroupSessionArgsModel = joinGroupSessionArgsModel.extend({ p_require_refund: z.boolean().optional() });

export type BookSessionArgs = z.infer<typeof bookSessionArgsModel>;
export type CancelBookingArgs = z.infer<typeof cancelBookingArgsModel>;
export type RescheduleBookingArgs = z.infer<typeof rescheduleBookingArgsModel>;

// Results -----------------------------------------------------------------------------------------


const replayed = z.boolean();
/** What the client can spend with the trainer afterwards (platform credits + that trainer's). */
const balance = z.number().int().min(0);

export const bookSessionResultModel = z.object({ booking: bookingModel, free_trial: z.boolean(), balance, replayed });
export type BookSessionResult = z.infer<typeof bookSessionResultModel>;

export const cancelBookingResultModel = z.object({
  booking: bookingModel,
  refunded: z.number().int().min(0),
  refund_refused: z.literal('too_late_to_cancel').nullable(),
  /** Null when the trainer cancelled. */
  balance: balance.nullable(),
  replayed,
});
export type CancelBookingResult = z.infer<typeof cancelBookingResultModel>;

export const rescheduleBookingResultModel = z.object({
  booking: bookingModel,
  previous_starts_at: instant,
  balance: balance.nullable(),
  replayed,
});
export const respondToBookingRequestResultModel = z.object({ booking: bookingModel, refunded: z.number().int().min(0), replayed });
export const markBookingStatusResultModel = z.object({ booking: bookingModel });

export const bookableSlotModel = z.object({ starts_at: instant, ends_at: instant });
export const bookableSlotsResultModel = z.array(bookableSlotModel);

export const startCreditPurchaseResultModel = z.object({ payment: paymentModel, replayed });
export const markPaymentSucceededResultModel = z.object({
  payment: paymentModel,
  credits_granted: z.number().int().min(0),
  balance: z.number().int(),
});
export const grantMonthlyCreditsResultModel = z.object({
  client_id: id,
  period_key: z.string().regex(/^\d{4}-\d{2}$/),
  credits_granted: z.number().int().min(0),
  balance: z.number().int(),
});
export const creditBalanceResultModel = z.number().int().min(0);

export const groupSessionAttendeeModel = z.object({
  id,
  group_session_id: id,
  client_id: id,
  trainer_id: id.nullable(),
  status: z.enum(['registered', 'attended', 'no_show', 'cancelled']),
  credits_spent: z.number().int().min(0),
  server_rev: z.number().int(),
});
export const joinGroupSessionResultModel = z.object({
  attendee: groupSessionAttendeeModel,
  seats_taken: z.number().int().min(1),
  capacity: z.number().int().min(1),
  balance,
  replayed,
});
export const leaveGroupSessionResultModel = z.object({
  attendee: groupSessionAttendeeModel,
  refunded: z.number().int().min(0),
  refund_refused: z.literal('too_late_to_cancel').nullable(),
  balance,
  replayed,
});
export const createGroupSessionResultModel = z.object({
  group_session: z.object({
    id,
    trainer_id: id,
    title: z.string(),
    starts_at: instant,
    ends_at: instant,
    capacity: z.number().int(),
    credits_per_seat: z.number().int(),
  }),
  booking: bookingModel,
  replayed,
});

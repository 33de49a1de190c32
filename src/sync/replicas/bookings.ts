/**
 * The bookings replica: the user's bookings (from 120 days ago on), credit ledger, payments and
 * the trainer's weekly windows and exceptions, as RLS lets the user read them. Only server
 * functions write these tables; the device asks for changes through the outbox.
 */
import { z } from 'zod';
import { defineReplica, replicaTable } from './define';

const instant = z.iso.datetime({ offset: true });
const id = z.uuid();
const DAY_MS = 86_400_000;

/** Bookings from this many days ago on are kept on the device. */
export const BOOKINGS_SINCE_DAYS = 120;

export const cancellationPolicyModel = z.enum(['always_free', 'up_to_12h', 'up_to_24h']);
export const bookingStatusModel = z.enum(['requested', 'scheduled', 'confirmed', 'completed', 'cancelled', 'no_show']);

export const bookingModel = z.object({
  id,
  trainer_id: id,
  client_id: id.nullable(),
  kind: z.enum(['one_to_one', 'group']),
  group_session_id: id.nullable(),
  starts_at: instant,
  ends_at: instant,
  status: bookingStatusModel,
  credits_spent: z.number().int().min(0),
  cancellation_policy: cancellationPolicyModel.nullable(),
  cancelled_at: instant.nullable(),
  cancel_reason: z.string().nullable(),
  notes: z.string().nullable(),
  server_rev: z.number().int(),
});
export type Booking = z.infer<typeof bookingModel>;

export const paymentModel = z.object({
  id,
  client_id: id,
  trainer_id: id.nullable(),
  purpose: z.enum(['subscription', 'credit_pack', 'session', 'other']),
  amount_cents: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  provider: z.string(),
  provider_ref: z.string().nullable(),
  status: z.enum(['pending', 'succeeded', 'failed', 'refunded']),
  credits_purchased: z.number().int().nullable(),
  paid_at: instant.nullable(),
  created_at: instant,
});
export const paymentRowModel = paymentModel.extend({ description: z.string().nullable() });
export type PaymentRow = z.infer<typeof paymentRowModel>;

export const ledgerRowModel = z.object({
  id,
  client_id: id,
  trainer_id: id.nullable(),
  delta: z.number().int(),
  reason: z.enum(['grant', 'purchase', 'spend', 'refund', 'adjustment']),
  booking_id: id.nullable(),
  payment_id: id.nullable(),
  period_key: z.string().nullable(),
  note: z.string().nullable(),
  created_at: instant,
});
export type LedgerRow = z.infer<typeof ledgerRowModel>;

export const windowRowModel = z.object({
  id,
  trainer_id: id,
  day_of_week: z.number().int().min(0).max(6),
  start_time: z.string(),
  end_time: z.string(),
  timezone: z.string(),
  session_minutes: z.number().int(),
  break_minutes: z.number().int(),
  effective_from: z.string().nullable(),
  effective_until: z.string().nullable(),
});
export type WindowRow = z.infer<typeof windowRowModel>;

export const exceptionRowModel = z.object({
  id,
  trainer_id: id,
  exception_date: z.string(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  timezone: z.string(),
  reason: z.string().nullable(),
});
export type ExceptionRow = z.infer<typeof exceptionRowModel>;

function daysAgo(now: Date, days: number): string {
  const since = new Date(now.getTime() - days * DAY_MS);
  since.setUTCHours(0, 0, 0, 0);
  return since.toISOString();
}

export const bookingsReplica = defineReplica({
  name: 'bookings',
  tables: [
    replicaTable({
      table: 'bookings',
      model: bookingModel,
      instants: ['starts_at', 'ends_at', 'cancelled_at'],
      indexes: ['starts_at', 'status'],
      scope: ({ now }) => ({ column: 'starts_at', since: daysAgo(now, BOOKINGS_SINCE_DAYS) }),
    }),
    replicaTable({ table: 'credit_ledger', model: ledgerRowModel, instants: ['created_at'], indexes: ['created_at', 'client_id'] }),
    replicaTable({ table: 'payments', model: paymentRowModel, instants: ['paid_at', 'created_at'], indexes: ['created_at'] }),
    replicaTable({ table: 'trainer_availability', model: windowRowModel, instants: [], indexes: ['trainer_id'] }),
    replicaTable({
      table: 'availability_exceptions',
      model: exceptionRowModel,
      instants: [],
      indexes: ['exception_date', 'trainer_id'],
      scope: ({ now }) => ({ column: 'exception_date', since: daysAgo(now, 1) }),
    }),
  ],
});

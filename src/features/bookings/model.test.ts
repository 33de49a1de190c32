import { describe, expect, it } from 'vitest';
import {
  BOOKING_REFUSAL_CODES,
  bookSessionArgsModel,
  bookSessionResultModel,
  cancelBookingArgsModel,
  cancelBookingResultModel,
  isFinalRefusal,
  joinGroupSessionResultModel,
  markPaymentSucceededResultModel,
  parseRefusal,
  startCreditPurchaseResultModel,
} from './model';

const TRAINER = '0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';
const CLIENT = '0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c';
const BOOKING = '0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7d';
const KEY = '6f1c1d8e-2b47-4c3a-9a0e-3f5b8c9d0e1f';

/** A booking as the functions return it (Postgres renders timestamptz in jsonb with an offset). */
const booking = {
  id: BOOKING,
  trainer_id: TRAINER,
  client_id: CLIENT,
  kind: 'one_to_one',
  group_session_id: null,
  starts_at: '2027-03-28T08:00:00+00:00',
  ends_at: '2027-03-28T09:00:00+00:00',
  status: 'confirmed',
  credits_spent: 1,
  cancellation_policy: 'up_to_24h',
  cancelled_at: null,
  cancel_reason: null,
  notes: null,
  server_rev: 1042,
};

describe('the server functions’ results parse', () => {
  it.each([
    { name: 'book_session', model: bookSessionResultModel, value: { booking, free_trial: false, balance: 2, replayed: false } },
    {
      name: 'cancel_booking, too late for a refund',
      model: cancelBookingResultModel,
      value: {
        booking: {
          ...booking,
          status: 'cancelled',
          cancelled_at: '2027-03-27T20:01:00.123456+00:00',
          cancel_reason: 'cancelled_by_client',
        },
        refunded: 0,
        refund_refused: 'too_late_to_cancel',
        balance: 0,
        replayed: true,
      },
    },
    {
      name: 'start_credit_purchase',
      model: startCreditPurchaseResultModel,
      value: {
        payment: {
          id: BOOKING,
          client_id: CLIENT,
          trainer_id: TRAINER,
          purpose: 'credit_pack',
          amount_cents: 22500,
          currency: 'GBP',
          provider: 'manual',
          provider_ref: null,
          status: 'pending',
          credits_purchased: 5,
          paid_at: null,
          created_at: '2026-11-25T11:00:00.5+00:00',
        },
        replayed: false,
      },
    },
    {
      name: 'mark_payment_succeeded',
      model: markPaymentSucceededResultModel,
      value: {
        payment: {
          id: BOOKING,
          client_id: CLIENT,
          trainer_id: TRAINER,
          purpose: 'credit_pack',
          amount_cents: 5000,
          currency: 'USD',
          provider: 'stripe',
          provider_ref: 'pi_3Nx',
          status: 'succeeded',
          credits_purchased: 1,
          paid_at: '2026-11-25T11:00:01+00:00',
          created_at: '2026-11-25T11:00:00+00:00',
        },
        credits_granted: 1,
        balance: 3,
      },
    },
    {
      name: 'join_group_session',
      model: joinGroupSessionResultModel,
      value: {
        attendee: {
          id: BOOKING,
          group_session_id: TRAINER,
          client_id: CLIENT,
          trainer_id: TRAINER,
          status: 'registered',
          credits_spent: 1,
          server_rev: 7,
        },
        seats_taken: 3,
        capacity: 8,
        balance: 0,
        replayed: false,
      },
    },
  ])('$name', ({ model, value }) => {
    expect(model.safeParse(value).success).toBe(true);
  });

  it('refuses a result with an unknown status', () => {
    expect(
      bookSessionResultModel.safeParse({ booking: { ...booking, status: 'pending' }, free_trial: false, balance: 0, replayed: false })
        .success,
    ).toBe(false);
  });
});

describe('arguments', () => {
  it('need a uuid idempotency key', () => {
    expect(
      bookSessionArgsModel.safeParse({ p_trainer_id: TRAINER, p_starts_at: '2027-03-28T08:00:00Z', p_idempotency_key: KEY }).success,
    ).toBe(true);
    expect(
      bookSessionArgsModel.safeParse({ p_trainer_id: TRAINER, p_starts_at: '2027-03-28T08:00:00Z', p_idempotency_key: 'retry-1' }).success,
    ).toBe(false);
    expect(cancelBookingArgsModel.safeParse({ p_booking_id: BOOKING, p_idempotency_key: KEY, p_require_refund: true }).success).toBe(true);
  });
});

describe('parseRefusal', () => {
  it.each([
    {
      error: {
        code: 'P0001',
        message: 'slot_taken: that time has just been booked by someone else',
        details: 'slot_taken',
        hint: 'Pick another time.',
      },
      expected: { code: 'slot_taken', message: 'that time has just been booked by someone else', hint: 'Pick another time.' },
    },
    {
      error: { code: 'P0001', message: 'no_credits: this needs 1 credit(s) and you have 0', details: 'no_credits', hint: null },
      expected: { code: 'no_credits', message: 'this needs 1 credit(s) and you have 0', hint: null },
    },
    {
      error: { code: '42501', message: 'permission denied for function mark_payment_succeeded', details: null, hint: null },
      expected: { code: 'unknown', message: 'permission denied for function mark_payment_succeeded', hint: null },
    },
    { error: { message: 'TypeError: fetch failed' }, expected: { code: 'unknown', message: 'TypeError: fetch failed', hint: null } },
  ])('$error.message', ({ error, expected }) => {
    expect(parseRefusal(error)).toEqual(expected);
  });

  it('knows every code as final, and nothing else', () => {
    for (const code of BOOKING_REFUSAL_CODES) expect(isFinalRefusal(parseRefusal({ message: `${code}: x`, details: code }))).toBe(true);
    expect(isFinalRefusal(parseRefusal({ message: 'upstream connect error' }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { exceptionRowModel, ledgerRowModel, paymentRowModel, windowRowModel } from './booking-replica';
import { bookingModel } from './model';

// Rows as PostgREST sends them (timestamptz with +00:00 and microseconds, time as HH:MM:SS).
const ids = {
  a: '00000000-0000-4000-8000-000000000001',
  b: '00000000-0000-4000-8000-000000000002',
  c: '019ad0f2-1111-7000-8000-000000000003',
};

describe('replica row models parse what PostgREST sends', () => {
  it.each([
    [
      'a booking',
      bookingModel,
      {
        id: ids.c,
        trainer_id: ids.a,
        client_id: ids.b,
        kind: 'one_to_one',
        group_session_id: null,
        starts_at: '2026-12-02T10:00:00+00:00',
        ends_at: '2026-12-02T11:00:00+00:00',
        status: 'confirmed',
        credits_spent: 1,
        cancellation_policy: 'up_to_24h',
        cancelled_at: null,
        cancel_reason: null,
        notes: null,
        server_rev: 42,
      },
    ],
    [
      'a ledger entry',
      ledgerRowModel,
      {
        id: ids.c,
        client_id: ids.b,
        trainer_id: null,
        delta: 1,
        reason: 'grant',
        booking_id: null,
        payment_id: null,
        period_key: '2026-12',
        note: 'Free meetings for 2026-12 (plan1)',
        created_at: '2026-12-01T08:00:00.123456+00:00',
      },
    ],
    [
      'a pending payment',
      paymentRowModel,
      {
        id: ids.c,
        client_id: ids.b,
        trainer_id: ids.a,
        purpose: 'credit_pack',
        amount_cents: 27500,
        currency: 'GBP',
        provider: 'manual',
        provider_ref: null,
        status: 'pending',
        credits_purchased: 5,
        paid_at: null,
        created_at: '2026-12-01T08:00:00.5+00:00',
        description: '5 session credit(s)',
      },
    ],
    [
      'a weekly window',
      windowRowModel,
      {
        id: ids.c,
        trainer_id: ids.a,
        day_of_week: 1,
        start_time: '07:00:00',
        end_time: '12:00:00',
        timezone: 'Europe/London',
        session_minutes: 60,
        break_minutes: 15,
        effective_from: null,
        effective_until: null,
      },
    ],
    [
      'an exception',
      exceptionRowModel,
      { id: ids.c, trainer_id: ids.a, exception_date: '2026-12-24', start_time: null, end_time: null, timezone: 'UTC', reason: null },
    ],
  ] as const)('%s', (_name, model, row) => {
    expect(model.safeParse(row).success).toBe(true);
  });

  it('refuses a ledger entry with an unknown reason', () => {
    expect(
      ledgerRowModel.safeParse({
        id: ids.c,
        client_id: ids.b,
        trainer_id: null,
        delta: 1,
        reason: 'gift',
        booking_id: null,
        payment_id: null,
        period_key: null,
        note: null,
        created_at: '2026-12-01T08:00:00+00:00',
      }).success,
    ).toBe(false);
  });
});

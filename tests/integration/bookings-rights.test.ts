/**
 * Issue 9: who may do what through the booking and credit functions (real JWTs through
 * /rest/v1), and the flows around them: only the payment webhook (service role) marks payments
 * paid; only a trainer's active client books, buys or joins; only the booking's client or
 * trainer cancels or moves it; requests hold their slot until the trainer answers; group
 * sessions stop at their capacity; the ledger refuses to go below zero whoever writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantMonthlyCreditsResultModel, markBookingStatusResultModel, parseRefusal } from '@/features/bookings/model';
import {
  addAllDayWindows,
  addCredits,
  bucketSums,
  connectAll,
  createUsers,
  key,
  openDb,
  rpc,
  rpcOk,
  setPricing,
  type BookResult,
  type Db,
} from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { anonClient, serviceClient, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let T: TestUser; // trainer of A, B, C
let U: TestUser; // a trainer with no relationship to them
let F: TestUser; // a trainer who offers a free first session, of A and B
let A: TestUser;
let B: TestUser;
let C: TestUser;
let S: TestUser; // a client of nobody

const HOUR = 3_600_000;
const slotAt = (n: number): string => new Date((Math.floor(Date.now() / HOUR) + 48 + n) * HOUR).toISOString();
/** The Monday (UTC) starting the week of an instant: free trial sessions are capped per such week. */
const mondayOf = (iso: string): string => {
  const d = new Date(iso.slice(0, 10));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [T, U, F] = (await createUsers(stack, 'trainer', 3)) as [TestUser, TestUser, TestUser];
  [A, B, C, S] = (await createUsers(stack, 'client', 4)) as [TestUser, TestUser, TestUser, TestUser];
  await connectAll([T], [A, B, C]);
  await connectAll([F], [A, B]);
  await setPricing(T, { cancellationPolicy: 'always_free', tenPackCents: null });
  await setPricing(U, {});
  await setPricing(F, { freeTrialSession: true, trialSessionsPerWeek: 1 });
  await Promise.all([T, U, F].map((t) => addAllDayWindows(t, 60)));
  await Promise.all([A, B, C].map((c) => addCredits(db, c.id, T.id, 3)));
  await Promise.all([A, B].map((c) => addCredits(db, c.id, F.id, 2)));
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('payments', () => {
  it('a client cannot mark their own payment succeeded; the webhook (service role) can, once', async () => {
    const started = await rpcOk<{ payment: { id: string } }>(A.client, 'start_credit_purchase', {
      p_trainer_id: T.id,
      p_pack: 'single',
      p_idempotency_key: key(),
    });
    const forged = await rpc(A.client, 'mark_payment_succeeded', { p_payment_id: started.payment.id, p_provider_ref: 'pi_forged' });
    expect(forged.error).not.toBeNull();
    expect(forged.error?.code).toBe('42501'); // permission denied for function
    expect((await rpc(A.client, 'mark_payment_failed', { p_payment_id: started.payment.id })).error?.code).toBe('42501');
    expect(
      (await rpc(anonClient(stack), 'mark_payment_succeeded', { p_payment_id: started.payment.id, p_provider_ref: 'x' })).error,
    ).not.toBeNull();
    const { rows } = await db.query<{ status: string; n: number }>(
      `select p.status, (select count(*)::int from public.credit_ledger l where l.payment_id = p.id) as n from public.payments p where p.id = $1`,
      [started.payment.id],
    );
    expect(rows[0]).toEqual({ status: 'pending', n: 0 });

    const service = serviceClient(stack);
    const paid = await rpcOk<{ credits_granted: number; balance: number }>(service, 'mark_payment_succeeded', {
      p_payment_id: started.payment.id,
      p_provider_ref: 'pi_123',
    });
    expect(paid).toMatchObject({ credits_granted: 1, balance: 4 });
    const again = await rpc(service, 'mark_payment_succeeded', { p_payment_id: started.payment.id, p_provider_ref: 'pi_other' });
    expect(again.code).toBe('idempotency_conflict');
    expect((await rpc(service, 'mark_payment_failed', { p_payment_id: started.payment.id })).code).toBe('payment_not_pending');
  });

  it('a failed payment grants nothing', async () => {
    const started = await rpcOk<{ payment: { id: string } }>(B.client, 'start_credit_purchase', {
      p_trainer_id: T.id,
      p_pack: 'pack5',
      p_idempotency_key: key(),
    });
    const service = serviceClient(stack);
    expect(await rpcOk(service, 'mark_payment_failed', { p_payment_id: started.payment.id, p_provider_ref: 'pi_declined' })).toMatchObject({
      payment: { status: 'failed' },
    });
    expect((await rpc(service, 'mark_payment_succeeded', { p_payment_id: started.payment.id, p_provider_ref: 'pi_declined' })).code).toBe(
      'payment_not_pending',
    );
    expect((await bucketSums(db, B.id))[T.id]).toBe(3);
  });

  it('a pack the trainer does not sell is refused; so is buying from a stranger', async () => {
    expect((await rpc(A.client, 'start_credit_purchase', { p_trainer_id: T.id, p_pack: 'pack10', p_idempotency_key: key() })).code).toBe(
      'pack_not_offered',
    );
    expect((await rpc(A.client, 'start_credit_purchase', { p_trainer_id: T.id, p_pack: 'pack7', p_idempotency_key: key() })).code).toBe(
      'invalid_argument',
    );
    expect((await rpc(A.client, 'start_credit_purchase', { p_trainer_id: U.id, p_pack: 'single', p_idempotency_key: key() })).code).toBe(
      'not_your_trainer',
    );
  });

  it('only the schedule grants everyone’s monthly credits', async () => {
    expect((await rpc(A.client, 'grant_monthly_credits_all', {})).error?.code).toBe('42501');
    expect((await rpc(A.client, 'grant_monthly_credits', { p_client_id: B.id })).code).toBe('forbidden');
    const count = await rpcOk<number>(serviceClient(stack), 'grant_monthly_credits_all', {});
    expect(count).toBeGreaterThan(0);
    expect(await rpcOk<number>(serviceClient(stack), 'grant_monthly_credits_all', {})).toBe(0);
  });
});

describe('only a trainer’s active client books with them', () => {
  it('a client of nobody is refused everywhere with not_your_trainer', async () => {
    const args = { p_trainer_id: T.id, p_starts_at: slotAt(1), p_idempotency_key: key() };
    expect((await rpc(S.client, 'book_session', args)).code).toBe('not_your_trainer');
    expect((await rpc(S.client, 'request_booking', { ...args, p_idempotency_key: key() })).code).toBe('not_your_trainer');
    expect(
      (await rpc(S.client, 'bookable_slots', { p_trainer_id: T.id, p_from: slotAt(0).slice(0, 10), p_to: slotAt(0).slice(0, 10) })).code,
    ).toBe('not_your_trainer');
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.bookings where client_id = $1`, [S.id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('a client who left the roster can no longer book', async () => {
    const { error } = await C.client.from('trainer_clients').update({ status: 'removed' }).eq('client_id', C.id).eq('trainer_id', T.id);
    expect(error).toBeNull();
    expect((await rpc(C.client, 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(1), p_idempotency_key: key() })).code).toBe(
      'not_your_trainer',
    );
  });

  it('anon cannot call the booking functions at all', async () => {
    const refused = await rpc(anonClient(stack), 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(1), p_idempotency_key: key() });
    expect(refused.error?.code).toBe('42501');
  });
});

describe('only the booking’s client or trainer touches it', () => {
  let bookingId: string;

  beforeAll(async () => {
    bookingId = (
      await rpcOk<BookResult>(A.client, 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(2), p_idempotency_key: key() })
    ).booking.id;
  });

  it('another client cannot cancel or move it: not_your_booking', async () => {
    const cancel = await rpc(B.client, 'cancel_booking', { p_booking_id: bookingId, p_idempotency_key: key() });
    expect(cancel.code).toBe('not_your_booking');
    expect(parseRefusal(cancel.error ?? {})).toMatchObject({ code: 'not_your_booking', message: 'you have no booking with this id' });
    expect(
      (await rpc(B.client, 'reschedule_booking', { p_booking_id: bookingId, p_new_starts_at: slotAt(3), p_idempotency_key: key() })).code,
    ).toBe('not_your_booking');
  });

  it('another trainer cannot either, nor can a client answer or mark it', async () => {
    expect((await rpc(U.client, 'cancel_booking', { p_booking_id: bookingId, p_idempotency_key: key() })).code).toBe('not_your_booking');
    expect(
      (await rpc(A.client, 'respond_to_booking_request', { p_booking_id: bookingId, p_approve: true, p_idempotency_key: key() })).code,
    ).toBe('not_your_booking');
    expect((await rpc(A.client, 'mark_booking_status', { p_booking_id: bookingId, p_status: 'completed' })).code).toBe('not_your_booking');
    const { rows } = await db.query<{ status: string }>('select status from public.bookings where id = $1', [bookingId]);
    expect(rows[0]?.status).toBe('confirmed');
  });

  it('a trainer sees what a client can spend with them, not another client’s balance', async () => {
    expect(await rpcOk<number>(T.client, 'credit_balance', { p_client_id: A.id })).toBe(
      await rpcOk<number>(A.client, 'credit_balance', { p_trainer_id: T.id }),
    );
    expect((await rpc(U.client, 'credit_balance', { p_client_id: A.id })).code).toBe('forbidden');
    expect((await rpc(B.client, 'credit_balance', { p_client_id: A.id })).code).toBe('forbidden');
  });

  it('the trainer marks a session completed or no-show only once it has started', async () => {
    expect((await rpc(T.client, 'mark_booking_status', { p_booking_id: bookingId, p_status: 'completed' })).code).toBe(
      'booking_not_started',
    );
    // A session that took place yesterday (what the calendar would hold by now).
    const { rows } = await db.query<{ id: string }>(
      `insert into public.bookings (trainer_id, client_id, starts_at, ends_at, status, credits_spent, cancellation_policy)
       values ($1, $2, now() - interval '1 day', now() - interval '23 hours', 'confirmed', 1, 'always_free') returning id`,
      [T.id, A.id],
    );
    const past = rows[0]?.id;
    const done = markBookingStatusResultModel.parse(
      await rpcOk(T.client, 'mark_booking_status', { p_booking_id: past, p_status: 'completed' }),
    );
    expect(done.booking.status).toBe('completed');
    expect(
      (await rpcOk<{ booking: { status: string } }>(T.client, 'mark_booking_status', { p_booking_id: past, p_status: 'no_show' })).booking
        .status,
    ).toBe('no_show');
    expect((await rpc(T.client, 'mark_booking_status', { p_booking_id: past, p_status: 'cancelled' })).code).toBe('invalid_argument');
    expect((await rpc(A.client, 'cancel_booking', { p_booking_id: past, p_idempotency_key: key() })).code).toBe('booking_not_active');
  });
});

describe('booking requests (seed 002)', () => {
  it('a request holds the slot and the credit; approval confirms it', async () => {
    const before = await rpcOk<number>(B.client, 'credit_balance', { p_trainer_id: T.id });
    const requested = await rpcOk<BookResult>(B.client, 'request_booking', {
      p_trainer_id: T.id,
      p_starts_at: slotAt(5),
      p_idempotency_key: key(),
      p_message: 'First session?',
    });
    expect(requested.booking).toMatchObject({ status: 'requested', notes: 'First session?' });
    expect(requested.balance).toBe(before - 1);
    expect((await rpc(A.client, 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(5), p_idempotency_key: key() })).code).toBe(
      'slot_taken',
    );
    const approved = await rpcOk<{ booking: { status: string } }>(T.client, 'respond_to_booking_request', {
      p_booking_id: requested.booking.id,
      p_approve: true,
      p_idempotency_key: key(),
    });
    expect(approved.booking.status).toBe('confirmed');
    expect(
      (
        await rpc(T.client, 'respond_to_booking_request', {
          p_booking_id: requested.booking.id,
          p_approve: false,
          p_idempotency_key: key(),
        })
      ).code,
    ).toBe('not_a_request');
    expect(await rpcOk<number>(B.client, 'credit_balance', { p_trainer_id: T.id })).toBe(before - 1);
  });
});

describe('credits', () => {
  it('no credits, no booking; a pack bought and paid makes it possible', async () => {
    const [poor] = (await createUsers(stack, 'client', 1, 'poor')) as [TestUser];
    await connectAll([T], [poor]);
    // The trial is over and there is no subscription: no free meeting this month.
    await db.query(
      `update public.profiles set trial_started_at = now() - interval '30 days', trial_ends_at = now() - interval '23 days' where id = $1`,
      [poor.id],
    );
    const refused = await rpc(poor.client, 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(6), p_idempotency_key: key() });
    expect(refused.code).toBe('no_credits');
    expect(refused.error?.hint).toMatch(/pack/);
    expect(await bucketSums(db, poor.id)).toEqual({});
    const started = await rpcOk<{ payment: { id: string } }>(poor.client, 'start_credit_purchase', {
      p_trainer_id: T.id,
      p_pack: 'single',
      p_idempotency_key: key(),
    });
    await rpcOk(serviceClient(stack), 'mark_payment_succeeded', { p_payment_id: started.payment.id, p_provider_ref: 'pi_poor' });
    const booked = await rpcOk<BookResult>(poor.client, 'book_session', {
      p_trainer_id: T.id,
      p_starts_at: slotAt(6),
      p_idempotency_key: key(),
    });
    expect(booked.balance).toBe(0);
    expect(await bucketSums(db, poor.id)).toEqual({ [T.id]: 0 });
  });

  it('the plan decides the monthly free meetings (Plan 3: two)', async () => {
    const [subscriber] = (await createUsers(stack, 'client', 1, 'subscriber')) as [TestUser];
    await db.query(
      `insert into public.subscriptions (client_id, plan_id, status, current_period_end)
       select $1, id, 'active', now() + interval '30 days' from public.subscription_plans where code = 'plan3'`,
      [subscriber.id],
    );
    const granted = grantMonthlyCreditsResultModel.parse(await rpcOk(subscriber.client, 'grant_monthly_credits', {}));
    expect(granted).toMatchObject({ credits_granted: 2, balance: 2 });
    expect(granted.period_key).toBe(new Date().toISOString().slice(0, 7));
  });

  it('the ledger refuses to go below zero, whoever writes', async () => {
    await expect(
      db.query(
        `insert into public.credit_ledger (client_id, trainer_id, delta, reason, note) values ($1, $2, -100, 'adjustment', 'too much')`,
        [A.id, T.id],
      ),
    ).rejects.toThrow(/below zero/);
  });

  it('a trainer offering a free first session: free once per client, at most once a week', async () => {
    const first = await rpcOk<BookResult>(A.client, 'book_session', {
      p_trainer_id: F.id,
      p_starts_at: slotAt(10),
      p_idempotency_key: key(),
    });
    expect(first).toMatchObject({ free_trial: true, booking: { credits_spent: 0 } });
    const second = await rpcOk<BookResult>(A.client, 'book_session', {
      p_trainer_id: F.id,
      p_starts_at: slotAt(11),
      p_idempotency_key: key(),
    });
    expect(second).toMatchObject({ free_trial: false, booking: { credits_spent: 1 } });
    // B's first session in the same week: the trainer's one free session that week is gone.
    const other = await rpcOk<BookResult>(B.client, 'book_session', {
      p_trainer_id: F.id,
      p_starts_at: slotAt(12),
      p_idempotency_key: key(),
    });
    expect(other.free_trial).toBe(mondayOf(slotAt(12)) !== mondayOf(slotAt(10)));
    const cancelled = await rpcOk<{ refunded: number }>(A.client, 'cancel_booking', {
      p_booking_id: first.booking.id,
      p_idempotency_key: key(),
    });
    expect(cancelled.refunded).toBe(0);
  });
});

describe('group sessions', () => {
  it('stop at their capacity; leaving refunds and frees the seat', async () => {
    const [D] = (await createUsers(stack, 'client', 1, 'late')) as [TestUser];
    await connectAll([T], [D]);
    await addCredits(db, D.id, T.id, 3);
    const created = await rpcOk<{ group_session: { id: string } }>(T.client, 'create_group_session', {
      p_title: 'Kettlebells',
      p_starts_at: slotAt(20),
      p_ends_at: slotAt(21),
      p_capacity: 2,
      p_idempotency_key: key(),
    });
    const id = created.group_session.id;
    expect(
      (
        await rpc(A.client, 'create_group_session', {
          p_title: 'x',
          p_starts_at: slotAt(22),
          p_ends_at: slotAt(23),
          p_capacity: 2,
          p_idempotency_key: key(),
        })
      ).code,
    ).toBe('forbidden');
    // The class blocks the trainer's time.
    expect((await rpc(B.client, 'book_session', { p_trainer_id: T.id, p_starts_at: slotAt(20), p_idempotency_key: key() })).code).toBe(
      'slot_taken',
    );

    const joins = await Promise.all(
      [A, B, D].map((c) =>
        rpc<{ seats_taken: number }>(c.client, 'join_group_session', { p_group_session_id: id, p_idempotency_key: key() }),
      ),
    );
    expect(joins.filter((j) => !j.error)).toHaveLength(2);
    expect(joins.filter((j) => j.error).map((j) => j.code)).toEqual(['group_full']);
    const seated = [A, B, D].filter((_, i) => !joins[i]?.error);
    const waiting = [A, B, D].find((_, i) => joins[i]?.error) as TestUser;
    const leaver = seated[0] as TestUser;
    expect((await rpc(leaver.client, 'join_group_session', { p_group_session_id: id, p_idempotency_key: key() })).code).toBe(
      'already_joined',
    );
    expect((await rpc(S.client, 'join_group_session', { p_group_session_id: id, p_idempotency_key: key() })).code).toBe('not_your_trainer');

    const balanceBefore = await rpcOk<number>(leaver.client, 'credit_balance', { p_trainer_id: T.id });
    const left = await rpcOk<{ refunded: number; balance: number }>(leaver.client, 'leave_group_session', {
      p_group_session_id: id,
      p_idempotency_key: key(),
    });
    expect(left).toMatchObject({ refunded: 1, balance: balanceBefore + 1 });
    expect((await rpc(leaver.client, 'leave_group_session', { p_group_session_id: id, p_idempotency_key: key() })).code).toBe('not_joined');
    expect(
      (await rpcOk<{ seats_taken: number }>(waiting.client, 'join_group_session', { p_group_session_id: id, p_idempotency_key: key() }))
        .seats_taken,
    ).toBe(2);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.group_session_attendees where group_session_id = $1 and status = 'registered'`,
      [id],
    );
    expect(rows[0]?.n).toBe(2);
  });
});

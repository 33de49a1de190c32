/**
 * Issue 9: the same request sent 5 times with one idempotency key has the effect of one, whether
 * the retries come one after another (a device retrying after a lost answer) or all at once (two
 * tabs, a flaky network). Checked for every retryable function by counting rows by SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookSessionResultModel,
  cancelBookingResultModel,
  joinGroupSessionResultModel,
  markPaymentSucceededResultModel,
  startCreditPurchaseResultModel,
} from '@/features/bookings/model';
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
import { serviceClient, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let trainer: TestUser;
let clients: TestUser[];

const TIMES = 5;
const HOUR = 3_600_000;
/** Slots on the hour, from two days ahead (the trainer works all day, 60-minute sessions). */
const slotAt = (n: number): string => new Date((Math.floor(Date.now() / HOUR) + 48 + n) * HOUR).toISOString();

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [trainer] = (await createUsers(stack, 'trainer', 1)) as [TestUser];
  clients = await createUsers(stack, 'client', 4);
  await connectAll([trainer], clients);
  await setPricing(trainer, { cancellationPolicy: 'up_to_24h', singleCents: 4000, fivePackCents: 18000 });
  await addAllDayWindows(trainer, 60);
  await Promise.all(clients.map((c) => addCredits(db, c.id, trainer.id, 10)));
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/** Sends the same call TIMES times, one after another or all at once. */
async function repeat<T>(mode: 'sequential' | 'concurrent', call: () => Promise<T>): Promise<T[]> {
  if (mode === 'concurrent') return Promise.all(Array.from({ length: TIMES }, call));
  const results: T[] = [];
  for (let i = 0; i < TIMES; i += 1) results.push(await call());
  return results;
}

describe.each(['sequential', 'concurrent'] as const)('the same request %s, 5 times, with one key', (mode) => {
  const client = (): TestUser => (mode === 'sequential' ? clients[0] : clients[1]) as TestUser;
  const offset = mode === 'sequential' ? 0 : 10;

  it('book_session books once and spends one credit', async () => {
    const k = key();
    const args = { p_trainer_id: trainer.id, p_starts_at: slotAt(offset), p_idempotency_key: k };
    const results = await repeat(mode, () => rpcOk(client().client, 'book_session', args));
    const parsed = results.map((r) => bookSessionResultModel.parse(r));
    expect(new Set(parsed.map((r) => r.booking.id)).size).toBe(1);
    expect(parsed.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(parsed.map((r) => r.balance))).toEqual(new Set([10]));
    expect(
      await count(`select count(*)::int as n from public.bookings where client_id = $1 and idempotency_key = $2`, [client().id, k]),
    ).toBe(1);
    expect(
      await count(
        `select count(*)::int as n from public.credit_ledger l join public.bookings b on b.id = l.booking_id where b.idempotency_key = $1`,
        [k],
      ),
    ).toBe(1);
  });

  it('cancel_booking cancels once and refunds once', async () => {
    const booked = await rpcOk<BookResult>(client().client, 'book_session', {
      p_trainer_id: trainer.id,
      p_starts_at: slotAt(offset + 1),
      p_idempotency_key: key(),
    });
    const before = await bucketSums(db, client().id);
    const args = { p_booking_id: booked.booking.id, p_idempotency_key: key() };
    const results = (await repeat(mode, () => rpcOk(client().client, 'cancel_booking', args))).map((r) =>
      cancelBookingResultModel.parse(r),
    );
    expect(results.every((r) => r.refunded === 1 && r.booking.status === 'cancelled')).toBe(true);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(
      await count(`select count(*)::int as n from public.credit_ledger where booking_id = $1 and reason = 'refund'`, [booked.booking.id]),
    ).toBe(1);
    const after = await bucketSums(db, client().id);
    expect((after.platform ?? 0) + (after[trainer.id] ?? 0)).toBe((before.platform ?? 0) + (before[trainer.id] ?? 0) + 1);
  });

  it('reschedule_booking moves once, with no credit change', async () => {
    const booked = await rpcOk<BookResult>(client().client, 'book_session', {
      p_trainer_id: trainer.id,
      p_starts_at: slotAt(offset + 2),
      p_idempotency_key: key(),
    });
    const before = await bucketSums(db, client().id);
    const args = { p_booking_id: booked.booking.id, p_new_starts_at: slotAt(offset + 3), p_idempotency_key: key() };
    const results = await repeat(mode, () =>
      rpcOk<{ booking: { starts_at: string }; previous_starts_at: string }>(client().client, 'reschedule_booking', args),
    );
    for (const r of results) {
      expect(Date.parse(r.booking.starts_at)).toBe(Date.parse(slotAt(offset + 3)));
      expect(Date.parse(r.previous_starts_at)).toBe(Date.parse(slotAt(offset + 2)));
    }
    expect(await bucketSums(db, client().id)).toEqual(before);
  });

  it('start_credit_purchase records one payment; the webhook grants its credits once', async () => {
    const args = { p_trainer_id: trainer.id, p_pack: 'pack5', p_idempotency_key: key() };
    const started = (await repeat(mode, () => rpcOk(client().client, 'start_credit_purchase', args))).map((r) =>
      startCreditPurchaseResultModel.parse(r),
    );
    expect(new Set(started.map((r) => r.payment.id)).size).toBe(1);
    const payment = started[0]?.payment;
    expect(payment).toMatchObject({ status: 'pending', amount_cents: 18000, currency: 'GBP', credits_purchased: 5, provider: 'manual' });
    expect(
      await count(`select count(*)::int as n from public.payments where client_id = $1 and purpose = 'credit_pack'`, [client().id]),
    ).toBe(1);

    const before = await bucketSums(db, client().id);
    const service = serviceClient(stack);
    const confirmed = (
      await repeat(mode, () => rpcOk(service, 'mark_payment_succeeded', { p_payment_id: payment?.id, p_provider_ref: `pi_${payment?.id}` }))
    ).map((r) => markPaymentSucceededResultModel.parse(r));
    expect(confirmed.map((r) => r.credits_granted).sort()).toEqual([0, 0, 0, 0, 5]);
    expect(confirmed.every((r) => r.payment.status === 'succeeded')).toBe(true);
    expect(await count(`select count(*)::int as n from public.credit_ledger where payment_id = $1`, [payment?.id])).toBe(1);
    expect((await bucketSums(db, client().id))[trainer.id]).toBe((before[trainer.id] ?? 0) + 5);
  });

  it('join_group_session takes one seat and spends once', async () => {
    const session = await rpcOk<{ group_session: { id: string } }>(trainer.client, 'create_group_session', {
      p_title: `Bootcamp ${mode}`,
      p_starts_at: slotAt(offset + 6),
      p_ends_at: slotAt(offset + 7),
      p_capacity: 3,
      p_credits_per_seat: 2,
      p_idempotency_key: key(),
    });
    const args = { p_group_session_id: session.group_session.id, p_idempotency_key: key() };
    const results = (await repeat(mode, () => rpcOk(client().client, 'join_group_session', args))).map((r) =>
      joinGroupSessionResultModel.parse(r),
    );
    expect(new Set(results.map((r) => r.attendee.id)).size).toBe(1);
    expect(results.every((r) => r.seats_taken === 1)).toBe(true);
    expect(
      await count(`select count(*)::int as n from public.group_session_attendees where group_session_id = $1`, [session.group_session.id]),
    ).toBe(1);
    expect(
      await count(
        `select coalesce(-sum(l.delta), 0)::int as n from public.credit_ledger l join public.group_session_attendees a on a.id = l.group_session_attendee_id
         where a.group_session_id = $1`,
        [session.group_session.id],
      ),
    ).toBe(2);
  });

  it('request_booking and the trainer’s decline happen once', async () => {
    const args = { p_trainer_id: trainer.id, p_starts_at: slotAt(offset + 8), p_idempotency_key: key(), p_message: 'Legs please' };
    const requested = await repeat(mode, () => rpcOk<BookResult>(client().client, 'request_booking', args));
    const bookingId = requested[0]?.booking.id;
    expect(requested.every((r) => r.booking.id === bookingId && r.booking.status === 'requested')).toBe(true);
    const decline = { p_booking_id: bookingId, p_approve: false, p_idempotency_key: key(), p_reason: 'Away that day' };
    const answered = await repeat(mode, () =>
      rpcOk<{ booking: { status: string }; refunded: number }>(trainer.client, 'respond_to_booking_request', decline),
    );
    expect(answered.every((r) => r.booking.status === 'cancelled' && r.refunded === 1)).toBe(true);
    expect(await count(`select count(*)::int as n from public.credit_ledger where booking_id = $1`, [bookingId])).toBe(2);
  });
});

describe('keys are not reusable for something else', () => {
  it('the same key with other arguments is refused with idempotency_conflict', async () => {
    const client = clients[2] as TestUser;
    const k = key();
    await rpcOk(client.client, 'book_session', { p_trainer_id: trainer.id, p_starts_at: slotAt(30), p_idempotency_key: k });
    const conflict = await rpc(client.client, 'book_session', { p_trainer_id: trainer.id, p_starts_at: slotAt(31), p_idempotency_key: k });
    expect(conflict.code).toBe('idempotency_conflict');
    expect(await count(`select count(*)::int as n from public.bookings where client_id = $1`, [client.id])).toBe(1);
  });

  it('a refused request changed nothing, so the same key is evaluated again later', async () => {
    const [first, second] = [clients[2], clients[3]] as [TestUser, TestUser];
    const taken = await rpcOk<BookResult>(first.client, 'book_session', {
      p_trainer_id: trainer.id,
      p_starts_at: slotAt(40),
      p_idempotency_key: key(),
    });
    const k = key();
    const args = { p_trainer_id: trainer.id, p_starts_at: slotAt(40), p_idempotency_key: k };
    expect((await rpc(second.client, 'book_session', args)).code).toBe('slot_taken');
    await rpcOk(first.client, 'cancel_booking', { p_booking_id: taken.booking.id, p_idempotency_key: key() });
    const retried = bookSessionResultModel.parse(await rpcOk(second.client, 'book_session', args));
    expect(retried.replayed).toBe(false);
    expect(retried.booking.client_id).toBe(second.id);
  });

  it('grant_monthly_credits grants once a month however often it is called', async () => {
    const client = clients[3] as TestUser;
    const results = await Promise.all(
      Array.from({ length: TIMES }, () => rpcOk<{ credits_granted: number }>(client.client, 'grant_monthly_credits', {})),
    );
    // clients[3] booked above, which already granted this month's free meeting lazily.
    expect(results.map((r) => r.credits_granted)).toEqual([0, 0, 0, 0, 0]);
    expect(await count(`select count(*)::int as n from public.credit_ledger where client_id = $1 and reason = 'grant'`, [client.id])).toBe(
      1,
    );
    const fresh = (await createUsers(stack, 'client', 1, 'fresh'))[0] as TestUser;
    const granted = await Promise.all(
      Array.from({ length: TIMES }, () => rpcOk<{ credits_granted: number }>(fresh.client, 'grant_monthly_credits', {})),
    );
    expect(granted.map((r) => r.credits_granted).sort()).toEqual([0, 0, 0, 0, 1]);
    expect(await bucketSums(db, fresh.id)).toEqual({ platform: 1 });
  });
});

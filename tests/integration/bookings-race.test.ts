/**
 * Issue 9: many clients race for one slot through /rest/v1 with real JWTs. Exactly one gets it,
 * every other one is refused with slot_taken, and no credit is lost or created: the ledger, summed
 * by SQL, holds exactly one spend for the one booking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCredits,
  addWindows,
  bucketSums,
  connectAll,
  createUsers,
  key,
  negativeBuckets,
  openDb,
  overlappingBookings,
  rpc,
  rpcOk,
  setPricing,
  type BookResult,
  type Db,
} from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

const CLIENTS = 50;

let stack: TestStack;
let db: Db;
let trainer: TestUser;
let clients: TestUser[];
/** A slot tomorrow 10:00 UTC (the trainer works 09:00-12:00 UTC every day, 60-minute sessions). */
let slot: string;

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [trainer] = (await createUsers(stack, 'trainer', 1)) as [TestUser];
  clients = await createUsers(stack, 'client', CLIENTS);
  await connectAll([trainer], clients);
  await setPricing(trainer, { cancellationPolicy: 'up_to_24h' });
  await addWindows(
    trainer,
    Array.from({ length: 7 }, (_, day) => ({ dayOfWeek: day, startTime: '09:00', endTime: '12:00', sessionMinutes: 60 })),
  );
  // Every client: this month's free meeting (lazy grant) plus 2 credits bought from the trainer.
  await Promise.all(clients.map((c) => rpcOk(c.client, 'grant_monthly_credits', {})));
  await Promise.all(clients.map((c) => addCredits(db, c.id, trainer.id, 2)));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  slot = `${tomorrow}T10:00:00Z`;
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('50 clients book the same slot at once', () => {
  it('exactly one succeeds, 49 get slot_taken, no credits lost', async () => {
    const before = await Promise.all(clients.map((c) => bucketSums(db, c.id)));
    for (const sums of before) expect(sums).toEqual({ platform: 1, [trainer.id]: 2 });

    const outcomes = await Promise.all(
      clients.map((c) =>
        rpc<BookResult>(c.client, 'book_session', { p_trainer_id: trainer.id, p_starts_at: slot, p_idempotency_key: key() }),
      ),
    );
    const winners = outcomes.flatMap((o, i) => (o.error ? [] : [i]));
    const codes = outcomes.filter((o) => o.error).map((o) => o.code);
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(CLIENTS - 1).fill('slot_taken'));
    const winner = winners[0] as number;
    const won = outcomes[winner]?.data as BookResult;
    expect(won.booking.status).toBe('confirmed');
    expect(new Date(won.booking.starts_at).toISOString()).toBe(new Date(slot).toISOString());
    expect(won.balance).toBe(2);

    // The ledger, by SQL: the winner spent one platform credit, nobody else lost or gained one.
    const after = await Promise.all(clients.map((c) => bucketSums(db, c.id)));
    after.forEach((sums, i) => {
      expect(sums).toEqual(i === winner ? { platform: 0, [trainer.id]: 2 } : { platform: 1, [trainer.id]: 2 });
    });
    const { rows } = await db.query<{ bookings: number; spends: number; spent: number }>(
      `select (select count(*)::int from public.bookings where trainer_id = $1) as bookings,
              (select count(*)::int from public.credit_ledger where reason = 'spend') as spends,
              (select coalesce(sum(delta), 0)::int from public.credit_ledger where reason = 'spend') as spent`,
      [trainer.id],
    );
    expect(rows[0]).toEqual({ bookings: 1, spends: 1, spent: -1 });
    expect(await negativeBuckets(db)).toBe(0);
    expect(await overlappingBookings(db)).toBe(0);
  });

  it('the losers can still book the other slots of that morning', async () => {
    const day = slot.slice(0, 10);
    const others = [`${day}T09:00:00Z`, `${day}T11:00:00Z`];
    const racers = clients.slice(0, 20);
    const outcomes = await Promise.all(
      racers.map((c, i) =>
        rpc<BookResult>(c.client, 'book_session', { p_trainer_id: trainer.id, p_starts_at: others[i % 2], p_idempotency_key: key() }),
      ),
    );
    const booked = outcomes.filter((o) => !o.error);
    expect(booked).toHaveLength(2);
    expect(new Set(outcomes.filter((o) => o.error).map((o) => o.code))).toEqual(new Set(['slot_taken']));
    expect(await overlappingBookings(db)).toBe(0);
    expect(await negativeBuckets(db)).toBe(0);
  });
});

/**
 * Issue 9: 1,000 random book / cancel / reschedule / purchase operations from 20 clients with 3
 * trainers (one per cancellation policy), 8 at a time, through /rest/v1 with real JWTs. The test
 * keeps its own model of every client's credit buckets and bookings; after every step it checks
 * by SQL that the client's ledger sums equal the model (and the balance the function returned),
 * that no bucket anywhere is below zero, and that no two active bookings of a trainer or of a
 * client overlap. Refunds must follow the policy (refund-policy.ts) except within two minutes of
 * a boundary, where the clock decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSessionResultModel, cancelBookingResultModel, rescheduleBookingResultModel } from '@/features/bookings/model';
import { canClientReschedule, isRefundDue, type CancellationPolicy } from '@/features/bookings/refund-policy';
import {
  addAllDayWindows,
  addCredits,
  connectAll,
  createUsers,
  key,
  openDb,
  rpc,
  rpcOk,
  setPricing,
  utcDate,
  addDays,
  type Db,
} from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { serviceClient, type TestUser } from '../helpers/users.js';

const OPERATIONS = 1000;
const CONCURRENCY = 8;
const CLIENTS = 20;
const SEED = 20261125;
const POLICIES: CancellationPolicy[] = ['always_free', 'up_to_12h', 'up_to_24h'];
const MINUTE = 60_000;

type Bucket = 'platform' | string;
type ModelBooking = { id: string; trainerId: string; startsAt: number; endsAt: number; spentFrom: Bucket };
type ModelClient = { user: TestUser; buckets: Record<Bucket, number>; bookings: Map<string, ModelBooking>; busy: boolean };

let stack: TestStack;
let db: Db;
let trainers: TestUser[];
const policyOf = new Map<string, CancellationPolicy>();
const slotsOf = new Map<string, number[]>();
let model: ModelClient[];

/** mulberry32: a small seeded PRNG, so a failing sequence of choices can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack, 6);
  trainers = await createUsers(stack, 'trainer', POLICIES.length);
  const clients = await createUsers(stack, 'client', CLIENTS);
  await connectAll(trainers, clients);
  await Promise.all(
    trainers.map(async (t, i) => {
      const policy = POLICIES[i] as CancellationPolicy;
      policyOf.set(t.id, policy);
      await setPricing(t, { cancellationPolicy: policy, singleCents: 3000, fivePackCents: 14000 });
      await addAllDayWindows(t, 30);
    }),
  );
  await Promise.all(clients.map((c) => rpcOk(c.client, 'grant_monthly_credits', {})));
  await Promise.all(clients.flatMap((c) => trainers.map((t) => addCredits(db, c.id, t.id, 1))));
  model = clients.map((user) => ({
    user,
    buckets: Object.fromEntries([['platform', 1], ...trainers.map((t) => [t.id, 1])]),
    bookings: new Map(),
    busy: false,
  }));
  // Slots from one hour to three days ahead: some inside 12 h, some beyond 24 h.
  const today = utcDate(new Date());
  const first = clients[0] as TestUser;
  for (const t of trainers) {
    const listed = await rpcOk<Array<{ starts_at: string }>>(first.client, 'bookable_slots', {
      p_trainer_id: t.id,
      p_from: today,
      p_to: addDays(today, 3),
    });
    const starts = listed
      .map((s) => Date.parse(s.starts_at))
      .filter((s) => s > Date.now() + 60 * MINUTE && s < Date.now() + 72 * 60 * MINUTE);
    slotsOf.set(t.id, starts);
  }
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

type Stats = Record<string, number>;

/** The client's buckets by SQL, plus the global invariants, in one round trip. */
async function check(client: ModelClient): Promise<void> {
  const { rows } = await db.query<{ buckets: Record<string, number> | null; negative: number; overlaps: number }>(
    `select
       (select jsonb_object_agg(coalesce(trainer_id::text, 'platform'), total) from (
          select trainer_id, sum(delta)::int as total from public.credit_ledger
          where client_id = $1 and not deleted group by trainer_id) b) as buckets,
       (select count(*)::int from (select 1 from public.credit_ledger where not deleted
          group by client_id, trainer_id having sum(delta) < 0) n) as negative,
       (select count(*)::int from public.bookings a join public.bookings b
          on a.id < b.id and a.during && b.during and (a.trainer_id = b.trainer_id or a.client_id = b.client_id)
        where a.status in ('requested', 'scheduled', 'confirmed') and not a.deleted
          and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted) as overlaps`,
    [client.user.id],
  );
  const row = rows[0];
  expect(row?.negative).toBe(0);
  expect(row?.overlaps).toBe(0);
  expect(row?.buckets).toEqual(client.buckets);
}

const usable = (c: ModelClient, trainerId: string): number => (c.buckets.platform ?? 0) + (c.buckets[trainerId] ?? 0);
const nearBoundary = (startsAt: number, policy: CancellationPolicy): boolean =>
  policy !== 'always_free' && Math.abs(startsAt - Date.now() - (policy === 'up_to_12h' ? 12 : 24) * 60 * MINUTE) < 2 * MINUTE;

async function book(c: ModelClient, stats: Stats): Promise<void> {
  const trainer = pick(trainers);
  const startsAt = pick(slotsOf.get(trainer.id) ?? []);
  const out = await rpc(c.user.client, 'book_session', {
    p_trainer_id: trainer.id,
    p_starts_at: new Date(startsAt).toISOString(),
    p_idempotency_key: key(),
  });
  if (out.error) {
    expect(['slot_taken', 'client_busy', 'no_credits']).toContain(out.code);
    if (out.code === 'no_credits') expect(usable(c, trainer.id)).toBe(0);
    else expect(usable(c, trainer.id)).toBeGreaterThanOrEqual(0);
    stats[`book ${out.code}`] = (stats[`book ${out.code}`] ?? 0) + 1;
    return;
  }
  const result = bookSessionResultModel.parse(out.data);
  expect(usable(c, trainer.id)).toBeGreaterThan(0);
  const spentFrom: Bucket = (c.buckets.platform ?? 0) > 0 ? 'platform' : trainer.id;
  c.buckets[spentFrom] = (c.buckets[spentFrom] ?? 0) - 1;
  c.bookings.set(result.booking.id, {
    id: result.booking.id,
    trainerId: trainer.id,
    startsAt: Date.parse(result.booking.starts_at),
    endsAt: Date.parse(result.booking.ends_at),
    spentFrom,
  });
  expect(result.balance).toBe(usable(c, trainer.id));
  stats.booked = (stats.booked ?? 0) + 1;
}

async function cancel(c: ModelClient, stats: Stats): Promise<void> {
  const booking = pick([...c.bookings.values()]);
  const policy = policyOf.get(booking.trainerId) as CancellationPolicy;
  const out = await rpc(c.user.client, 'cancel_booking', { p_booking_id: booking.id, p_idempotency_key: key() });
  expect(out.error).toBeNull();
  const result = cancelBookingResultModel.parse(out.data);
  if (!nearBoundary(booking.startsAt, policy)) {
    expect(result.refunded).toBe(isRefundDue(policy, new Date(booking.startsAt), new Date()) ? 1 : 0);
  }
  if (result.refunded) c.buckets[booking.spentFrom] = (c.buckets[booking.spentFrom] ?? 0) + 1;
  c.bookings.delete(booking.id);
  expect(result.balance).toBe(usable(c, booking.trainerId));
  stats[result.refunded ? 'cancelled, refunded' : 'cancelled, too late'] =
    (stats[result.refunded ? 'cancelled, refunded' : 'cancelled, too late'] ?? 0) + 1;
}

async function reschedule(c: ModelClient, stats: Stats): Promise<void> {
  const booking = pick([...c.bookings.values()]);
  const policy = policyOf.get(booking.trainerId) as CancellationPolicy;
  const target = pick((slotsOf.get(booking.trainerId) ?? []).filter((s) => s !== booking.startsAt));
  const before = { ...c.buckets };
  const out = await rpc(c.user.client, 'reschedule_booking', {
    p_booking_id: booking.id,
    p_new_starts_at: new Date(target).toISOString(),
    p_idempotency_key: key(),
  });
  if (out.error) {
    expect(['slot_taken', 'client_busy', 'too_late_to_reschedule']).toContain(out.code);
    if (out.code === 'too_late_to_reschedule' && !nearBoundary(booking.startsAt, policy)) {
      expect(
        canClientReschedule(
          { status: 'confirmed', startsAt: new Date(booking.startsAt), creditsSpent: 1, cancellationPolicy: policy },
          new Date(),
        ),
      ).toBe(false);
    }
    stats[`reschedule ${out.code}`] = (stats[`reschedule ${out.code}`] ?? 0) + 1;
    return;
  }
  const result = rescheduleBookingResultModel.parse(out.data);
  booking.startsAt = Date.parse(result.booking.starts_at);
  booking.endsAt = Date.parse(result.booking.ends_at);
  expect(booking.startsAt).toBe(target);
  expect(c.buckets).toEqual(before);
  expect(result.balance).toBe(usable(c, booking.trainerId));
  stats.rescheduled = (stats.rescheduled ?? 0) + 1;
}

async function purchase(c: ModelClient, stats: Stats): Promise<void> {
  const trainer = pick(trainers);
  const pack = pick(['single', 'pack5'] as const);
  const started = await rpcOk<{ payment: { id: string; credits_purchased: number } }>(c.user.client, 'start_credit_purchase', {
    p_trainer_id: trainer.id,
    p_pack: pack,
    p_idempotency_key: key(),
  });
  const paid = await rpcOk<{ credits_granted: number; balance: number }>(serviceClient(stack), 'mark_payment_succeeded', {
    p_payment_id: started.payment.id,
    p_provider_ref: `pi_${started.payment.id}`,
  });
  expect(paid.credits_granted).toBe(pack === 'single' ? 1 : 5);
  c.buckets[trainer.id] = (c.buckets[trainer.id] ?? 0) + paid.credits_granted;
  expect(paid.balance).toBe(c.buckets[trainer.id]);
  stats.purchased = (stats.purchased ?? 0) + 1;
}

describe('1,000 random operations, 8 at a time', () => {
  it('keep balance = ledger sum >= 0 and bookings free of overlaps after every step', async () => {
    const stats: Stats = {};
    let started = 0;
    const worker = async (): Promise<void> => {
      while (started < OPERATIONS) {
        started += 1;
        const idle = model.filter((c) => !c.busy);
        const c = pick(idle);
        c.busy = true;
        try {
          const roll = random();
          if (roll < 0.4 || c.bookings.size === 0) await book(c, stats);
          else if (roll < 0.6) await cancel(c, stats);
          else if (roll < 0.8) await reschedule(c, stats);
          else await purchase(c, stats);
          await check(c);
        } finally {
          c.busy = false;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    console.log(`random operations (seed ${SEED}):`, JSON.stringify(stats));
    expect(Object.values(stats).reduce((a, b) => a + b, 0)).toBe(OPERATIONS);
    expect(stats.booked ?? 0).toBeGreaterThan(100);
    expect(stats['cancelled, refunded'] ?? 0).toBeGreaterThan(10);
    expect(stats.rescheduled ?? 0).toBeGreaterThan(10);

    // Every booking's ledger agrees with its state, and the model's bookings are the active ones.
    const { rows } = await db.query<{ status: string; spends: number; refunds: number; net: number }>(
      `select b.status,
              count(*) filter (where l.reason = 'spend')::int as spends,
              count(*) filter (where l.reason = 'refund')::int as refunds,
              coalesce(sum(l.delta), 0)::int as net
       from public.bookings b left join public.credit_ledger l on l.booking_id = b.id
       group by b.id, b.status`,
    );
    for (const r of rows) {
      expect(r.spends).toBe(1);
      expect(r.refunds).toBeLessThanOrEqual(1);
      if (r.status === 'confirmed') expect(r).toMatchObject({ refunds: 0, net: -1 });
    }
    const active = rows.filter((r) => r.status === 'confirmed').length;
    expect(active).toBe(model.reduce((n, c) => n + c.bookings.size, 0));
    for (const c of model) await check(c);
  }, 90_000);
});

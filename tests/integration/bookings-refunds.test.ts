/**
 * Issue 9: cancellation refunds follow the trainer's policy at the boundary minutes. Each case
 * books a real slot (a window that starts exactly at the wanted minute) 11:59 or 12:01 (and
 * 23:59 / 24:01) before its start, cancels it through /rest/v1 with the client's JWT, and checks
 * the result and the ledger by SQL. The exact boundary (12:00:00 counts as in time) is checked
 * against billing.refund_due() with the same table the device's unit test uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBookingResultModel, parseRefusal } from '@/features/bookings/model';
import { isRefundDue, type CancellationPolicy } from '@/features/bookings/refund-policy';
import { REFUND_CASES } from '@/features/bookings/refund-policy.cases';
import {
  addWindows,
  bucketSums,
  createUsers,
  key,
  negativeBuckets,
  openDb,
  rpc,
  rpcOk,
  setPricing,
  type BookResult,
  type CancelResult,
  type Db,
} from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { connectTrainerAndClient, type TestUser } from '../helpers/users.js';

type Pair = { trainer: TestUser; client: TestUser };

let stack: TestStack;
let db: Db;
const pairs: Record<string, Pair> = {};

const POLICIES: CancellationPolicy[] = ['always_free', 'up_to_12h', 'up_to_24h'];
const MINUTE = 60_000;

/** Cases that each need their own trainer and client (their bookings would overlap). */
const PAIR_NAMES = [
  ...POLICIES.flatMap((p) => [`${p} 11:59`, `${p} 12:01`]),
  'up_to_24h 23:59',
  'up_to_24h 24:01',
  'require refund',
  'trainer cancels',
  'request withdrawn',
  'reschedule late',
  'reschedule in time',
];

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  const trainers = await createUsers(stack, 'trainer', PAIR_NAMES.length);
  const clients = await createUsers(stack, 'client', PAIR_NAMES.length);
  await Promise.all(
    PAIR_NAMES.map(async (name, i) => {
      const pair = { trainer: trainers[i] as TestUser, client: clients[i] as TestUser };
      pairs[name] = pair;
      await connectTrainerAndClient(pair.trainer, pair.client);
      const policy = (POLICIES.find((p) => name.startsWith(p)) ??
        (name.startsWith('reschedule') || name === 'require refund' ? 'up_to_12h' : 'up_to_24h')) as CancellationPolicy;
      await setPricing(pair.trainer, { cancellationPolicy: policy });
      await rpcOk(pair.client.client, 'grant_monthly_credits', {});
    }),
  );
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Opens a 30-minute window for the trainer that starts at a whole minute about `hours:minutes`
 * from now (rounded so that the real distance stays on the same side of the boundary), and
 * returns that start. The window's zone keeps it clear of local midnight.
 */
async function openSlotIn(trainer: TestUser, hours: number, minutes: number, roundUp: boolean): Promise<Date> {
  const raw = Date.now() + hours * 3_600_000 + minutes * MINUTE;
  const start = new Date((roundUp ? Math.ceil(raw / MINUTE) : Math.floor(raw / MINUTE)) * MINUTE);
  const zones: Array<[string, number]> = [
    ['UTC', 0],
    ['Etc/GMT-3', 3],
  ];
  for (const [timezone, offsetHours] of zones) {
    const local = new Date(start.getTime() + offsetHours * 3_600_000);
    const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (minuteOfDay > 23 * 60) continue;
    const end = new Date(local.getTime() + 30 * MINUTE);
    await addWindows(trainer, [
      {
        dayOfWeek: local.getUTCDay(),
        startTime: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00`,
        endTime: `${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}:00`,
        timezone,
        sessionMinutes: 30,
      },
    ]);
    return start;
  }
  throw new Error('no zone keeps the window clear of midnight');
}

async function book(pair: Pair, startsAt: Date, fn = 'book_session'): Promise<BookResult> {
  return rpcOk<BookResult>(pair.client.client, fn, {
    p_trainer_id: pair.trainer.id,
    p_starts_at: startsAt.toISOString(),
    p_idempotency_key: key(),
  });
}

/** Hours between cancellation and start, as the server recorded them. */
function noticeHours(result: { booking: { starts_at: string; cancelled_at: string | null } }): number {
  return (Date.parse(result.booking.starts_at) - Date.parse(result.booking.cancelled_at ?? '')) / 3_600_000;
}

describe('refunds at the boundary minutes, for each policy', () => {
  const cases: Array<{ name: string; hours: number; minutes: number; refund: boolean }> = [
    { name: 'always_free 11:59', hours: 11, minutes: 59, refund: true },
    { name: 'always_free 12:01', hours: 12, minutes: 1, refund: true },
    { name: 'up_to_12h 11:59', hours: 11, minutes: 59, refund: false },
    { name: 'up_to_12h 12:01', hours: 12, minutes: 1, refund: true },
    { name: 'up_to_24h 11:59', hours: 11, minutes: 59, refund: false },
    { name: 'up_to_24h 12:01', hours: 12, minutes: 1, refund: false },
    { name: 'up_to_24h 23:59', hours: 23, minutes: 59, refund: false },
    { name: 'up_to_24h 24:01', hours: 24, minutes: 1, refund: true },
  ];

  it.each(cases)('$name before the start: refund $refund', async ({ name, hours, minutes, refund }) => {
    const pair = pairs[name] as Pair;
    const policy = name.split(' ')[0] as CancellationPolicy;
    const startsAt = await openSlotIn(pair.trainer, hours, minutes, minutes === 1);
    const booked = await book(pair, startsAt);
    expect(booked.booking.cancellation_policy).toBe(policy);
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: 0 });

    const result = cancelBookingResultModel.parse(
      await rpcOk<CancelResult>(pair.client.client, 'cancel_booking', { p_booking_id: booked.booking.id, p_idempotency_key: key() }),
    );
    // The premise: the server saw the cancellation on the intended side of the minute.
    const notice = noticeHours(result);
    expect(Math.abs(notice - (hours + minutes / 60))).toBeLessThan(1.5 / 60);
    expect(isRefundDue(policy, new Date(result.booking.starts_at), new Date(result.booking.cancelled_at as string))).toBe(refund);

    expect(result.booking.status).toBe('cancelled');
    expect(result.refunded).toBe(refund ? 1 : 0);
    expect(result.refund_refused).toBe(refund ? null : 'too_late_to_cancel');
    expect(result.balance).toBe(refund ? 1 : 0);
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: refund ? 1 : 0 });
  });

  it('p_require_refund refuses a late cancellation and changes nothing', async () => {
    const pair = pairs['require refund'] as Pair;
    const startsAt = await openSlotIn(pair.trainer, 11, 59, false);
    const booked = await book(pair, startsAt);
    const refused = await rpc(pair.client.client, 'cancel_booking', {
      p_booking_id: booked.booking.id,
      p_idempotency_key: key(),
      p_require_refund: true,
    });
    expect(refused.code).toBe('too_late_to_cancel');
    expect(parseRefusal(refused.error ?? {})).toMatchObject({ code: 'too_late_to_cancel' });
    expect(refused.error?.hint).toMatch(/up_to_12h/);
    const { rows } = await db.query<{ status: string }>('select status from public.bookings where id = $1', [booked.booking.id]);
    expect(rows[0]?.status).toBe('confirmed');
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: 0 });
  });

  it('the trainer cancelling late always refunds', async () => {
    const pair = pairs['trainer cancels'] as Pair;
    const startsAt = await openSlotIn(pair.trainer, 11, 59, false);
    const booked = await book(pair, startsAt);
    const result = await rpcOk<CancelResult>(pair.trainer.client, 'cancel_booking', {
      p_booking_id: booked.booking.id,
      p_idempotency_key: key(),
    });
    expect(result).toMatchObject({ refunded: 1, refund_refused: null, balance: null });
    expect(result.booking.cancel_reason).toBe('cancelled_by_trainer');
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: 1 });
  });

  it('withdrawing a request the trainer has not answered always refunds', async () => {
    const pair = pairs['request withdrawn'] as Pair;
    const startsAt = await openSlotIn(pair.trainer, 11, 59, false);
    const requested = await book(pair, startsAt, 'request_booking');
    expect(requested.booking.status).toBe('requested');
    const result = await rpcOk<CancelResult>(pair.client.client, 'cancel_booking', {
      p_booking_id: requested.booking.id,
      p_idempotency_key: key(),
    });
    expect(result).toMatchObject({ refunded: 1, refund_refused: null, balance: 1 });
  });
});

describe('rescheduling follows the same policy', () => {
  it('a client cannot move a session once a cancellation would not be refunded', async () => {
    const pair = pairs['reschedule late'] as Pair;
    const startsAt = await openSlotIn(pair.trainer, 11, 59, false);
    const booked = await book(pair, startsAt);
    const later = await openSlotIn(pair.trainer, 30, 0, true);
    const refused = await rpc(pair.client.client, 'reschedule_booking', {
      p_booking_id: booked.booking.id,
      p_new_starts_at: later.toISOString(),
      p_idempotency_key: key(),
    });
    expect(refused.code).toBe('too_late_to_reschedule');
    // The trainer may move it.
    const moved = await rpcOk<{ booking: { starts_at: string } }>(pair.trainer.client, 'reschedule_booking', {
      p_booking_id: booked.booking.id,
      p_new_starts_at: later.toISOString(),
      p_idempotency_key: key(),
    });
    expect(Date.parse(moved.booking.starts_at)).toBe(later.getTime());
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: 0 });
  });

  it('in time, the client moves it without any credit change', async () => {
    const pair = pairs['reschedule in time'] as Pair;
    const startsAt = await openSlotIn(pair.trainer, 12, 1, true);
    const target = await openSlotIn(pair.trainer, 30, 0, true);
    const booked = await book(pair, startsAt);
    const moved = await rpcOk<{ booking: { starts_at: string; status: string }; previous_starts_at: string; balance: number }>(
      pair.client.client,
      'reschedule_booking',
      { p_booking_id: booked.booking.id, p_new_starts_at: target.toISOString(), p_idempotency_key: key() },
    );
    expect(Date.parse(moved.booking.starts_at)).toBe(target.getTime());
    expect(Date.parse(moved.previous_starts_at)).toBe(startsAt.getTime());
    expect(moved.booking.status).toBe('confirmed');
    expect(moved.balance).toBe(0);
    expect(await bucketSums(db, pair.client.id)).toEqual({ platform: 0 });
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.credit_ledger where booking_id = $1`, [
      booked.booking.id,
    ]);
    expect(rows[0]?.n).toBe(1);
  });
});

describe('the exact boundary, in Postgres and on the device', () => {
  it.each(REFUND_CASES)('$policy, $beforeStart (h, min, ms) before: refund $refund', async ({ policy, beforeStart, refund }) => {
    const [h, m, ms] = beforeStart;
    const { rows } = await db.query<{ due: boolean }>(
      `select billing.refund_due($1, $2::timestamptz,
         $2::timestamptz - make_interval(hours => $3, mins => $4) - make_interval(secs => $5::double precision / 1000)) as due`,
      [policy, '2027-01-15T18:00:00Z', h, m, ms],
    );
    expect(rows[0]?.due).toBe(refund);
  });

  it('never leaves a bucket below zero', async () => {
    expect(await negativeBuckets(db)).toBe(0);
  });
});

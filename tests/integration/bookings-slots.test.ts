/**
 * Issue 9: bookable slots in the trainer's time zone, across daylight-saving changes (Europe/London
 * on the last Sundays of March and October, America/New_York on its own dates), minus exceptions,
 * booked time and the past; book_session accepts exactly those slots. The device's mirror
 * (src/features/bookings/slots.ts) must list the same slots as Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableSlotsResultModel } from '@/features/bookings/model';
import { bookableSlots, type AvailabilityException, type AvailabilityWindow } from '@/features/bookings/slots';
import {
  addCredits,
  addDays,
  addWindows,
  connectAll,
  createUsers,
  key,
  openDb,
  rpc,
  rpcOk,
  setPricing,
  utcDate,
  type BookResult,
  type Db,
} from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let london: TestUser;
let newYork: TestUser;
let other: TestUser;
let client: TestUser;
let stranger: TestUser;

/** The n-th (1-based; -1 = last) Sunday of a month, as YYYY-MM-DD. */
function sunday(year: number, month: number, n: number): string {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, month, 1)); d.getUTCMonth() === month; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0) days.push(utcDate(d));
  }
  return (n === -1 ? days[days.length - 1] : days[n - 1]) as string;
}

/** The next such Sunday at least three days away (so its slots are all in the future). */
function nextSunday(month: number, n: number): string {
  const soon = utcDate(new Date(Date.now() + 3 * 86_400_000));
  const year = new Date().getUTCFullYear();
  const thisYear = sunday(year, month, n);
  return thisYear >= soon ? thisYear : sunday(year + 1, month, n);
}

const LONDON_SPRING = nextSunday(2, -1);
const LONDON_AUTUMN = nextSunday(9, -1);
const NEW_YORK_SPRING = nextSunday(2, 2);
const NEW_YORK_AUTUMN = nextSunday(10, 1);

const LONDON_WINDOWS = [
  { dayOfWeek: 0, startTime: '00:00', endTime: '04:00', timezone: 'Europe/London', sessionMinutes: 60 },
  { dayOfWeek: 0, startTime: '09:00', endTime: '12:00', timezone: 'Europe/London', sessionMinutes: 60, breakMinutes: 15 },
  { dayOfWeek: 6, startTime: '09:00', endTime: '10:00', timezone: 'Europe/London', sessionMinutes: 60 },
];

async function slots(user: TestUser, trainer: TestUser, from: string, to = from): Promise<string[]> {
  const data = await rpcOk<unknown>(user.client, 'bookable_slots', { p_trainer_id: trainer.id, p_from: from, p_to: to });
  return bookableSlotsResultModel.parse(data).map((s) => new Date(s.starts_at).toISOString());
}

const at = (date: string, time: string): string => new Date(`${date}T${time}:00Z`).toISOString();

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [london, newYork, other] = (await createUsers(stack, 'trainer', 3)) as [TestUser, TestUser, TestUser];
  [client, stranger] = (await createUsers(stack, 'client', 2)) as [TestUser, TestUser];
  await connectAll([london, newYork, other], [client]);
  await Promise.all([london, newYork, other].map((t) => setPricing(t, { cancellationPolicy: 'always_free' })));
  await addWindows(london, LONDON_WINDOWS);
  await addWindows(newYork, [
    { dayOfWeek: 0, startTime: '00:30', endTime: '03:30', timezone: 'America/New_York', sessionMinutes: 45, breakMinutes: 15 },
    { dayOfWeek: 0, startTime: '08:00', endTime: '10:00', timezone: 'America/New_York', sessionMinutes: 30 },
  ]);
  await addCredits(db, client.id, london.id, 20);
  await addCredits(db, client.id, other.id, 5);
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('slots across daylight-saving changes (Europe/London)', () => {
  it('spring: the skipped hour has no slot, 09:00 local moves to 08:00 UTC', async () => {
    const before = addDays(LONDON_SPRING, -1);
    expect(await slots(client, london, before)).toEqual([at(before, '09:00')]);
    expect(await slots(client, london, LONDON_SPRING)).toEqual([
      at(LONDON_SPRING, '00:00'), // 00:00 GMT
      at(LONDON_SPRING, '01:00'), // 02:00 BST (01:00 local does not exist)
      at(LONDON_SPRING, '02:00'), // 03:00 BST
      at(LONDON_SPRING, '08:00'), // 09:00 BST
      at(LONDON_SPRING, '09:15'), // 10:15 BST
    ]);
  });

  it('autumn: the repeated hour gives one slot, 09:00 local is 09:00 UTC again', async () => {
    expect(await slots(client, london, LONDON_AUTUMN)).toEqual([
      at(addDays(LONDON_AUTUMN, -1), '23:00'), // 00:00 BST
      at(LONDON_AUTUMN, '01:00'), // 01:00 GMT (the second 01:00)
      at(LONDON_AUTUMN, '02:00'),
      at(LONDON_AUTUMN, '03:00'),
      at(LONDON_AUTUMN, '09:00'),
      at(LONDON_AUTUMN, '10:15'),
    ]);
    const weekBefore = addDays(LONDON_AUTUMN, -7);
    expect(await slots(client, london, weekBefore)).toEqual([
      at(addDays(weekBefore, -1), '23:00'),
      at(weekBefore, '00:00'),
      at(weekBefore, '01:00'),
      at(weekBefore, '02:00'),
      at(weekBefore, '08:00'),
      at(weekBefore, '09:15'),
    ]);
  });

  it('book_session takes exactly the listed slots, and bookable_slots drops them', async () => {
    // The first 01:00 (BST, 00:00 UTC) is not a slot: the window's 01:00 is the later one.
    const firstOneOClock = await rpc(client.client, 'book_session', {
      p_trainer_id: london.id,
      p_starts_at: at(LONDON_AUTUMN, '00:00'),
      p_idempotency_key: key(),
    });
    expect(firstOneOClock.code).toBe('outside_availability');
    const offGrid = await rpc(client.client, 'book_session', {
      p_trainer_id: london.id,
      p_starts_at: at(LONDON_SPRING, '01:30'),
      p_idempotency_key: key(),
    });
    expect(offGrid.code).toBe('outside_availability');

    for (const day of [LONDON_SPRING, LONDON_AUTUMN]) {
      const listed = await slots(client, london, day);
      for (const startsAt of listed) {
        const booked = await rpcOk<BookResult>(client.client, 'book_session', {
          p_trainer_id: london.id,
          p_starts_at: startsAt,
          p_idempotency_key: key(),
        });
        expect(new Date(booked.booking.starts_at).toISOString()).toBe(startsAt);
        expect(Date.parse(booked.booking.ends_at) - Date.parse(booked.booking.starts_at)).toBe(3_600_000);
      }
      expect(await slots(client, london, day)).toEqual([]);
    }
  });
});

describe('the device lists the same slots as Postgres', () => {
  async function windowsOf(trainer: TestUser): Promise<AvailabilityWindow[]> {
    const { data, error } = await client.client.from('trainer_availability').select('*').eq('trainer_id', trainer.id);
    if (error) throw new Error(error.message);
    return (data as Array<Record<string, unknown>>).map((w) => ({
      dayOfWeek: w.day_of_week as number,
      startTime: w.start_time as string,
      endTime: w.end_time as string,
      timezone: w.timezone as string,
      sessionMinutes: w.session_minutes as number,
      breakMinutes: w.break_minutes as number,
      effectiveFrom: w.effective_from as string | null,
      effectiveUntil: w.effective_until as string | null,
    }));
  }

  it.each([
    { zone: 'New York, spring', trainer: () => newYork, day: NEW_YORK_SPRING },
    { zone: 'New York, autumn', trainer: () => newYork, day: NEW_YORK_AUTUMN },
    { zone: 'London, a week either side of the spring change', trainer: () => london, day: LONDON_SPRING },
    { zone: 'London, a week either side of the autumn change', trainer: () => london, day: LONDON_AUTUMN },
  ])('$zone', async ({ trainer, day }) => {
    const from = addDays(day, -7);
    const to = addDays(day, 7);
    const windows = await windowsOf(trainer());
    const { data: booked } = await client.client
      .from('bookings')
      .select('starts_at, ends_at')
      .eq('trainer_id', trainer().id)
      .eq('status', 'confirmed');
    const expected = bookableSlots({
      windows,
      exceptions: [],
      booked: ((booked ?? []) as Array<{ starts_at: string; ends_at: string }>).map((b) => ({
        startsAt: new Date(b.starts_at),
        endsAt: new Date(b.ends_at),
      })),
      from,
      to,
      now: new Date(),
    }).map((s) => s.startsAt.toISOString());
    expect(expected.length).toBeGreaterThan(0);
    expect(await slots(client, trainer(), from, to)).toEqual(expected);
  });
});

describe('exceptions, bookings and the past', () => {
  it('a whole day off and part of a day off remove the slots they touch', async () => {
    const monday = addDays(utcDate(new Date()), 14 + ((8 - new Date().getUTCDay()) % 7));
    await addWindows(other, [{ dayOfWeek: 1, startTime: '09:00', endTime: '13:00', timezone: 'UTC', sessionMinutes: 60 }]);
    expect(await slots(client, other, monday)).toEqual(['09:00', '10:00', '11:00', '12:00'].map((t) => at(monday, t)));
    const exceptions: AvailabilityException[] = [
      { exceptionDate: monday, startTime: '10:30', endTime: '11:00', timezone: 'UTC' },
      { exceptionDate: addDays(monday, 7), startTime: null, endTime: null, timezone: 'UTC' },
    ];
    const { error } = await other.client.from('availability_exceptions').insert(
      exceptions.map((e) => ({
        trainer_id: other.id,
        exception_date: e.exceptionDate,
        start_time: e.startTime,
        end_time: e.endTime,
        timezone: e.timezone,
      })),
    );
    expect(error).toBeNull();
    expect(await slots(client, other, monday)).toEqual([at(monday, '09:00'), at(monday, '11:00'), at(monday, '12:00')]);
    expect(await slots(client, other, addDays(monday, 7))).toEqual([]);
    const refused = await rpc(client.client, 'book_session', {
      p_trainer_id: other.id,
      p_starts_at: at(monday, '10:00'),
      p_idempotency_key: key(),
    });
    expect(refused.code).toBe('outside_availability');

    await rpcOk(client.client, 'book_session', { p_trainer_id: other.id, p_starts_at: at(monday, '11:00'), p_idempotency_key: key() });
    expect(await slots(client, other, monday)).toEqual([at(monday, '09:00'), at(monday, '12:00')]);
    // The trainer sees the same free slots.
    expect(await slots(other, other, monday)).toEqual([at(monday, '09:00'), at(monday, '12:00')]);
  });

  it('slots that have started are not offered, and cannot be booked', async () => {
    const today = utcDate(new Date());
    // The whole of today: first drop what the trainer already has on today's weekday (windows may not overlap).
    await other.client
      .from('trainer_availability')
      .update({ deleted: true, updated_at: new Date().toISOString() })
      .eq('trainer_id', other.id)
      .eq('day_of_week', new Date().getUTCDay())
      .eq('timezone', 'UTC');
    await addWindows(other, [
      { dayOfWeek: new Date().getUTCDay(), startTime: '00:00', endTime: '24:00', timezone: 'UTC', sessionMinutes: 30 },
    ]);
    const listed = await slots(client, other, today);
    expect(listed.every((s) => Date.parse(s) > Date.now())).toBe(true);
    const past = at(today, '00:00');
    if (Date.parse(past) < Date.now()) {
      expect((await rpc(client.client, 'book_session', { p_trainer_id: other.id, p_starts_at: past, p_idempotency_key: key() })).code).toBe(
        'slot_in_past',
      );
    }
  });
});

describe('who may see slots, and what a window may say', () => {
  it('someone who is not the trainer’s client gets not_your_trainer', async () => {
    const refused = await rpc(stranger.client, 'bookable_slots', { p_trainer_id: london.id, p_from: LONDON_SPRING, p_to: LONDON_SPRING });
    expect(refused.code).toBe('not_your_trainer');
  });

  it('a range longer than 93 days is refused', async () => {
    const refused = await rpc(client.client, 'bookable_slots', {
      p_trainer_id: london.id,
      p_from: LONDON_SPRING,
      p_to: addDays(LONDON_SPRING, 100),
    });
    expect(refused.code).toBe('invalid_argument');
  });

  it('a window in an unknown time zone is refused when written', async () => {
    const { error } = await other.client
      .from('trainer_availability')
      .insert({ trainer_id: other.id, day_of_week: 2, start_time: '09:00', end_time: '10:00', timezone: 'Europe/Londn' });
    expect(error?.code).toBe('23514');
    expect(error?.message).toMatch(/Europe\/Londn/);
  });
});

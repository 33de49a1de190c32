/**
 * Replicas of server-decided data (src/sync/replicas): the bookings replica of a client's
 * device refreshes incrementally through sync_pull, gap-free (a booking committed out of order
 * arrives), a row its model refuses is reported while the rest apply, and a new database epoch
 * starts the replica again.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { createTestUser, linkTrainerAndClient, openTestDevice, sql, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let trainer: TestUser;
let client: TestUser;
let device: TestDevice;
let hour = 0;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  client = await createTestUser(stack, 'client', 'lifter');
  await linkTrainerAndClient(stack, trainer, client);
  device = await openTestDevice(stack, client, { name: 'phone', tables: ['workout_sessions'] });
});

afterAll(async () => {
  await device?.close();
  await stack?.stop();
});

/** A booking row as a server function would insert it, an hour after the previous one. */
function bookingValues(status = 'confirmed'): { sql: string; params: unknown[]; id: string } {
  hour += 1;
  const id = newRowId();
  const startsAt = new Date(Date.now() + 86_400_000 + hour * 3_600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  return {
    id,
    sql: `insert into public.bookings (id, trainer_id, client_id, kind, starts_at, ends_at, status, credits_spent)
          values ($1, $2, $3, 'one_to_one', $4, $4::timestamptz + interval '1 hour', $5, 1)`,
    params: [id, trainer.userId, client.userId, startsAt.toISOString(), status],
  };
}

async function insertBooking(status = 'confirmed'): Promise<string> {
  const row = bookingValues(status);
  await sql(stack.superuserUrl, row.sql, row.params);
  return row.id;
}

async function replicaBookingIds(): Promise<string[]> {
  const engine = device.engine;
  if (!engine) throw new Error('device offline');
  return (await engine.replicas.store.rows('bookings').toCollection().primaryKeys()).map(String).sort();
}

async function refreshBookings() {
  const engine = await device.goOnline();
  const result = await engine.replicas.refreshTable('bookings');
  if (!result) throw new Error(`the bookings refresh failed: ${device.status.getState().replicas.bookings?.lastError}`);
  return result;
}

describe('the bookings replica', () => {
  it('picks up a booking committed out of order, and says it is behind meanwhile', { timeout: 60_000 }, async () => {
    await refreshBookings();
    const held = new pg.Client({ connectionString: stack.superuserUrl });
    await held.connect();
    try {
      // The first transaction starts (and takes its txid) and stays open.
      const early = bookingValues();
      await held.query('begin');
      await held.query(early.sql, early.params);
      const later = await insertBooking();
      const during = await refreshBookings();
      expect(during.behind).toBe(true);
      expect(await replicaBookingIds()).not.toContain(early.id);
      // Not even the later one: it committed after the open transaction began.
      expect(await replicaBookingIds()).not.toContain(later);
      await held.query('commit');
      const after = await refreshBookings();
      expect(after.behind).toBe(false);
      expect(await replicaBookingIds()).toEqual(expect.arrayContaining([early.id, later]));
    } finally {
      await held.end();
    }
  });

  it('brings only what changed: one edited booking is one row, and a cancelled-and-deleted one leaves', async () => {
    const a = await insertBooking();
    const b = await insertBooking();
    await refreshBookings();
    await sql(stack.superuserUrl, `update public.bookings set notes = 'Bring a towel' where id = $1`, [a]);
    const one = await refreshBookings();
    expect(one.applied).toBe(1);
    const stored = (await device.engine?.replicas.store.rows('bookings').get(a)) as { notes: string } | undefined;
    expect(stored?.notes).toBe('Bring a towel');
    await sql(stack.superuserUrl, `update public.bookings set deleted = true where id = $1`, [b]);
    await refreshBookings();
    expect(await replicaBookingIds()).not.toContain(b);
    expect(await replicaBookingIds()).toContain(a);
  });

  it('reports a row its model refuses in the sync panel and applies the rest; the fixed row then arrives', async () => {
    // The server ahead of the device: a status this version of the app does not know.
    await sql(stack.superuserUrl, `alter table public.bookings drop constraint bookings_status_known`);
    const strange = await insertBooking('pencilled');
    const fine = await insertBooking();
    await refreshBookings();
    const ids = await replicaBookingIds();
    expect(ids).toContain(fine);
    expect(ids).not.toContain(strange);
    const errors = await device.localStore.rowErrors.toArray();
    const report = errors.find((e) => e.rowId === strange);
    expect(report).toMatchObject({ collection: 'bookings', direction: 'pull' });
    expect(report?.message).toMatch(/status/);
    expect(device.status.getState().rowErrors.map((e) => e.rowId)).toContain(strange);

    await sql(stack.superuserUrl, `update public.bookings set status = 'scheduled' where id = $1`, [strange]);
    await sql(
      stack.superuserUrl,
      `alter table public.bookings add constraint bookings_status_known check (status in ('requested', 'scheduled', 'confirmed', 'completed', 'cancelled', 'no_show'))`,
    );
    await refreshBookings();
    expect(await replicaBookingIds()).toContain(strange);
    expect((await device.localStore.rowErrors.toArray()).map((e) => e.rowId)).not.toContain(strange);
  });

  it('starts again on a new database epoch (a restore), dropping rows the server no longer has', async () => {
    const kept = await insertBooking();
    const gone = await insertBooking();
    await refreshBookings();
    expect(await replicaBookingIds()).toEqual(expect.arrayContaining([kept, gone]));
    // A restore from before `gone` existed: the row is simply not there, with no tombstone.
    await sql(stack.superuserUrl, `delete from public.bookings where id = $1`, [gone]);
    await sql(stack.superuserUrl, `select sync.new_epoch()`);
    const result = await refreshBookings();
    expect(result.reset).toBe(true);
    const ids = await replicaBookingIds();
    expect(ids).toContain(kept);
    expect(ids).not.toContain(gone);
  });

  it('keeps another client’s bookings off the device (RLS applies)', async () => {
    const stranger = await createTestUser(stack, 'client', 'stranger');
    await linkTrainerAndClient(stack, trainer, stranger);
    const theirs = newRowId();
    await sql(
      stack.superuserUrl,
      `insert into public.bookings (id, trainer_id, client_id, kind, starts_at, ends_at, status, credits_spent)
       values ($1, $2, $3, 'one_to_one', now() + interval '30 days', now() + interval '30 days 1 hour', 'confirmed', 1)`,
      [theirs, trainer.userId, stranger.userId],
    );
    await refreshBookings();
    expect(await replicaBookingIds()).not.toContain(theirs);
  });

  it(
    'refreshes on its own at a poke: a booking the trainer’s function makes shows up without a pull being asked for',
    { timeout: 60_000 },
    async () => {
      await device.goOffline();
      const engine = await device.goOnline({ realtime: true, pollIntervalMs: 60_000 });
      await expect.poll(() => device.status.getState().live, { timeout: 20_000 }).toBe(true);
      await expect.poll(() => device.status.getState().replicas.bookings?.active, { timeout: 20_000 }).toBe(false);
      const poked = await insertBooking();
      await expect.poll(async () => (await engine.replicas.store.rows('bookings').get(poked))?.id, { timeout: 20_000 }).toBe(poked);
    },
  );
});

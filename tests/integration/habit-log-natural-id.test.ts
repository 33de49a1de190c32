/**
 * A habit log's id is its natural key (habit, day) whoever writes it: a log an admin or the
 * seed stored under a random id takes the id devices derive, so a device's tick of that day
 * (made before it had pulled the server's log) is merged, never refused as a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { habitLogId, insertRow, newRowId } from '../../src/db';
import { createTestUser, openTestDevice, sql, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let client: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'habit-ticker');
});

afterAll(async () => {
  await stack?.stop();
});

async function newHabit(name: string): Promise<string> {
  const id = newRowId();
  await sql(stack.superuserUrl, `insert into public.habits (id, client_id, name, cadence, target_per_period, starts_on) values ($1, $2, $3, 'daily', 1, current_date - 7)`, [id, client.userId, name]);
  return id;
}

describe('habit log ids', () => {
  it('are derived from (habit, day) on the server as on the device, whatever id the writer gave', async () => {
    const habitId = await newHabit('Walk 8,000 steps');
    const day = '2026-12-01';
    const [row] = await sql<{ id: string }>(
      stack.superuserUrl,
      `insert into public.habit_logs (id, habit_id, log_date, done) values ($1, $2, $3, true) returning id`,
      [newRowId(), habitId, day],
    );
    expect(row?.id).toBe(habitLogId(habitId, day));
  });

  it('merge a device tick of a day the server already has, with no refused row', { timeout: 60_000 }, async () => {
    const habitId = await newHabit('Drink 2.5 l of water');
    const [{ today } = { today: '' }] = await sql<{ today: string }>(stack.superuserUrl, `select to_char(current_date, 'YYYY-MM-DD') as today`);
    // The dashboard (or the seed) logged today as not done, earlier today, under a random id.
    await sql(
      stack.superuserUrl,
      `insert into public.habit_logs (id, habit_id, log_date, done, value, updated_at) values ($1, $2, $3, false, 1.5, now() - interval '1 hour')`,
      [newRowId(), habitId, today],
    );
    // A device that has not pulled it yet ticks the day.
    const device = await openTestDevice(stack, client, { name: 'phone', tables: ['habits', 'habit_logs'] });
    await insertRow(device.db, 'habit_logs', { id: habitLogId(habitId, today), habit_id: habitId, client_id: client.userId, log_date: today, done: true, value: null, notes: null });
    await device.syncNow();

    expect(await device.localStore.rowErrors.toArray()).toEqual([]);
    const live = await sql<{ done: boolean; value: string | null }>(stack.superuserUrl, `select done, value from public.habit_logs where habit_id = $1 and not deleted`, [habitId]);
    // One row for the day. The two were made apart (no common base), so the newer one, the
    // tick, is the row: done, and no value.
    expect(live).toEqual([{ done: true, value: null }]);
    const onDevice = await device.db.rx.collections.habit_logs.find({ selector: { habit_id: habitId } }).exec();
    expect(onDevice.map((d) => [d.done, d.value])).toEqual([[true, null]]);
    await device.close();
  });
});

/**
 * Issue 16.2: a row's owner never changes, so nobody's data moves to someone else. Through
 * /rest/v1 with real JWTs: a trainer cannot move a client's habit (whose logs, private notes
 * included, the client wrote) or goal to another client of theirs; a client cannot move their
 * workout to someone else; the logs stay the first client's, readable by them only. An account
 * deleted still sets its trainer_id columns null, and an admin can move rows on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAll, createUsers, openDb, type Db } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let T: TestUser;
let A: TestUser;
let B: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [T] = (await createUsers(stack, 'trainer', 1)) as [TestUser];
  [A, B] = (await createUsers(stack, 'client', 2)) as [TestUser, TestUser];
  await connectAll([T], [A, B]);
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

async function habitWithLog(): Promise<{ habitId: string; logId: string }> {
  const habit = await T.client.from('habits').insert({ client_id: A.id, trainer_id: T.id, name: 'Walk' }).select('id').single();
  if (habit.error) throw new Error(habit.error.message);
  const log = await A.client
    .from('habit_logs')
    .insert({ habit_id: habit.data.id, log_date: '2026-12-01', done: true, notes: 'private: knee hurt' })
    .select('id')
    .single();
  if (log.error) throw new Error(log.error.message);
  return { habitId: habit.data.id, logId: log.data.id };
}

describe('ownership', () => {
  it('a trainer cannot move a client’s habit, and its logs stay the client’s', async () => {
    const { habitId, logId } = await habitWithLog();
    const moved = await T.client.from('habits').update({ client_id: B.id }).eq('id', habitId);
    expect(moved.error?.code).toBe('42501');
    expect(moved.error?.message).toBe('habits.client_id cannot change once set: the row belongs to who wrote it');
    const { rows } = await db.query(`select h.client_id as habit, l.client_id as log from public.habits h join public.habit_logs l on l.habit_id = h.id where l.id = $1`, [
      logId,
    ]);
    expect(rows).toEqual([{ habit: A.id, log: A.id }]);
    expect((await B.client.from('habit_logs').select('id').eq('id', logId)).data).toEqual([]);
    expect((await A.client.from('habit_logs').select('notes').eq('id', logId)).data).toEqual([{ notes: 'private: knee hurt' }]);
    // Other edits of the habit still work.
    expect((await T.client.from('habits').update({ name: 'Walk 8,000 steps' }).eq('id', habitId)).error).toBeNull();
  });

  it('a trainer cannot move a client’s goal; a client cannot give their workout away', async () => {
    const goal = await A.client.from('goals').insert({ client_id: A.id, title: 'Bench 100', metric: 'custom', target_value: 100 }).select('id').single();
    expect(goal.error).toBeNull();
    expect((await T.client.from('goals').update({ client_id: B.id }).eq('id', goal.data!.id)).error?.code).toBe('42501');
    const session = await A.client.from('workout_sessions').insert({ client_id: A.id, name: 'Legs' }).select('id').single();
    expect(session.error).toBeNull();
    const given = await A.client.from('workout_sessions').update({ client_id: B.id }).eq('id', session.data!.id);
    expect(given.error).not.toBeNull();
    const { rows } = await db.query(`select client_id from public.goals where id = $1 union all select client_id from public.workout_sessions where id = $2`, [
      goal.data!.id,
      session.data!.id,
    ]);
    expect(rows).toEqual([{ client_id: A.id }, { client_id: A.id }]);
  });

  it('the guard is on every table a device may update that has an owner column', async () => {
    const { rows } = await db.query<{ table: string }>(
      `select distinct p.tablename as table from pg_policies p
       join information_schema.columns c on c.table_schema = 'public' and c.table_name = p.tablename and c.column_name in ('client_id', 'trainer_id')
       where p.schemaname = 'public' and p.cmd in ('UPDATE', 'ALL') and 'authenticated' = any (p.roles) and p.tablename <> 'trainer_clients'
         and not exists (select 1 from pg_trigger t where t.tgrelid = ('public.' || p.tablename)::regclass and t.tgname = 'sync_keep_owner')`,
    );
    expect(rows).toEqual([]);
  });

  it('an admin can move a row on purpose; an owner column may still become null', async () => {
    const { habitId, logId } = await habitWithLog();
    const client = await db.connect();
    try {
      await client.query('begin');
      await client.query(`set local sync.allow_owner_change = on`);
      await client.query(`update public.habits set client_id = $1 where id = $2`, [B.id, habitId]);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect((await db.query(`select client_id from public.habit_logs where id = $1`, [logId])).rows).toEqual([{ client_id: B.id }]);
    await db.query(`update public.habits set trainer_id = null where id = $1`, [habitId]);
    expect((await db.query(`select trainer_id from public.habits where id = $1`, [habitId])).rows).toEqual([{ trainer_id: null }]);
  });
});

/**
 * Issue 16.7, through /rest/v1 with real JWTs: a set log cannot point at an exercise its user
 * cannot read (so no private exercise name reaches an achievement); a new row with the id of
 * another user's row answers as RLS does, without naming a key; bookings and listed slots stop
 * a year ahead (no free trial in 2126); one user's idempotency key does not refuse
 * another user's request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { addAllDayWindows, connectAll, createUsers, key, openDb, rpc, setPricing, type Db } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { setLogFields } from '../helpers/sync-fixtures';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let T: TestUser; // trainer of A and B
let U: TestUser; // another trainer, with a private exercise
let A: TestUser;
let B: TestUser;
let privateExercise: string;
let catalogueExercise: string;

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [T, U] = (await createUsers(stack, 'trainer', 2)) as [TestUser, TestUser];
  [A, B] = (await createUsers(stack, 'client', 2)) as [TestUser, TestUser];
  await connectAll([T], [A, B]);
  await setPricing(T, { freeTrialSession: true, trialSessionsPerWeek: 5 });
  await addAllDayWindows(T, 60);
  privateExercise = (await db.query(`insert into public.exercises (trainer_id, name, body_part, equipment) values ($1, 'Secret sled drag', 'legs', 'sled') returning id`, [U.id])).rows[0].id;
  catalogueExercise = (await db.query(`insert into public.exercises (name, body_part, equipment) values ('Back squat', 'legs', 'barbell') returning id`)).rows[0].id;
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

async function sessionOf(client: TestUser): Promise<string> {
  const id = newRowId();
  const { error } = await client.client.from('workout_sessions').insert({ id, client_id: client.id, name: 'Legs' });
  if (error) throw new Error(error.message);
  return id;
}

describe('smaller leaks', () => {
  it('a set log cannot point at an exercise its user cannot read, and no achievement names it', async () => {
    const session = await sessionOf(A);
    const refused = await A.client.from('set_logs').insert({ ...setLogFields(session, A.id, privateExercise, 1), id: newRowId() });
    expect(refused.error?.code).toBe('23503');
    expect(refused.error?.message).toBe('set_logs.exercise_id: no such exercise in your library');
    const ok = await A.client.from('set_logs').insert({ ...setLogFields(session, A.id, catalogueExercise, 1), id: newRowId() });
    expect(ok.error).toBeNull();
    const { rows } = await db.query(`select title from public.achievements where client_id = $1 and title ilike '%secret%'`, [A.id]);
    expect(rows).toEqual([]);
    // Moving a stored set onto the private exercise is refused too.
    const { rows: stored } = await db.query(`select id from public.set_logs where client_id = $1`, [A.id]);
    expect((await A.client.from('set_logs').update({ exercise_id: privateExercise }).eq('id', stored[0].id)).error?.code).toBe('23503');
  });

  it('a new row with the id of another user’s row answers as RLS does, naming no key', async () => {
    const theirs = await sessionOf(B);
    const { data, error } = await A.client.rpc('sync_push', {
      p_table: 'workout_sessions',
      p_rows: [{ doc: { id: theirs, client_id: A.id, name: 'Mine?', status: 'in_progress', started_at: new Date().toISOString(), updated_at: new Date().toISOString() }, assumed_rev: null }],
    });
    expect(error).toBeNull();
    expect(data.errors).toHaveLength(1);
    expect(data.errors[0]).toMatchObject({ code: '42501', constraint: null, message: 'row-level security: this row may not be written by you' });
  });

  it('a booking more than a year ahead is refused and not listed, free trial or not', async () => {
    const far = new Date(Date.now() + 400 * 86_400_000);
    far.setUTCHours(10, 0, 0, 0);
    for (const fn of ['request_booking', 'book_session']) {
      expect((await rpc(A.client, fn, { p_trainer_id: T.id, p_starts_at: far.toISOString(), p_idempotency_key: key() })).code).toBe('outside_availability');
    }
    const year2126 = new Date('2126-03-02T10:00:00Z').toISOString();
    expect((await rpc(A.client, 'request_booking', { p_trainer_id: T.id, p_starts_at: year2126, p_idempotency_key: key() })).code).toBe('outside_availability');
    const near = new Date(Date.now() + 10 * 86_400_000);
    near.setUTCHours(10, 0, 0, 0);
    expect((await rpc(A.client, 'request_booking', { p_trainer_id: T.id, p_starts_at: near.toISOString(), p_idempotency_key: key() })).error).toBeNull();
    const day = far.toISOString().slice(0, 10);
    expect((await rpc<unknown[]>(A.client, 'bookable_slots', { p_trainer_id: T.id, p_from: day, p_to: day })).data).toEqual([]);
    const { rows } = await db.query(`select count(*)::int as n from public.bookings where client_id = $1 and starts_at > now() + interval '365 days'`, [A.id]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('one user’s idempotency key does not refuse another user’s request', async () => {
    const shared = key();
    const day = new Date(Date.now() + 20 * 86_400_000);
    day.setUTCHours(8, 0, 0, 0);
    const other = new Date(day.getTime() + 3 * 3_600_000);
    expect((await rpc(A.client, 'request_booking', { p_trainer_id: T.id, p_starts_at: day.toISOString(), p_idempotency_key: shared })).error).toBeNull();
    const second = await rpc(B.client, 'request_booking', { p_trainer_id: T.id, p_starts_at: other.toISOString(), p_idempotency_key: shared });
    expect(second.error).toBeNull();
    expect((await rpc(A.client, 'start_credit_purchase', { p_trainer_id: T.id, p_pack: 'single', p_idempotency_key: shared })).error).toBeNull();
    expect((await rpc(B.client, 'start_credit_purchase', { p_trainer_id: T.id, p_pack: 'single', p_idempotency_key: shared })).error).toBeNull();
  });
});

/**
 * The sync markers under every kind of writer: inserts and updates are stamped (server_rev,
 * txid of the writing transaction, created_at immutable); a delete from the dashboard (service
 * role through /rest/v1, or SQL as postgres) becomes a soft delete that devices pull; a
 * parent's soft delete reaches its children; only a purge (sync.allow_hard_delete, or deleting
 * the auth user) really removes rows; child rows take their ownership from the parent.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReturningId } from '../fixtures/rows.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { connectTrainerAndClient, createUser, serviceClient, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let superuser: pg.Pool;
let postgresRole: pg.Pool;
let client: TestUser;
let trainer: TestUser;
let service: SupabaseClient;
let exerciseId: string;

type Markers = { server_rev: string; txid: string; deleted: boolean; created_at: Date; updated_at: Date };

beforeAll(async () => {
  stack = await startTestStack();
  superuser = new pg.Pool({ connectionString: stack.superuserUrl, max: 3 });
  postgresRole = new pg.Pool({ connectionString: stack.postgresUrl, max: 3 });
  superuser.on('error', () => undefined);
  postgresRole.on('error', () => undefined);
  [client, trainer] = await Promise.all([
    createUser(stack, { role: 'client', fullName: 'Dana Client' }),
    createUser(stack, { role: 'trainer', fullName: 'Rory Trainer' }),
  ]);
  await connectTrainerAndClient(trainer, client);
  service = serviceClient(stack);
  exerciseId = await insertReturningId(
    superuser,
    `insert into public.exercises (name, body_part, equipment) values ('Deadlift', 'back', 'barbell')`,
    [],
  );
}, 90_000);

afterAll(async () => {
  await postgresRole?.end();
  await superuser?.end();
  await stack?.stop();
});

async function markers(table: string, id: string): Promise<Markers | undefined> {
  const { rows } = await superuser.query<Markers>(
    `select server_rev::text, txid::text, deleted, created_at, updated_at from public.${table} where id = $1`,
    [id],
  );
  return rows[0];
}

async function newSession(): Promise<string> {
  const { data, error } = await client.client
    .from('workout_sessions')
    .insert({ client_id: client.id, name: 'Leg day', status: 'completed' })
    .select('id')
    .single();
  if (error) throw new Error(error.message);
  return (data as { id: string }).id;
}

async function newSet(sessionId: string, reps = 5): Promise<string> {
  const { data, error } = await client.client
    .from('set_logs')
    .insert({ session_id: sessionId, exercise_id: exerciseId, set_index: 1, weight_kg: 140, reps })
    .select('id')
    .single();
  if (error) throw new Error(error.message);
  return (data as { id: string }).id;
}

describe('change markers', () => {
  it('stamps server_rev and the writing transaction on insert and update, and keeps created_at', async () => {
    const connection = await postgresRole.connect();
    try {
      await connection.query('begin');
      const inserted = await connection.query<{ id: string; server_rev: string; txid: string; current: string }>(
        `insert into public.measurements (client_id, weight_kg, created_at, server_rev, txid)
         values ($1, 81.2, '2025-06-01T00:00:00Z', 99, '1') returning id, server_rev::text, txid::text, pg_current_xact_id()::text as current`,
        [client.id],
      );
      await connection.query('commit');
      const row = inserted.rows[0];
      if (!row) throw new Error('no row');
      expect(row.txid).toBe(row.current);
      // The server counts the row's writes, whatever the writer sent: 1 when inserted.
      expect(row.server_rev).toBe('1');

      const before = await markers('measurements', row.id);
      const { error } = await client.client
        .from('measurements')
        .update({ weight_kg: 80.9, created_at: '2020-01-01T00:00:00Z' })
        .eq('id', row.id);
      expect(error).toBeNull();
      const after = await markers('measurements', row.id);
      expect(BigInt(after?.server_rev ?? 0)).toBe(BigInt(before?.server_rev ?? 0) + 1n);
      expect(BigInt(after?.txid ?? 0)).toBeGreaterThan(BigInt(before?.txid ?? 0));
      expect(after?.created_at.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    } finally {
      connection.release();
    }
  });

  it('copies ownership from the parent, whatever the device sends', async () => {
    const sessionId = await newSession();
    const other = await createUser(stack, { role: 'client', fullName: 'Someone Else' });
    const { data, error } = await client.client
      .from('set_logs')
      .insert({ session_id: sessionId, client_id: other.id, exercise_id: exerciseId, set_index: 1, reps: 3 })
      .select('client_id')
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ client_id: client.id });
    // And another client cannot attach sets to this session: the copied owner fails their RLS check.
    const foreign = await other.client.from('set_logs').insert({ session_id: sessionId, exercise_id: exerciseId, set_index: 2, reps: 3 });
    expect(foreign.error?.code).toBe('42501');
  });
});

describe('deletes become soft deletes that reach devices', () => {
  it('a dashboard delete (service role through /rest/v1) of a synced row is a re-stamped tombstone', async () => {
    const setId = await newSet(await newSession());
    const before = await markers('set_logs', setId);
    const { error } = await service.from('set_logs').delete().eq('id', setId);
    expect(error).toBeNull();
    const after = await markers('set_logs', setId);
    expect(after?.deleted).toBe(true);
    expect(BigInt(after?.server_rev ?? 0)).toBeGreaterThan(BigInt(before?.server_rev ?? 0));
    expect(BigInt(after?.txid ?? 0)).toBeGreaterThan(BigInt(before?.txid ?? 0));
    // The client's device still reads the row, now marked deleted, so its pull removes it locally.
    const pulled = await client.client.from('set_logs').select('id, deleted').eq('id', setId);
    expect(pulled.data).toEqual([{ id: setId, deleted: true }]);
    const forTrainer = await trainer.client.from('set_logs').select('id, deleted').eq('id', setId);
    expect(forTrainer.data).toEqual([{ id: setId, deleted: true }]);
  });

  it('a dashboard delete in SQL (as postgres) soft-deletes a program and its days and exercises', async () => {
    const programId = await insertReturningId(
      postgresRole,
      `insert into public.programs (trainer_id, client_id, name) values ($1, $2, 'Block A')`,
      [trainer.id, client.id],
    );
    const dayId = await insertReturningId(
      postgresRole,
      `insert into public.program_days (program_id, name, day_of_week, position) values ($1, 'Mon', 1, 'a0')`,
      [programId],
    );
    const prescriptionId = await insertReturningId(
      postgresRole,
      `insert into public.program_exercises (program_day_id, exercise_id, position, sets) values ($1, $2, 'a0', 5)`,
      [dayId, exerciseId],
    );
    const dayBefore = await markers('program_days', dayId);
    const result = await postgresRole.query('delete from public.programs where id = $1', [programId]);
    expect(result.rowCount).toBe(0); // the trigger turned the delete into an update
    for (const [table, id] of [
      ['programs', programId],
      ['program_days', dayId],
      ['program_exercises', prescriptionId],
    ] as const) {
      expect((await markers(table, id))?.deleted, table).toBe(true);
    }
    expect(BigInt((await markers('program_days', dayId))?.server_rev ?? 0)).toBeGreaterThan(BigInt(dayBefore?.server_rev ?? 0));
    const seen = await client.client.from('program_exercises').select('id, deleted').eq('id', prescriptionId);
    expect(seen.data).toEqual([{ id: prescriptionId, deleted: true }]);
  });

  it("a client's own delete through the API is soft too, and the session's sets follow", async () => {
    const sessionId = await newSession();
    const setId = await newSet(sessionId);
    const { error } = await client.client.from('workout_sessions').delete().eq('id', sessionId);
    expect(error).toBeNull();
    expect((await markers('workout_sessions', sessionId))?.deleted).toBe(true);
    expect((await markers('set_logs', setId))?.deleted).toBe(true);
  });

  it('read-only tables soft-delete too', async () => {
    const foodId = await insertReturningId(
      superuser,
      `insert into public.foods (name, kcal_per_100g, protein_g_per_100g, carbs_g_per_100g, fat_g_per_100g) values ('Rice', 130, 2.7, 28, 0.3)`,
      [],
    );
    await service.from('foods').delete().eq('id', foodId);
    expect((await markers('foods', foodId))?.deleted).toBe(true);
  });

  it('only a purge removes rows: sync.allow_hard_delete, or deleting the auth user', async () => {
    const setId = await newSet(await newSession());
    const connection = await postgresRole.connect();
    try {
      await connection.query('begin');
      await connection.query(`set local sync.allow_hard_delete = 'on'`);
      await connection.query('delete from public.set_logs where id = $1', [setId]);
      await connection.query('commit');
    } finally {
      connection.release();
    }
    expect(await markers('set_logs', setId)).toBeUndefined();

    const leaving = await createUser(stack, { role: 'client', fullName: 'Leaving Client' });
    const { data } = await leaving.client.from('measurements').insert({ client_id: leaving.id, weight_kg: 70 }).select('id').single();
    const measurementId = (data as { id: string }).id;
    await superuser.query('delete from auth.users where id = $1', [leaving.id]);
    expect(await markers('measurements', measurementId)).toBeUndefined();
    const profile = await superuser.query('select 1 from public.profiles where id = $1', [leaving.id]);
    expect(profile.rowCount).toBe(0);
  });
});

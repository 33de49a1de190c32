/**
 * The schema rejects bad data with an error that names the field, through /rest/v1 with real
 * JWTs (what a device sees), and the catalogue keeps the house rules: every table commented,
 * carrying the sync markers and their triggers, policies per operation and role with
 * (select auth.uid()), every policy-filtered column indexed, security definer functions with a
 * fixed search_path, and the realtime publication listing what devices listen to.
 */
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReturningId } from '../fixtures/rows.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../supabase/local/demo-accounts.js';
import { anonClient, connectTrainerAndClient, createUser, serviceClient, signIn, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: pg.Pool;
let client: TestUser;
let trainer: TestUser;
let service: SupabaseClient;
const ids = { session: '', programDay: '', program: '', exercise: '', habit: '' };

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Pool({ connectionString: stack.superuserUrl, max: 4 });
  db.on('error', () => undefined);
  [client, trainer] = await Promise.all([
    createUser(stack, { role: 'client', fullName: 'Casey Client' }),
    createUser(stack, { role: 'trainer', fullName: 'Terry Trainer' }),
  ]);
  await connectTrainerAndClient(trainer, client);
  service = serviceClient(stack);
  ids.exercise = await insertReturningId(
    db,
    `insert into public.exercises (name, body_part, equipment) values ('Bench press', 'chest', 'barbell')`,
    [],
  );
  ids.program = await insertReturningId(db, `insert into public.programs (trainer_id, client_id, name) values ($1, $2, 'Base')`, [
    trainer.id,
    client.id,
  ]);
  ids.programDay = await insertReturningId(
    db,
    `insert into public.program_days (program_id, name, day_of_week, position) values ($1, 'Day 1', 1, 'a0')`,
    [ids.program],
  );
  ids.session = await insertReturningId(db, `insert into public.workout_sessions (client_id, status) values ($1, 'in_progress')`, [
    client.id,
  ]);
  ids.habit = await insertReturningId(db, `insert into public.habits (client_id, name) values ($1, 'Stretch')`, [client.id]);
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

type Writer = 'client' | 'trainer' | 'service';
type Case = { table: string; field: string; writer: Writer; row: () => Record<string, unknown> };

function writerClient(writer: Writer): SupabaseClient {
  return writer === 'client' ? client.client : writer === 'trainer' ? trainer.client : service;
}

const setLog = (values: Record<string, unknown>) => () => ({ session_id: ids.session, exercise_id: ids.exercise, set_index: 1, ...values });
const prescription = (values: Record<string, unknown>) => () => ({
  program_day_id: ids.programDay,
  exercise_id: ids.exercise,
  position: 'b0',
  ...values,
});
const hour = (h: number): string => new Date(Date.UTC(2033, 0, 1, h)).toISOString();

const REJECTED: Case[] = [
  { table: 'set_logs', field: 'reps', writer: 'client', row: setLog({ reps: 1001 }) },
  { table: 'set_logs', field: 'reps', writer: 'client', row: setLog({ reps: -1 }) },
  { table: 'set_logs', field: 'weight_kg', writer: 'client', row: setLog({ weight_kg: 2000.5 }) },
  { table: 'set_logs', field: 'weight_kg', writer: 'client', row: setLog({ weight_kg: -2.5 }) },
  { table: 'set_logs', field: 'rir', writer: 'client', row: setLog({ rir: 11 }) },
  { table: 'set_logs', field: 'rir', writer: 'client', row: setLog({ rir: -1 }) },
  { table: 'set_logs', field: 'rpe', writer: 'client', row: setLog({ rpe: 0.5 }) },
  { table: 'set_logs', field: 'rpe', writer: 'client', row: setLog({ rpe: 10.5 }) },
  { table: 'program_exercises', field: 'reps_max', writer: 'trainer', row: prescription({ reps_max: 1001 }) },
  { table: 'program_exercises', field: 'load_kg', writer: 'trainer', row: prescription({ load_kg: 2001 }) },
  { table: 'program_exercises', field: 'rir', writer: 'trainer', row: prescription({ rir: 12 }) },
  { table: 'program_exercises', field: 'rpe', writer: 'trainer', row: prescription({ rpe: 0 }) },
  { table: 'measurements', field: 'body_fat_pct', writer: 'client', row: () => ({ client_id: client.id, body_fat_pct: 0.9 }) },
  { table: 'measurements', field: 'body_fat_pct', writer: 'client', row: () => ({ client_id: client.id, body_fat_pct: 75.1 }) },
  { table: 'programs', field: 'name', writer: 'trainer', row: () => ({ trainer_id: trainer.id, client_id: client.id, name: '   ' }) },
  { table: 'habits', field: 'name', writer: 'client', row: () => ({ client_id: client.id, name: '' }) },
  { table: 'exercises', field: 'name', writer: 'trainer', row: () => ({ trainer_id: trainer.id, name: ' ', body_part: 'core' }) },
  {
    table: 'workout_sessions',
    field: 'ended_at',
    writer: 'client',
    row: () => ({ client_id: client.id, started_at: hour(10), ended_at: hour(9), status: 'completed' }),
  },
  { table: 'workout_sessions', field: 'status', writer: 'client', row: () => ({ client_id: client.id, status: 'done' }) },
  { table: 'workout_sessions', field: 'rating', writer: 'client', row: () => ({ client_id: client.id, rating: 6 }) },
  {
    table: 'program_days',
    field: 'day_of_week',
    writer: 'trainer',
    row: () => ({ program_id: ids.program, name: 'Sunday+1', day_of_week: 7, position: 'c0' }),
  },
  {
    table: 'program_days',
    field: 'day_of_week',
    writer: 'trainer',
    row: () => ({ program_id: ids.program, name: 'Before Sunday', day_of_week: -1, position: 'c1' }),
  },
  {
    table: 'trainer_availability',
    field: 'day_of_week',
    writer: 'trainer',
    row: () => ({ trainer_id: trainer.id, day_of_week: 7, start_time: '09:00', end_time: '10:00' }),
  },
  {
    table: 'trainer_availability',
    field: 'end_time',
    writer: 'trainer',
    row: () => ({ trainer_id: trainer.id, day_of_week: 2, start_time: '10:00', end_time: '09:00' }),
  },
  {
    table: 'bookings',
    field: 'ends_at',
    writer: 'service',
    row: () => ({ trainer_id: trainer.id, client_id: client.id, starts_at: hour(12), ends_at: hour(11), status: 'scheduled' }),
  },
  {
    table: 'bookings',
    field: 'status',
    writer: 'service',
    row: () => ({ trainer_id: trainer.id, client_id: client.id, starts_at: hour(13), ends_at: hour(14), status: 'pending' }),
  },
  {
    table: 'group_sessions',
    field: 'capacity',
    writer: 'service',
    row: () => ({ trainer_id: trainer.id, title: 'Yoga', starts_at: hour(15), ends_at: hour(16), capacity: 0 }),
  },
  {
    table: 'meal_plans',
    field: 'meals',
    writer: 'trainer',
    row: () => ({
      trainer_id: trainer.id,
      client_id: client.id,
      name: 'Bulk',
      meals: [{ id: 'm1', name: 'Breakfast', position: 'a0', items: [{ id: 'i1', name: 'Oats' }] }],
    }),
  },
  {
    table: 'check_in_forms',
    field: 'questions',
    writer: 'trainer',
    row: () => ({ trainer_id: trainer.id, name: 'Weekly', questions: [{ id: 'mood', label: 'Mood', type: 'emoji' }] }),
  },
  { table: 'profiles', field: 'weight_unit', writer: 'client', row: () => ({}) },
];

function expectNamedCheck(error: PostgrestError | null, table: string, field: string): void {
  expect(error, `${table}.${field} should be rejected`).not.toBeNull();
  expect(error?.code).toBe('23514');
  // Constraint names start with <table>_<column>, so the message names the field.
  expect(error?.message).toContain(`${table}_${field}`);
}

describe('CHECK constraints reject bad values with an error naming the field', () => {
  for (const testCase of REJECTED) {
    it(`${testCase.table}.${testCase.field} (${testCase.writer})`, async () => {
      const api = writerClient(testCase.writer);
      if (testCase.table === 'profiles') {
        const { error } = await api.from('profiles').update({ weight_unit: 'stone' }).eq('id', client.id);
        expectNamedCheck(error, 'profiles', 'weight_unit');
        return;
      }
      const { error } = await api.from(testCase.table).insert(testCase.row());
      expectNamedCheck(error, testCase.table, testCase.field);
    });
  }

  it('accepts the boundary values of each range', async () => {
    const boundaries = [
      { reps: 0, weight_kg: 0, rir: 0, rpe: 1 },
      { reps: 1000, weight_kg: 2000, rir: 10, rpe: 10 },
    ];
    for (const values of boundaries) {
      const { error } = await client.client.from('set_logs').insert(setLog(values)());
      expect(error).toBeNull();
    }
    for (const body_fat_pct of [1, 75]) {
      const { error } = await client.client.from('measurements').insert({ client_id: client.id, body_fat_pct });
      expect(error).toBeNull();
    }
    for (const day_of_week of [0, 6]) {
      const { error } = await trainer.client
        .from('program_days')
        .insert({ program_id: ids.program, name: `Day ${day_of_week}`, day_of_week, position: `d${day_of_week}` });
      expect(error).toBeNull();
    }
  });

  it('names the field of a missing parent, a duplicate and an overlap', async () => {
    const orphan = await client.client
      .from('set_logs')
      .insert({ session_id: crypto.randomUUID(), exercise_id: ids.exercise, set_index: 1 });
    expect(orphan.error?.code).toBe('23503');
    expect(orphan.error?.message).toContain('set_logs.session_id');

    const day = '2030-05-05';
    expect((await client.client.from('habit_logs').insert({ habit_id: ids.habit, log_date: day })).error).toBeNull();
    const twice = await client.client.from('habit_logs').insert({ habit_id: ids.habit, log_date: day });
    expect(twice.error?.code).toBe('23505');
    // A habit log's id is derived from (habit, day), so a second log of the day meets the first by its key.
    expect(twice.error?.message).toContain('habit_logs_pkey');

    const slot = { trainer_id: trainer.id, client_id: client.id, status: 'scheduled' };
    expect((await service.from('bookings').insert({ ...slot, starts_at: hour(18), ends_at: hour(19) })).error).toBeNull();
    const overlap = await service.from('bookings').insert({ ...slot, starts_at: hour(18), ends_at: hour(20) });
    expect(overlap.error?.code).toBe('23P01');
    expect(overlap.error?.message).toContain('bookings_trainer_id_during_no_overlap');
    // Back to back is fine, and a cancelled booking frees its slot.
    expect((await service.from('bookings').insert({ ...slot, starts_at: hour(19), ends_at: hour(20) })).error).toBeNull();
    const other = await createUser(stack, { role: 'client', fullName: 'Other client' });
    const cancelled = await service
      .from('bookings')
      .insert({ trainer_id: trainer.id, client_id: other.id, starts_at: hour(21), ends_at: hour(22), status: 'cancelled' });
    expect(cancelled.error).toBeNull();
    expect((await service.from('bookings').insert({ ...slot, starts_at: hour(21), ends_at: hour(22) })).error).toBeNull();
  });

  it('never lets a credit balance go below zero, even with concurrent spends', async () => {
    const booking = await insertReturningId(
      db,
      `insert into public.bookings (trainer_id, client_id, starts_at, ends_at, status) values ($1, $2, $3, $4, 'scheduled')`,
      [trainer.id, client.id, hour(23), hour(24)],
    );
    const grant = await service
      .from('credit_ledger')
      .insert({ client_id: client.id, trainer_id: trainer.id, delta: 1, reason: 'adjustment', note: 'one credit' });
    expect(grant.error).toBeNull();
    const overspend = await service
      .from('credit_ledger')
      .insert({ client_id: client.id, trainer_id: trainer.id, delta: -2, reason: 'spend', booking_id: booking });
    expect(overspend.error?.code).toBe('23514');
    expect(overspend.error?.message).toContain('below zero');

    // Two transactions each spend the one remaining credit; exactly one may commit.
    const spend = async (): Promise<string> => {
      const connection = await db.connect();
      try {
        await connection.query('begin');
        await connection.query(
          `insert into public.credit_ledger (client_id, trainer_id, delta, reason, booking_id) values ($1, $2, -1, 'spend', $3)`,
          [client.id, trainer.id, booking],
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await connection.query('commit');
        return 'committed';
      } catch (error) {
        await connection.query('rollback');
        return (error as { code?: string }).code ?? 'error';
      } finally {
        connection.release();
      }
    };
    const outcomes = await Promise.all([spend(), spend()]);
    expect(outcomes.sort()).toEqual(['23514', 'committed']);
    const { rows } = await db.query<{ balance: number }>(
      `select sum(delta)::int as balance from public.credit_ledger where client_id = $1 and trainer_id = $2 and not deleted`,
      [client.id, trainer.id],
    );
    expect(rows[0]?.balance).toBe(0);
  });
});

describe('catalogue rules', () => {
  const SYNC_COLUMNS: Record<string, { type: string; notNull: boolean }> = {
    id: { type: 'uuid', notNull: true },
    created_at: { type: 'timestamp with time zone', notNull: true },
    updated_at: { type: 'timestamp with time zone', notNull: true },
    updated_by_device: { type: 'text', notNull: false },
    deleted: { type: 'boolean', notNull: true },
    server_rev: { type: 'bigint', notNull: true },
    txid: { type: 'xid8', notNull: true },
  };

  async function publicTables(): Promise<string[]> {
    const { rows } = await db.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by 1`);
    return rows.map((r) => r.tablename);
  }

  it('every table is commented and carries the sync markers, their triggers and the pull index', async () => {
    const problems: string[] = [];
    for (const table of await publicTables()) {
      const rel = `public.${table}`;
      const comment = await db.query<{ c: string | null }>(`select obj_description($1::regclass, 'pg_class') as c`, [rel]);
      if (!comment.rows[0]?.c) problems.push(`${table}: no comment on table`);
      const columns = await db.query<{ name: string; type: string; not_null: boolean }>(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
         from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
        [rel],
      );
      for (const [name, want] of Object.entries(SYNC_COLUMNS)) {
        const column = columns.rows.find((c) => c.name === name);
        if (!column || column.type !== want.type || column.not_null !== want.notNull) problems.push(`${table}.${name}: want ${want.type}`);
      }
      const triggers = await db.query<{ tgname: string }>(
        `select tgname from pg_trigger where tgrelid = $1::regclass and not tgisinternal`,
        [rel],
      );
      for (const name of ['sync_stamp_row', 'sync_soft_delete_row']) {
        if (!triggers.rows.some((t) => t.tgname === name)) problems.push(`${table}: no ${name} trigger`);
      }
      const pullIndex = await db.query(
        `select 1 from pg_index i where i.indrelid = $1::regclass
           and (select array_agg(a.attname order by k.ord) from unnest(i.indkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum) = array['txid', 'id']::name[]`,
        [rel],
      );
      if (!pullIndex.rowCount) problems.push(`${table}: no (txid, id) index`);
    }
    expect(problems).toEqual([]);
  });

  it('policies are per operation and role, commented, use (select auth.uid()), and filter only indexed columns', async () => {
    const { rows } = await db.query<{
      tablename: string;
      policyname: string;
      cmd: string;
      roles: string[];
      qual: string | null;
      with_check: string | null;
      comment: string | null;
    }>(
      `select p.tablename, p.policyname, p.cmd, p.roles::text[] as roles, p.qual, p.with_check,
              (select d.description from pg_policy pol join pg_description d on d.objoid = pol.oid
                where pol.polname = p.policyname and pol.polrelid = format('%I.%I', p.schemaname, p.tablename)::regclass) as comment
       from pg_policies p where p.schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const policy of rows) {
      const name = `${policy.tablename}.${policy.policyname}`;
      if (policy.cmd === 'ALL') problems.push(`${name}: for all`);
      if (policy.roles.length !== 1 || !['authenticated', 'anon'].includes(policy.roles[0] ?? ''))
        problems.push(`${name}: roles ${policy.roles.join(',')}`);
      if (!policy.comment) problems.push(`${name}: no comment`);
      // Wrapped calls run once per statement (an initplan); a bare call would run per row.
      for (const text of [policy.qual ?? '', policy.with_check ?? '']) {
        const unwrapped = text.replace(/SELECT (auth\.uid|(public\.)?(my_client_ids|my_trainer_ids|current_app_role))\(\)/g, '');
        const bare = /(auth\.uid|my_client_ids|my_trainer_ids|current_app_role)\(\)/.exec(unwrapped);
        if (bare) problems.push(`${name}: ${bare[0]} not wrapped in (select ...)`);
      }
      const columns = ['id', 'client_id', 'trainer_id'].filter((c) => new RegExp(`(^|[^a-z_.])${c}([^a-z_]|$)`).test(policy.qual ?? ''));
      for (const column of columns) {
        const indexed = await db.query(
          `select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = $1::regclass and a.attname = $2`,
          [`public.${policy.tablename}`, column],
        );
        if (!indexed.rowCount) problems.push(`${name}: ${column} is filtered but not the first column of an index`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('security definer functions pin search_path, and anon cannot call the membership helpers', async () => {
    const { rows } = await db.query<{ name: string; config: string[] | null }>(
      `select p.oid::regprocedure::text as name, p.proconfig as config from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'sync') and p.prosecdef`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => !(r.config ?? []).includes('search_path=""')).map((r) => r.name)).toEqual([]);
    for (const fn of [
      'public.my_client_ids()',
      'public.my_trainer_ids()',
      'public.is_trainer_of(uuid)',
      'public.current_app_role()',
      'public.accept_invitation(text)',
    ]) {
      const { rows: grants } = await db.query<{ anon: boolean; authenticated: boolean }>(
        `select has_function_privilege('anon', $1, 'execute') as anon, has_function_privilege('authenticated', $1, 'execute') as authenticated`,
        [fn],
      );
      expect(grants[0], fn).toEqual({ anon: false, authenticated: true });
    }
  });

  it('the realtime publication lists the synced tables and what devices must hear about', async () => {
    const { rows } = await db.query<{ tablename: string }>(
      `select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public'`,
    );
    const published = rows.map((r) => r.tablename).sort();
    const synced = [
      'programs',
      'program_days',
      'program_exercises',
      'workout_sessions',
      'set_logs',
      'habits',
      'habit_logs',
      'measurements',
      'check_ins',
      'goals',
      'meal_plans',
      'food_logs',
    ];
    expect(synced).toHaveLength(12);
    expect(published).toEqual([...synced, 'achievements', 'bookings', 'credit_ledger', 'payments', 'trainer_clients', 'profiles'].sort());
  });
});

describe('demo seed', () => {
  let seeded: TestStack;

  beforeAll(async () => {
    seeded = await startTestStack({ seed: fileURLToPath(new URL('../../supabase/seed.sql', import.meta.url)) });
  }, 90_000);

  afterAll(async () => {
    await seeded?.stop();
  });

  function demo(label: string): string {
    const account = DEMO_ACCOUNTS.find((a) => a.label === label);
    if (!account) throw new Error(`no demo account ${label}`);
    return account.email;
  }

  it('loads a lived-in world that the demo accounts see through RLS', async () => {
    expect(seeded.seeded).toBe(true);
    const coach = await signIn(seeded, demo('demo trainer'), DEMO_PASSWORD);
    const alex = await signIn(seeded, demo('demo client'), DEMO_PASSWORD);
    const sam = await signIn(seeded, demo('demo client 2'), DEMO_PASSWORD);
    const admin = await signIn(seeded, demo('demo admin'), DEMO_PASSWORD);

    const roles = await admin.from('profiles').select('role');
    expect(roles.data).toEqual([{ role: 'admin' }]);
    const roster = await coach.from('trainer_clients').select('status').eq('status', 'active');
    expect(roster.data).toHaveLength(2);
    const catalogue = await alex.from('exercises').select('id', { count: 'exact', head: true }).is('trainer_id', null);
    expect(catalogue.count).toBeGreaterThanOrEqual(120);
    const foods = await alex.from('foods').select('id', { count: 'exact', head: true });
    expect(foods.count).toBeGreaterThanOrEqual(200);
    const plans = await anonClient(seeded)
      .from('subscription_plans')
      .select('name, price_cents, free_meetings_per_month')
      .order('price_cents');
    expect(plans.data).toEqual([
      { name: 'Plan 1', price_cents: 999, free_meetings_per_month: 1 },
      { name: 'Plan 2', price_cents: 1999, free_meetings_per_month: 1 },
      { name: 'Plan 3', price_cents: 2999, free_meetings_per_month: 2 },
    ]);

    // Alex is on week 4 of 6; once this week's three days are all logged (the seed logs a day
    // two hours after it, so from Friday evening to Sunday) the program has moved on to week 5.
    const weekFour = await alex.from('workout_sessions').select('id', { count: 'exact', head: true }).eq('week_index', 4).in('status', ['completed', 'partial']);
    const program = await alex.from('programs').select('name, kind, current_week, weeks');
    expect(program.data).toEqual([{ name: 'Strength Foundations (3-day)', kind: 'progressive', current_week: weekFour.count === 3 ? 5 : 4, weeks: 6 }]);
    const alexId = DEMO_ACCOUNTS.find((a) => a.label === 'demo client')?.id ?? '';
    const coachSets = await coach.from('set_logs').select('id', { count: 'exact', head: true }).eq('client_id', alexId);
    expect(coachSets.count).toBeGreaterThan(100);
    const samSees = await sam.from('set_logs').select('id', { count: 'exact', head: true }).eq('client_id', alexId);
    expect(samSees.count).toBe(0);
    for (const table of [
      'habits',
      'habit_logs',
      'measurements',
      'check_ins',
      'goals',
      'meal_plans',
      'food_logs',
      'bookings',
      'credit_ledger',
    ]) {
      const rows = await alex.from(table).select('id', { count: 'exact', head: true });
      expect(rows.count, table).toBeGreaterThan(0);
    }
  });
});

/**
 * The RLS matrix, generated from the catalogue: for every table in `public`, each actor (anon,
 * client A, client B, trainer T of A, unrelated trainer U, service role) tries select, insert,
 * update and delete through /rest/v1 with a real JWT, and the outcome is compared with the
 * expected matrix below. A table without RLS, or without an entry here, fails the suite, so a
 * new table cannot slip by.
 *
 * Matrix cells are four letters, S I U D, with '-' where the operation must be refused:
 *   S  the actor's select returns the fixture row;
 *   I  the actor's insert of a new row in A and T's world succeeds (refused = RLS error 42501);
 *   U  the actor's update changes the stored row (refused = no row changed, or a 42501 error);
 *   D  the actor's delete soft-deletes the row (refused = the row is untouched).
 * Any other error (a bad fixture, a constraint) fails the test rather than counting as refused.
 *
 * Also here: a client cannot make themselves a trainer or admin, join a roster on their own, or
 * write a booking or ledger row; removing a client ends the trainer's access.
 */
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScene, fixtureKey, ROW_FIXTURES, type Db, type Row, type RowFixture, type Scene } from '../fixtures/rows.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { anonClient, connectTrainerAndClient, createUser, serviceClient, uniqueEmail, type TestUser } from '../helpers/users.js';

const ACTORS = ['anon', 'A', 'B', 'T', 'U', 'service'] as const;
type Actor = (typeof ACTORS)[number];
type MatrixRow = Record<Actor, string>;

/** Shorthand for the common shapes. */
const row = (anon: string, A: string, B: string, T: string, U: string, service = 'SIUD'): MatrixRow => ({ anon, A, B, T, U, service });

/**
 * The expected matrix. Why each row is what it is: docs/schema.md ("RLS matrix").
 * Keys are table names, or table#variant for a second kind of row in one table.
 */
const EXPECTED: Record<string, MatrixRow> = {
  // Accounts: own profile editable, never insertable (sign-up trigger) or deletable (delete the auth user).
  profiles: row('----', 'S-U-', '----', 'S---', '----'),
  client_profiles: row('----', 'SIU-', '----', 'S---', '----'),
  trainer_profiles: row('----', 'S---', 'S---', 'SIU-', 'S---'),
  // The client may leave (status removed) but never insert; the trainer invites and removes.
  trainer_clients: row('----', 'S-U-', '----', 'SIUD', '----'),
  // Reference data: read by every signed-in user, written only from the dashboard.
  exercise_categories: row('----', 'S---', 'S---', 'S---', 'S---'),
  exercises: row('----', 'S---', '----', 'SIUD', '----'),
  'exercises#global': row('----', 'S---', 'S---', 'S---', 'S---'),
  foods: row('----', 'S---', 'S---', 'S---', 'S---'),
  subscription_plans: row('S---', 'S---', 'S---', 'S---', 'S---'),
  check_in_forms: row('----', 'S---', '----', 'SIUD', '----'),
  // Plans: the trainer writes, the client reads; templates are the trainer's alone.
  programs: row('----', 'S---', '----', 'SIUD', '----'),
  'programs#template': row('----', '----', '----', 'SIUD', '----'),
  program_days: row('----', 'S---', '----', 'SIUD', '----'),
  program_exercises: row('----', 'S---', '----', 'SIUD', '----'),
  habits: row('----', 'S---', '----', 'SIUD', '----'),
  'habits#client_created': row('----', 'SIUD', '----', 'S---', '----'),
  meal_plans: row('----', 'S---', '----', 'SIUD', '----'),
  'meal_plans#template': row('----', '----', '----', 'SIUD', '----'),
  // Logs: the client writes, the trainer only reads.
  workout_sessions: row('----', 'SIUD', '----', 'S---', '----'),
  set_logs: row('----', 'SIUD', '----', 'S---', '----'),
  habit_logs: row('----', 'SIUD', '----', 'S---', '----'),
  measurements: row('----', 'SIUD', '----', 'S---', '----'),
  food_logs: row('----', 'SIUD', '----', 'S---', '----'),
  // The update writes the trainer's response: the client may not, the addressed trainer may.
  check_ins: row('----', 'SI-D', '----', 'S-U-', '----'),
  // Shared plan: both sides write.
  goals: row('----', 'SIUD', '----', 'SIUD', '----'),
  // Granted and recorded by server functions only.
  achievements: row('----', 'S---', '----', 'S---', '----'),
  subscriptions: row('----', 'S---', '----', 'S---', '----'),
  trainer_pricing: row('----', 'S---', 'S---', 'SIUD', 'S---'),
  trainer_availability: row('----', 'S---', '----', 'SIUD', '----'),
  availability_exceptions: row('----', 'S---', '----', 'SIUD', '----'),
  payments: row('----', 'S---', '----', 'S---', '----'),
  group_sessions: row('----', 'S---', '----', 'S---', '----'),
  group_session_attendees: row('----', 'S---', '----', 'S---', '----'),
  bookings: row('----', 'S---', '----', 'S---', '----'),
  credit_ledger: row('----', 'S---', '----', 'S---', '----'),
};

let stack: TestStack;
let db: Db;
let scene: Scene;
let users: Record<'A' | 'B' | 'T' | 'U', TestUser>;
let clients: Record<Actor, SupabaseClient>;

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Pool({ connectionString: stack.superuserUrl, max: 4 });
  db.on('error', () => undefined); // idle connections closed by the stack's shutdown
  const [A, B, T, U] = await Promise.all([
    createUser(stack, { role: 'client', fullName: 'Client A' }),
    createUser(stack, { role: 'client', fullName: 'Client B' }),
    createUser(stack, { role: 'trainer', fullName: 'Trainer T' }),
    createUser(stack, { role: 'trainer', fullName: 'Trainer U' }),
  ]);
  users = { A, B, T, U };
  await connectTrainerAndClient(T, A);
  await connectTrainerAndClient(U, B);
  scene = await buildScene(db, { A: A.id, B: B.id, T: T.id, U: U.id });
  clients = { anon: anonClient(stack), A: A.client, B: B.client, T: T.client, U: U.client, service: serviceClient(stack) };
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

function isRlsRefusal(error: PostgrestError): boolean {
  return error.code === '42501';
}

async function stored(table: string, id: string): Promise<Row | undefined> {
  const { rows } = await db.query<{ row: Row }>(`select to_jsonb(t) as row from public.${table} t where t.id = $1`, [id]);
  return rows[0]?.row;
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && (typeof actual === 'number' || typeof actual === 'string')) return Number(actual) === expected;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** One actor's four attempts on one fixture, as the matrix cell string (e.g. "S-U-"). */
async function attempt(fixture: RowFixture, actor: Actor): Promise<string> {
  const client = clients[actor];
  const { table } = fixture;
  const rowId = await fixture.create(db, scene);
  const context = `${fixtureKey(fixture)} as ${actor}`;

  const selected = await client.from(table).select('id').eq('id', rowId);
  if (selected.error) throw new Error(`${context}: select failed: ${selected.error.message}`);
  const canSelect = selected.data.length === 1;

  const before = await stored(table, rowId);
  for (const [column, value] of Object.entries(fixture.patch)) {
    if (sameValue(before?.[column], value)) throw new Error(`${context}: patch of ${column} does not change the fixture row`);
  }
  const updated = await client.from(table).update(fixture.patch).eq('id', rowId);
  if (updated.error && !isRlsRefusal(updated.error)) throw new Error(`${context}: update failed: ${updated.error.message}`);
  const afterUpdate = await stored(table, rowId);
  const canUpdate = Object.entries(fixture.patch).every(([column, value]) => sameValue(afterUpdate?.[column], value));

  const deleted = await client.from(table).delete().eq('id', rowId);
  if (deleted.error && !isRlsRefusal(deleted.error)) throw new Error(`${context}: delete failed: ${deleted.error.message}`);
  const afterDelete = await stored(table, rowId);
  const canDelete = afterDelete === undefined || afterDelete.deleted === true;

  const payload = await fixture.insertRow(db, scene);
  const inserted = await client.from(table).insert(payload);
  if (inserted.error && !isRlsRefusal(inserted.error)) throw new Error(`${context}: insert failed: ${inserted.error.message}`);
  const canInsert = !inserted.error;
  if (canInsert && (await stored(table, String(payload.id))) === undefined)
    throw new Error(`${context}: insert reported success but stored nothing`);

  await fixture.cleanup?.(db, scene);
  return `${canSelect ? 'S' : '-'}${canInsert ? 'I' : '-'}${canUpdate ? 'U' : '-'}${canDelete ? 'D' : '-'}`;
}

describe('RLS matrix over every table in public', () => {
  it('covers exactly the tables in the catalogue, each with RLS enabled', async () => {
    const { rows } = await db.query<{ tablename: string; rowsecurity: boolean }>(
      `select tablename, rowsecurity from pg_tables where schemaname = 'public' order by tablename`,
    );
    const tables = rows.map((r) => r.tablename);
    const withoutRls = rows.filter((r) => !r.rowsecurity).map((r) => r.tablename);
    const expectedTables = new Set(Object.keys(EXPECTED).map((key) => key.split('#')[0] ?? key));
    const fixtureTables = new Set(ROW_FIXTURES.map((f) => f.table));
    expect(withoutRls, 'tables with row-level security disabled').toEqual([]);
    expect(
      tables.filter((t) => !expectedTables.has(t)),
      'tables missing from the expected matrix',
    ).toEqual([]);
    expect(
      tables.filter((t) => !fixtureTables.has(t)),
      'tables without a fixture row',
    ).toEqual([]);
    expect(
      [...expectedTables].filter((t) => !tables.includes(t)),
      'matrix entries for tables that do not exist',
    ).toEqual([]);
    expect(ROW_FIXTURES.map(fixtureKey).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const fixture of ROW_FIXTURES) {
    const key = fixtureKey(fixture);
    it(`${key}: ${fixture.describes}`, async () => {
      const actual = {} as MatrixRow;
      for (const actor of ACTORS) actual[actor] = await attempt(fixture, actor);
      expect(actual).toEqual(EXPECTED[key]);
    });
  }
});

describe('privilege escalation', () => {
  async function roleOf(userId: string): Promise<string> {
    const { rows } = await db.query<{ role: string }>('select role from public.profiles where id = $1', [userId]);
    return rows[0]?.role ?? 'missing';
  }

  it('a client cannot make themselves a trainer or an admin', async () => {
    for (const role of ['trainer', 'admin']) {
      const { error } = await users.A.client.from('profiles').update({ role }).eq('id', users.A.id);
      expect(error?.code).toBe('42501');
      expect(error?.message).toContain('profiles.role');
      expect(await roleOf(users.A.id)).toBe('client');
    }
    const trial = await users.A.client.from('profiles').update({ trial_ends_at: '2099-01-01T00:00:00Z' }).eq('id', users.A.id);
    expect(trial.error?.code).toBe('42501');
  });

  it('sign-up cannot ask for admin: the profile becomes a client', async () => {
    const { data, error } = await anonClient(stack).auth.signUp({
      email: uniqueEmail('would-be-admin'),
      password: 'correct horse battery staple',
      options: { data: { full_name: 'Mallory', role: 'admin' } },
    });
    expect(error).toBeNull();
    expect(await roleOf(data.user?.id ?? '')).toBe('client');
  });

  it("a client cannot put themselves on another trainer's roster", async () => {
    const { A, U } = users;
    const direct = await A.client.from('trainer_clients').insert({ trainer_id: U.id, client_id: A.id, status: 'active' });
    expect(direct.error?.code).toBe('42501');
    const asInvite = await A.client.from('trainer_clients').insert({ trainer_id: U.id, status: 'invited' });
    expect(asInvite.error?.code).toBe('42501');

    // U invites someone else by email: A knows the code but is not the invitee.
    const invite = await U.client
      .from('trainer_clients')
      .insert({ trainer_id: U.id, invited_email: uniqueEmail('someone') })
      .select('id, invite_code')
      .single();
    expect(invite.error).toBeNull();
    const code = (invite.data as { invite_code: string }).invite_code;
    const stolen = await A.client.rpc('accept_invitation', { code });
    expect(stolen.error?.message).toContain('another email address');
    // Nor can A write themselves into U's invitation row (A cannot even see it).
    const hijack = await A.client.from('trainer_clients').update({ client_id: A.id, status: 'active' }).eq('invite_code', code);
    expect(hijack.error).toBeNull();
    const { rows } = await db.query('select client_id, status from public.trainer_clients where invite_code = $1', [code]);
    expect(rows[0]).toEqual({ client_id: null, status: 'invited' });
    const relationships = await db.query(`select 1 from public.trainer_clients where trainer_id = $1 and client_id = $2`, [U.id, A.id]);
    expect(relationships.rowCount).toBe(0);
  });

  it('a trainer cannot add a client without their acceptance, and a client cannot reactivate a removed relationship', async () => {
    const { T, B } = users;
    const grab = await T.client.from('trainer_clients').insert({ trainer_id: T.id, client_id: B.id, status: 'active' });
    expect(grab.error?.code).toBe('42501');
    const { rows } = await db.query<{ id: string }>(
      `insert into public.trainer_clients (trainer_id, client_id, status) values ($1, $2, 'removed') returning id`,
      [T.id, B.id],
    );
    const removedId = rows[0]?.id ?? '';
    const reactivate = await B.client.from('trainer_clients').update({ status: 'active' }).eq('id', removedId);
    expect(reactivate.error?.code).toBe('42501');
    const byTrainer = await T.client.from('trainer_clients').update({ status: 'active' }).eq('id', removedId);
    expect(byTrainer.error?.code).toBe('42501');
    const visible = await T.client.from('set_logs').select('id').eq('client_id', B.id);
    expect(visible.data).toEqual([]);
  });

  it('nobody writes bookings or the credit ledger directly', async () => {
    const { A, T } = users;
    const start = new Date(Date.UTC(2032, 5, 1, 9)).toISOString();
    const end = new Date(Date.UTC(2032, 5, 1, 10)).toISOString();
    for (const user of [A, T]) {
      const booking = await user.client
        .from('bookings')
        .insert({ trainer_id: T.id, client_id: A.id, starts_at: start, ends_at: end, status: 'confirmed' });
      expect(booking.error?.code).toBe('42501');
      const credit = await user.client
        .from('credit_ledger')
        .insert({ client_id: A.id, trainer_id: T.id, delta: 100, reason: 'adjustment' });
      expect(credit.error?.code).toBe('42501');
    }
    // A's own rows are readable but not changeable.
    const { rows } = await db.query<{ id: string }>(
      `insert into public.bookings (trainer_id, client_id, starts_at, ends_at, status, credits_spent) values ($1, $2, $3, $4, 'scheduled', 1) returning id`,
      [T.id, A.id, start, end],
    );
    const bookingId = rows[0]?.id ?? '';
    expect((await A.client.from('bookings').select('id').eq('id', bookingId)).data).toHaveLength(1);
    await A.client.from('bookings').update({ credits_spent: 0, status: 'completed' }).eq('id', bookingId);
    await A.client.from('bookings').delete().eq('id', bookingId);
    const after = await db.query('select status, credits_spent, deleted from public.bookings where id = $1', [bookingId]);
    expect(after.rows[0]).toEqual({ status: 'scheduled', credits_spent: 1, deleted: false });
    const balance = await db.query(
      `select coalesce(sum(delta), 0)::int as n from public.credit_ledger where client_id = $1 and reason = 'adjustment' and note is null`,
      [A.id],
    );
    expect(balance.rows[0]).toEqual({ n: 0 });
  });

  it("removing a client ends the trainer's access to the client's data", async () => {
    const { A, T } = users;
    const seen = await T.client.from('workout_sessions').select('id').eq('client_id', A.id);
    expect(seen.data?.length).toBeGreaterThan(0);
    const relationship = await db.query<{ id: string }>(
      `select id from public.trainer_clients where trainer_id = $1 and client_id = $2 and status = 'active' and not deleted`,
      [T.id, A.id],
    );
    const removal = await T.client
      .from('trainer_clients')
      .update({ status: 'removed' })
      .eq('id', relationship.rows[0]?.id ?? '');
    expect(removal.error).toBeNull();
    for (const table of ['workout_sessions', 'set_logs', 'measurements', 'profiles', 'client_profiles']) {
      const column = table === 'profiles' ? 'id' : 'client_id';
      const after = await T.client.from(table).select('id').eq(column, A.id);
      expect(after.data, table).toEqual([]);
    }
    const edit = await T.client.from('programs').update({ name: 'After removal' }).eq('id', scene.programId);
    expect(edit.error).toBeNull();
    const program = await db.query('select name from public.programs where id = $1', [scene.programId]);
    expect(program.rows[0]).toEqual({ name: 'Scene program' });
  });
});

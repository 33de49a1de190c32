/**
 * Achievement judging stays linear in the rows one statement writes (issue 16.9): an import of
 * a client's history, a restore or a long offline push must not hang the database. Measured in
 * what Postgres counts, not in time: the tuples the statement's triggers read, per written
 * row, from this transaction's own statistics. Judged row by row, each set read every later
 * heavier set of its exercise, each workout counted all the client's workouts and each habit
 * day read all the habit's days, so four times the history read far more than four times.
 *
 * The judging's result is held to the device's rules in achievement-rules-agree.test.ts; here
 * the same history gets the same grants written at once or in pieces, and by one update.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPrs, insertSetLogHistory, prepareHistoryClient } from '../helpers/set-log-history';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let db: pg.Client;

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.superuserUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

/** Tuples of `table` read (by scans and index fetches) so far in this transaction. */
async function tuplesRead(table: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select (pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid))::text as n
     from pg_class c where c.oid = $1::regclass`,
    [table],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Runs `write` (one statement of `rows` rows) in a transaction; answers `table`'s tuples read per row. */
async function readsPerRow(table: string, rows: number, write: () => Promise<number>): Promise<number> {
  await db.query('begin');
  try {
    const before = await tuplesRead(table);
    const written = await write();
    const read = (await tuplesRead(table)) - before;
    await db.query('commit');
    expect(written).toBe(rows);
    return read / rows;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/** A set history of `rows` sets in one statement: set_logs tuples read per row, and PRs granted. */
async function setHistoryReads(rows: number): Promise<{ perRow: number; prs: number }> {
  const client = await prepareHistoryClient(db, rows);
  const perRow = await readsPerRow('public.set_logs', rows, () => insertSetLogHistory(db, client, rows));
  return { perRow, prs: await countPrs(db, client.clientId) };
}

async function newClient(): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (id, email, raw_user_meta_data)
     values (extensions.gen_random_uuid(), 'bulk-' || extensions.gen_random_uuid() || '@test.local', '{"role": "client"}') returning id`,
  );
  return rows[0]?.id as string;
}

/** `days` finished workouts, one a day back from yesterday, in one statement. */
async function insertWorkouts(clientId: string, days: number): Promise<number> {
  const result = await db.query(
    `insert into public.workout_sessions (client_id, status, started_at)
     select $1, 'completed', now() - d * interval '1 day' from generate_series(1, $2::int) d`,
    [clientId, days],
  );
  return result.rowCount ?? 0;
}

/** A daily habit ticked on `days` days in a row up to yesterday, in one statement; answers the habit. */
async function tickHabitDays(clientId: string, days: number, done = true): Promise<{ habitId: string; written: number }> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.habits (client_id, name, cadence, starts_on) values ($1, 'Walk', 'daily', current_date - 2000) returning id`,
    [clientId],
  );
  const habitId = rows[0]?.id as string;
  const result = await db.query(
    `insert into public.habit_logs (habit_id, log_date, done) select $1, current_date - d, $3 from generate_series(1, $2::int) d`,
    [habitId, days, done],
  );
  return { habitId, written: result.rowCount ?? 0 };
}

async function keysOf(clientId: string, kind: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(`select key from public.achievements where client_id = $1 and kind = $2 order by key`, [
    clientId,
    kind,
  ]);
  return rows.map((r) => r.key);
}

describe('PR judging of a bulk write', () => {
  it('reads about as many sets per written row for 4,000 rows as for 1,000, and grants records in both', async () => {
    const small = await setHistoryReads(1_000);
    const large = await setHistoryReads(4_000);
    // The climbing history breaks records all along: a quarter of its sets or more.
    expect(small.prs).toBeGreaterThan(250);
    expect(large.prs).toBeGreaterThan(1_000);
    expect(large.perRow).toBeLessThan(small.perRow * 1.25 + 1);
  });

  it('grants the same records to a history written at once, in pieces, or ticked done by one update', async () => {
    const rows = 600;
    const atOnce = await prepareHistoryClient(db, rows);
    await insertSetLogHistory(db, atOnce, rows);

    // The same history by workouts in arrival order newest first (a restore in any order).
    const inPieces = await prepareHistoryClient(db, rows);
    await insertSetLogHistory(db, inPieces, rows, false);
    const { rows: sessions } = await db.query<{ id: string }>(
      `select id from public.workout_sessions where client_id = $1 order by started_at desc`,
      [inPieces.clientId],
    );
    for (const session of sessions) {
      await db.query('update public.set_logs set done = true where session_id = $1', [session.id]);
    }

    const byOneUpdate = await prepareHistoryClient(db, rows);
    await insertSetLogHistory(db, byOneUpdate, rows, false);
    expect(await countPrs(db, byOneUpdate.clientId)).toBe(0);
    await db.query('update public.set_logs set done = true where client_id = $1', [byOneUpdate.clientId]);

    // Keys name the exercise: compare them by the exercise's place in each client's list.
    const normalised = async (client: { clientId: string; exerciseIds: string[] }) =>
      (await keysOf(client.clientId, 'pr')).map((k) => client.exerciseIds.reduce((key, id, i) => key.replace(id, `lift${i}`), k)).sort();
    const expected = await normalised(atOnce);
    expect(expected.length).toBeGreaterThan(100);
    expect(await normalised(byOneUpdate)).toEqual(expected);
    expect(await normalised(inPieces)).toEqual(expected);
  });

  it('reads about as many workouts and habit days per written row for 2,000 rows as for 500', async () => {
    const workoutReads = async (n: number) => {
      const clientId = await newClient();
      return readsPerRow('public.workout_sessions', n, () => insertWorkouts(clientId, n));
    };
    const habitReads = async (n: number) => {
      const clientId = await newClient();
      return readsPerRow('public.habit_logs', n, async () => (await tickHabitDays(clientId, n)).written);
    };
    const [workoutsSmall, workoutsLarge] = [await workoutReads(500), await workoutReads(2_000)];
    const [habitSmall, habitLarge] = [await habitReads(500), await habitReads(2_000)];
    // A few reads per row whatever the size (judged row by row: hundreds, growing with it).
    expect(workoutsLarge).toBeLessThan(workoutsSmall * 1.25 + 2);
    expect(habitLarge).toBeLessThan(habitSmall * 1.25 + 2);
  });

  it('grants every workout milestone and streak a bulk import reaches, and the same when ticked by one update', async () => {
    const imported = await newClient();
    expect(await insertWorkouts(imported, 120)).toBe(120);
    expect(await keysOf(imported, 'milestone')).toEqual([
      'milestone:first_workout',
      'milestone:workouts:10',
      'milestone:workouts:100',
      'milestone:workouts:25',
      'milestone:workouts:50',
    ]);
    const streaks = (habitId: string, upTo: number[]) => upTo.map((n) => `streak:habit:${habitId}:${n}`).sort();
    const { habitId } = await tickHabitDays(imported, 400);
    expect(await keysOf(imported, 'streak')).toEqual(streaks(habitId, [3, 7, 14, 30, 60, 100, 365]));

    const ticked = await newClient();
    const later = await tickHabitDays(ticked, 40, false);
    expect(await keysOf(ticked, 'streak')).toEqual([]);
    await db.query('update public.habit_logs set done = true where habit_id = $1', [later.habitId]);
    expect(await keysOf(ticked, 'streak')).toEqual(streaks(later.habitId, [3, 7, 14, 30]));
  });
});

/**
 * A long training history written in one `insert … select`, as an admin importing a client's
 * history, a restore, or a device pushing a long offline stretch would write it: workouts of
 * 20 sets over 6 exercises, one every second day back in time, loads that climb 0.1 kg a
 * workout (so personal records keep coming, as in a real history) with lighter back-off sets.
 * Every trigger of set_logs runs, the PR judging among them. Used by the bulk-insert benchmark
 * (bench/groups/sync.ts) and tests/integration/bulk-achievements-linear.test.ts.
 */
import type pg from 'pg';

const SETS_PER_WORKOUT = 20;
const EXERCISES = 6;

export type HistoryClient = { clientId: string; exerciseIds: string[] };

/** A new client with its own 6 catalogue exercises and empty workouts for `rows` sets. */
export async function prepareHistoryClient(db: pg.ClientBase, rows: number): Promise<HistoryClient> {
  const { rows: users } = await db.query<{ id: string }>(
    `insert into auth.users (id, email, raw_user_meta_data)
     values (extensions.gen_random_uuid(), 'history-' || extensions.gen_random_uuid() || '@bench.test', '{"role": "client", "full_name": "History Client"}')
     returning id`,
  );
  const clientId = users[0]?.id;
  if (!clientId) throw new Error('no client created');
  const { rows: exercises } = await db.query<{ id: string }>(
    `insert into public.exercises (name, body_part, equipment)
     select 'History lift ' || n || ' ' || $1::text, 'full_body', 'barbell' from generate_series(1, $2::int) n
     returning id`,
    [clientId, EXERCISES],
  );
  await db.query(
    `insert into public.workout_sessions (client_id, status, started_at, ended_at, created_at, updated_at)
     select $1, 'completed', t, t + interval '1 hour', t, t
     from generate_series(1, $2::int) w, lateral (select now() - (w * 2) * interval '1 day' as t) days`,
    [clientId, Math.ceil(rows / SETS_PER_WORKOUT)],
  );
  return { clientId, exerciseIds: exercises.map((e) => e.id) };
}

/** Writes `rows` set logs of the client's history in one statement; answers how many it wrote. */
export async function insertSetLogHistory(db: pg.ClientBase, client: HistoryClient, rows: number, done = true): Promise<number> {
  const inserted = await db.query(
    `insert into public.set_logs (session_id, client_id, exercise_id, set_index, weight_kg, reps, rir, done, performed_at, created_at, updated_at)
     select s.id, s.client_id, ($3::uuid[])[1 + (k % array_length($3::uuid[], 1))], k,
            40 + (dense_rank() over (order by s.started_at)) * 0.1 - case when k > 16 then 10 else 0 end,
            5, 2, $5, s.started_at + k * interval '2 minutes', s.started_at, s.started_at
     from public.workout_sessions s
     cross join generate_series(1, $2::int) k
     where s.client_id = $1
     limit $4`,
    [client.clientId, SETS_PER_WORKOUT, client.exerciseIds, rows, done],
  );
  return inserted.rowCount ?? 0;
}

/** How many PR achievements the client holds. */
export async function countPrs(db: pg.ClientBase, clientId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.achievements where client_id = $1 and kind = 'pr'`,
    [clientId],
  );
  return rows[0]?.n ?? 0;
}

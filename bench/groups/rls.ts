/**
 * What row-level security costs on the hottest read: a trainer with 100 active clients and
 * 200,000 set logs asks /rest/v1 for one client's last 90 days of sets. The same request with
 * the service role key (which bypasses RLS) is the baseline; both go through the gateway and
 * PostgREST, so the ratio isolates the policies (set_logs_select: the caller's own rows or
 * client_id = any(my_client_ids()), the helper evaluated once per statement).
 */
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import pg from 'pg';
import { secretBytes } from '../../supabase/local/keys.js';
import { startStack } from '../../supabase/local/stack.js';
import { median, report } from '../report.js';

const CLIENTS = 100;
const SET_LOGS = 200_000;
const SETS_PER_SESSION = 20;
const HISTORY_DAYS = 365;
const WINDOW_DAYS = 90;
const RUNS = 30;
const WARMUP = 5;

async function userToken(userId: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: userId, role: 'authenticated', aud: 'authenticated', email: `${userId}@bench.test` })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(secretBytes(secret));
}

/** One trainer, CLIENTS clients on the roster, SET_LOGS sets spread over a year of sessions. */
async function generate(db: pg.Client): Promise<{ trainerId: string; clientId: string }> {
  const trainerId = randomUUID();
  await db.query(
    `insert into auth.users (id, email, raw_user_meta_data) values ($1, 'trainer@bench.test', '{"role": "trainer", "full_name": "Bench Trainer"}')`,
    [trainerId],
  );
  const { rows: clients } = await db.query<{ id: string }>(
    `insert into auth.users (id, email, raw_user_meta_data)
     select extensions.gen_random_uuid(), 'client' || n || '@bench.test', jsonb_build_object('role', 'client', 'full_name', 'Client ' || n)
     from generate_series(1, $1::int) n
     returning id`,
    [CLIENTS],
  );
  await db.query(
    `insert into public.trainer_clients (trainer_id, client_id, status, accepted_at)
     select $1, u.id, 'active', now() from unnest($2::uuid[]) u(id)`,
    [trainerId, clients.map((c) => c.id)],
  );
  await db.query(
    `insert into public.exercises (name, body_part, equipment)
     select 'Bench exercise ' || n, 'full_body', 'barbell' from generate_series(1, 12) n`,
  );
  const sessionsPerClient = Math.ceil(SET_LOGS / CLIENTS / SETS_PER_SESSION);
  await db.query(
    `insert into public.workout_sessions (client_id, status, started_at, ended_at, created_at, updated_at)
     select c.id, 'completed', t, t + interval '1 hour', t, t
     from unnest($1::uuid[]) c(id),
          lateral (select now() - (s * ($3::float8 / $2::int)) * interval '1 day' as t from generate_series(1, $2::int) s) days`,
    [clients.map((c) => c.id), sessionsPerClient, HISTORY_DAYS],
  );
  await db.query(
    `insert into public.set_logs (session_id, client_id, exercise_id, set_index, weight_kg, reps, rir, done, performed_at, created_at, updated_at)
     select s.id, s.client_id, e.ids[1 + (k % array_length(e.ids, 1))], k, 20 + (k * 7) % 120, 3 + k % 10, k % 4, true,
            s.started_at + k * interval '2 minutes', s.started_at, s.started_at
     from public.workout_sessions s
     cross join (select array_agg(id) as ids from public.exercises) e
     cross join generate_series(1, $1::int) k`,
    [SETS_PER_SESSION],
  );
  await db.query('analyze');
  const client = clients[Math.floor(CLIENTS / 2)];
  if (!client) throw new Error('no clients generated');
  return { trainerId, clientId: client.id };
}

async function timedGet(url: string, apiKey: string, bearer: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { apikey: apiKey, Authorization: `Bearer ${bearer}` } });
  const body = (await res.json()) as unknown;
  const ms = performance.now() - started;
  if (!res.ok || !Array.isArray(body)) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return { ms, rows: body.length };
}

export async function run(): Promise<void> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, authRateLimits: LOAD_TEST_RATE_LIMITS });
  const db = new pg.Client({ connectionString: stack.superuserUrl });
  await db.connect();
  try {
    const generatedAt = performance.now();
    const { trainerId, clientId } = await generate(db);
    const { rows: counted } = await db.query<{ n: number }>('select count(*)::int as n from public.set_logs');
    report('rls_generate_set_logs', counted[0]?.n ?? 0, 'rows');
    report('rls_generate_ms', performance.now() - generatedAt, 'ms');

    const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000).toISOString();
    const url = `${stack.apiUrl}/rest/v1/set_logs?select=*&client_id=eq.${clientId}&performed_at=gte.${encodeURIComponent(since)}&order=performed_at.desc`;
    const trainerToken = await userToken(trainerId, stack.jwtSecret);

    const withRls: number[] = [];
    const withoutRls: number[] = [];
    let rowsWithRls = 0;
    let rowsWithoutRls = 0;
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      // Interleaved so drift (caches, the machine) affects both series alike.
      const a = await timedGet(url, stack.anonKey, trainerToken);
      const b = await timedGet(url, stack.serviceRoleKey, stack.serviceRoleKey);
      if (i < WARMUP) continue;
      withRls.push(a.ms);
      withoutRls.push(b.ms);
      rowsWithRls = a.rows;
      rowsWithoutRls = b.rows;
    }
    if (rowsWithRls !== rowsWithoutRls || rowsWithRls === 0) {
      throw new Error(`the trainer saw ${rowsWithRls} rows, the service role ${rowsWithoutRls}: the policies changed the result`);
    }
    const rlsMs = median(withRls);
    const noRlsMs = median(withoutRls);
    report('rls_client_window_rows', rowsWithRls, 'rows');
    report('rls_client_window_ms', rlsMs, 'ms');
    report('norls_client_window_ms', noRlsMs, 'ms');
    report('rls_overhead_ratio', rlsMs / noRlsMs, 'x');
  } finally {
    await db.end();
    await stack.stop();
  }
}

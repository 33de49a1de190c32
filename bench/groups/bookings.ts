/**
 * book_session through PostgREST (issue 9): 8 concurrent callers, each a signed-in client of the
 * same trainer booking distinct slots, against a baseline from the same run: 8 concurrent callers
 * of a trivial RPC that updates one row (one row per caller) through the same gateway and
 * PostgREST with the same JWTs. The two loads alternate in rounds so that drift in the machine
 * hits both. The trivial function and its table are created here, not in a migration.
 *
 * Prints book_session_per_s, book_session_p95_ms, trivial_rpc_per_s, trivial_rpc_p95_ms and
 * booking_cost_ratio (trivial per second / bookings per second; target <= 2).
 */
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { startStack } from '../../supabase/local/stack.js';
import { connectTrainerAndClient, createUser, type TestUser } from '../../tests/helpers/users.js';
import { percentile, report } from '../report.js';

const CALLERS = 8;
const ROUNDS = 3;
/** Calls per caller per round. */
const CALLS = 60;
const WARMUP_CALLS = 10;
const SESSION_MINUTES = 30;
const DAY_START_HOUR = 6;
const SLOTS_PER_DAY = ((22 - DAY_START_HOUR) * 60) / SESSION_MINUTES;

const TRIVIAL_SETUP = `
  create table public.bench_counters (id integer primary key, n bigint not null default 0);
  alter table public.bench_counters enable row level security;
  insert into public.bench_counters (id) select g from generate_series(1, ${CALLERS}) g;
  create function public.bench_touch(p_id integer)
  returns bigint
  language sql
  security definer
  set search_path = ''
  as $$ update public.bench_counters set n = n + 1 where id = p_id returning n $$;
  revoke execute on function public.bench_touch(integer) from public, anon;
  grant execute on function public.bench_touch(integer) to authenticated;
  notify pgrst, 'reload schema';
`;

type Load = { perSecond: number; latenciesMs: number[] };

/** Runs `call(caller, i)` `calls` times per caller, all callers at once; times each call. */
async function runLoad(calls: number, call: (caller: number, i: number) => Promise<void>): Promise<Load> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, caller) => {
      for (let i = 0; i < calls; i += 1) {
        const t = performance.now();
        await call(caller, i);
        latenciesMs.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: (CALLERS * calls) / ((performance.now() - started) / 1000), latenciesMs };
}

async function expectOk(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<void> {
  const { error } = await client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
}

async function waitForFunction(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { error } = await client.rpc(fn, args);
    if (!error) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${fn} never appeared in PostgREST's schema cache`);
}

export async function run(): Promise<void> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, authRateLimits: LOAD_TEST_RATE_LIMITS, bcryptCost: 4 });
  const db = new pg.Pool({ connectionString: stack.superuserUrl, max: 2 });
  db.on('error', () => undefined);
  try {
    const trainer = await createUser(stack, { role: 'trainer', fullName: 'Bench trainer' });
    const clients: TestUser[] = await Promise.all(
      Array.from({ length: CALLERS }, (_, i) => createUser(stack, { role: 'client', fullName: `Bench client ${i + 1}` })),
    );
    for (const client of clients) await connectTrainerAndClient(trainer, client);
    const { error } = await trainer.client.from('trainer_availability').insert(
      Array.from({ length: 7 }, (_, day) => ({
        trainer_id: trainer.id,
        day_of_week: day,
        start_time: `${String(DAY_START_HOUR).padStart(2, '0')}:00`,
        end_time: '22:00',
        session_minutes: SESSION_MINUTES,
      })),
    );
    if (error) throw new Error(`availability: ${error.message}`);
    const perClient = WARMUP_CALLS + ROUNDS * CALLS;
    await db.query(
      `insert into public.credit_ledger (client_id, trainer_id, delta, reason, note)
       select unnest($1::uuid[]), $2::uuid, $3::int, 'adjustment', 'bench'`,
      [clients.map((c) => c.id), trainer.id, perClient],
    );
    const setup = new pg.Client({ connectionString: stack.dbUrl });
    await setup.connect();
    await setup.query(TRIVIAL_SETUP);
    await setup.end();
    await waitForFunction((clients[0] as TestUser).client, 'bench_touch', { p_id: 1 });

    // Distinct slots from tomorrow on, 06:00-22:00 UTC: caller c takes every CALLERS-th slot.
    const firstDay = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1);
    let nextSlot = 0;
    const slot = (): string => {
      const n = nextSlot;
      nextSlot += 1;
      const day = Math.floor(n / SLOTS_PER_DAY);
      const minutes = DAY_START_HOUR * 60 + (n % SLOTS_PER_DAY) * SESSION_MINUTES;
      return new Date(firstDay + day * 86_400_000 + minutes * 60_000).toISOString();
    };
    const book = async (caller: number): Promise<void> => {
      const client = (clients[caller] as TestUser).client;
      await expectOk(client, 'book_session', { p_trainer_id: trainer.id, p_starts_at: slot(), p_idempotency_key: randomUUID() });
    };
    const touch = async (caller: number): Promise<void> =>
      expectOk((clients[caller] as TestUser).client, 'bench_touch', { p_id: caller + 1 });

    await runLoad(WARMUP_CALLS, touch);
    await runLoad(WARMUP_CALLS, book);
    const bookings: Load[] = [];
    const trivial: Load[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      trivial.push(await runLoad(CALLS, touch));
      bookings.push(await runLoad(CALLS, book));
    }

    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.bookings where trainer_id = $1 and status = 'confirmed'`,
      [trainer.id],
    );
    if (rows[0]?.n !== CALLERS * perClient) throw new Error(`expected ${CALLERS * perClient} bookings, found ${rows[0]?.n}`);

    const mean = (loads: Load[]): number => loads.reduce((sum, l) => sum + l.perSecond, 0) / loads.length;
    const bookPerSecond = mean(bookings);
    const trivialPerSecond = mean(trivial);
    report('book_session_per_s', bookPerSecond, '/s');
    report(
      'book_session_p95_ms',
      percentile(
        bookings.flatMap((l) => l.latenciesMs),
        95,
      ),
      'ms',
    );
    report('trivial_rpc_per_s', trivialPerSecond, '/s');
    report(
      'trivial_rpc_p95_ms',
      percentile(
        trivial.flatMap((l) => l.latenciesMs),
        95,
      ),
      'ms',
    );
    report('booking_cost_ratio', trivialPerSecond / bookPerSecond, 'x');
  } finally {
    await db.end();
    await stack.stop();
  }
}

/**
 * Replicas of server-decided data (src/sync/replicas), in Node on fake-indexeddb through the
 * real stack (PostgREST, RLS, sync_pull):
 * - replica_first_pull_2k_ms / _20k_ms: a client's device pulls its bookings replica from empty.
 * - replica_refresh_1_change_2k_ms / _20k_ms: one booking changes among 2,000 (or 20,000) on
 *   the device; the refresh that brings it, median of 25. Must not grow with the replica's size:
 *   replica_refresh_ratio_20k_2k (target <= 1.5).
 * - poke_fanout_ms: from the commit of a change to a client's booking to the poke arriving on
 *   the client's private channel (user:<id>), median of 50.
 */
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import pg from 'pg';
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { startStack } from '../../supabase/local/stack.js';
import { REPLICAS, bookingsReplica, openReplicaStore, type ReplicaStore } from '../../src/sync/replicas';
import { refreshReplicaTable } from '../../src/sync/replicas/refresh';
import { supabaseRpc } from '../../src/sync/rpc';
import { connectTrainerAndClient, createUser, type TestUser } from '../../tests/helpers/users.js';
import { median, report } from '../report.js';

const REFRESH_ROUNDS = 25;
const POKES = 50;
const bookingsTable = bookingsReplica.tables.find((t) => t.table === 'bookings');
if (!bookingsTable) throw new Error('the bookings replica has no bookings table');

/** `count` ten-minute bookings of the pair, from 100 days ago on (all inside the replica's scope). */
async function seedBookings(db: pg.Pool, trainer: TestUser, client: TestUser, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.bookings (trainer_id, client_id, kind, starts_at, ends_at, status, credits_spent)
     select $1, $2, 'one_to_one', t, t + interval '10 minutes', 'confirmed', 1
     from (select date_trunc('hour', now()) - interval '100 days' + g * interval '10 minutes' as t from generate_series(1, $3) g) s
     returning id`,
    [trainer.id, client.id, count],
  );
  // What autovacuum does within a minute of a bulk load: without statistics the planner takes
  // the RLS columns' indexes and walks all of the user's rows (the floor measured without it).
  await db.query('analyze public.bookings');
  return rows.map((r) => r.id);
}

function deviceStore(userId: string): ReplicaStore {
  return openReplicaStore(userId, REPLICAS, { indexedDB: new IDBFactory(), IDBKeyRange });
}

async function measureReplica(db: pg.Pool, trainer: TestUser, client: TestUser, size: number, label: string): Promise<number> {
  const ids = await seedBookings(db, trainer, client, size);
  const store = deviceStore(client.id);
  const rpc = supabaseRpc(client.client);
  const scope = bookingsTable!.scope?.({ userId: client.id, role: 'client', now: new Date() }) ?? null;
  const refresh = () => refreshReplicaTable({ rpc, store, table: bookingsTable!, scope });
  const first = performance.now();
  const pulled = await refresh();
  report(`replica_first_pull_${label}_ms`, performance.now() - first, 'ms');
  const stored = await store.rows('bookings').count();
  if (stored !== size || pulled.applied !== size) throw new Error(`the first pull stored ${stored} of ${size} bookings`);
  const times: number[] = [];
  for (let round = 0; round < REFRESH_ROUNDS; round += 1) {
    const id = ids[(round * 7919) % ids.length] as string;
    await db.query(`update public.bookings set notes = $2 where id = $1`, [id, `round ${round}`]);
    const started = performance.now();
    const result = await refresh();
    times.push(performance.now() - started);
    if (result.applied !== 1) throw new Error(`a refresh after one change brought ${result.applied} rows`);
  }
  store.close();
  const value = median(times);
  report(`replica_refresh_1_change_${label}_ms`, value, 'ms');
  return value;
}

async function listen(user: TestUser, onPoke: () => void): Promise<() => Promise<void>> {
  const channel = user.client.channel(`user:${user.id}`, { config: { private: true } });
  channel.on('broadcast', { event: 'poke' }, onPoke);
  await new Promise<void>((resolve, reject) =>
    channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : reject(new Error(`${status} ${error?.message ?? ''}`)))),
  );
  return async () => void (await user.client.removeChannel(channel));
}

async function measurePokes(db: pg.Pool, trainer: TestUser, client: TestUser): Promise<void> {
  const [bookingId] = await seedBookings(db, trainer, client, 1);
  let arrived: (() => void) | null = null;
  const stop = await listen(client, () => arrived?.());
  const times: number[] = [];
  try {
    for (let i = 0; i < POKES + 5; i += 1) {
      const heard = new Promise<void>((resolve) => (arrived = resolve));
      const started = performance.now();
      await db.query(`update public.bookings set notes = $2 where id = $1`, [bookingId, randomUUID()]);
      await heard;
      // The first few warm the path (prepared statements, the channel's first messages).
      if (i >= 5) times.push(performance.now() - started);
    }
  } finally {
    await stop();
  }
  report('poke_fanout_ms', median(times), 'ms');
}

export async function run(): Promise<void> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, authRateLimits: LOAD_TEST_RATE_LIMITS, bcryptCost: 4 });
  const db = new pg.Pool({ connectionString: stack.superuserUrl, max: 2 });
  db.on('error', () => undefined);
  try {
    const pairs = await Promise.all(
      ['2k', '20k', 'poke'].map(async (label) => {
        const [trainer, client] = await Promise.all([
          createUser(stack, { role: 'trainer', fullName: `Bench trainer ${label}` }),
          createUser(stack, { role: 'client', fullName: `Bench client ${label}` }),
        ]);
        await connectTrainerAndClient(trainer, client);
        return { trainer, client };
      }),
    );
    const [small, large, poke] = pairs as [(typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number]];
    const at2k = await measureReplica(db, small.trainer, small.client, 2_000, '2k');
    const at20k = await measureReplica(db, large.trainer, large.client, 20_000, '20k');
    report('replica_refresh_ratio_20k_2k', at20k / at2k, 'x');
    await measurePokes(db, poke.trainer, poke.client);
  } finally {
    await db.end();
    await stack.stop();
  }
}

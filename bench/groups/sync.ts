/**
 * Sync benchmark (issue 5), same machine, same run, same seeded data:
 * - first sync of 10,000 set logs from the server into an empty device, and a push of 1,000
 *   set logs made offline, with this project's sync (sync_pull / sync_push through supabase.rpc);
 * - the same two with RxDB's stock `replicateSupabase` plugin (timestamp checkpoint, one
 *   request per pushed row) on the same table.
 * Devices run in Node on fake-indexeddb with the production configuration (no dev-mode, no
 * schema validation), each with its own IndexedDB, one collection (set_logs) each.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import pg from 'pg';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateSupabase } from 'rxdb/plugins/replication-supabase';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import WebSocket from 'ws';
import { createDeviceDatabase, type DeviceDatabase } from '../../src/db/database';
import { newRowId } from '../../src/db/ids';
import { insertRows } from '../../src/db/writes';
import { startSync } from '../../src/sync/engine';
import { openSyncLocalStore } from '../../src/sync/local-store';
import { createSyncStatusStore } from '../../src/sync/status-store';
import { startStack, type LocalStack } from '../../supabase/local/stack.js';
import { report } from '../report.js';

const SEEDED_SET_LOGS = 10_000;
const OFFLINE_SET_LOGS = 1_000;
const PULL_BATCH = 1000;
const PUSH_BATCH = 500;

/** sessionId holds the seeded history; offlineSessionId is today's workout, logged offline. */
type Fixture = { stack: LocalStack; userId: string; email: string; password: string; sessionId: string; offlineSessionId: string; exerciseId: string };

async function query(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function setUp(stack: LocalStack): Promise<Fixture> {
  const admin = createClient(stack.apiUrl, stack.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const email = `bench-${Date.now()}@sync.test`;
  const password = 'correct-horse-battery-1';
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { role: 'client', full_name: 'Bench' } });
  if (error || !data.user) throw new Error(`createUser: ${error?.message}`);
  const userId = data.user.id;
  const exerciseId = newRowId();
  const sessionId = newRowId();
  const offlineSessionId = newRowId();
  await query(stack.superuserUrl, `insert into public.exercises (id, name, body_part) values ($1, 'Back squat', 'legs')`, [exerciseId]);
  await query(stack.superuserUrl, `insert into public.workout_sessions (id, client_id, name) values ($1, $2, 'Bench session'), ($3, $2, 'Today')`, [sessionId, userId, offlineSessionId]);
  await query(
    stack.superuserUrl,
    `insert into public.set_logs (id, session_id, exercise_id, set_index, weight_kg, reps, rir, done, performed_at, created_at, updated_at, updated_by_device)
     select extensions.gen_random_uuid(), $1, $2, 1 + (i % 1000), 60 + (i % 80), 1 + (i % 12), i % 4, true,
            t, t, t, 'seed'
     from generate_series(1, $3) as i, lateral (select now() - interval '200 days' + i * interval '1 second' as t) as ts`,
    [sessionId, exerciseId, SEEDED_SET_LOGS],
  );
  // A database in use has planner statistics (autovacuum gathers them within a minute of a
  // bulk load); without them the PR trigger's queries pick a poor index and every push pays.
  await query(stack.superuserUrl, 'analyze public.set_logs');
  return { stack, userId, email, password, sessionId, offlineSessionId, exerciseId };
}

async function signIn(fixture: Fixture): Promise<SupabaseClient> {
  const supabase = createClient(fixture.stack.apiUrl, fixture.stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await supabase.auth.signInWithPassword({ email: fixture.email, password: fixture.password });
  if (error) throw new Error(`sign-in: ${error.message}`);
  return supabase;
}

async function openDevice(fixture: Fixture, name: string, idb: IDBFactory): Promise<DeviceDatabase> {
  return createDeviceDatabase({
    name: `bench-${name}`,
    userId: fixture.userId,
    deviceId: `bench-${name}`,
    storage: getRxStorageDexie({ indexedDB: idb, IDBKeyRange }) as never,
    tables: ['set_logs'],
    multiInstance: false,
  });
}

function offlineSets(fixture: Fixture) {
  return Array.from({ length: OFFLINE_SET_LOGS }, (_, i) => ({
    session_id: fixture.offlineSessionId,
    client_id: fixture.userId,
    exercise_id: fixture.exerciseId,
    program_exercise_id: null,
    set_index: 1 + (i % 1000),
    set_kind: 'working' as const,
    weight_kg: 100,
    reps: 5,
    rir: 2,
    rpe: null,
    duration_seconds: null,
    distance_m: null,
    done: true,
    // Logged in order, a second apart, the last one just now.
    performed_at: new Date(Date.now() - (OFFLINE_SET_LOGS - i) * 1000).toISOString(),
    notes: null,
  }));
}

async function countServerSetLogs(fixture: Fixture): Promise<number> {
  const result = await query(fixture.stack.superuserUrl, 'select count(*)::int as n from public.set_logs where not deleted');
  return (result.rows[0] as { n: number }).n;
}

async function benchOurs(fixture: Fixture): Promise<{ pullMs: number; pushMs: number }> {
  const idb = new IDBFactory();
  const supabase = await signIn(fixture);
  const db = await openDevice(fixture, 'ours', idb);
  const localStore = openSyncLocalStore(fixture.userId, { indexedDB: idb, IDBKeyRange });
  const engineOptions = {
    database: db,
    supabase,
    role: 'client' as const,
    status: createSyncStatusStore(),
    localStore,
    realtime: false,
    pullBatchSize: PULL_BATCH,
    pushBatchSize: PUSH_BATCH,
  };

  let started = performance.now();
  let engine = startSync(engineOptions);
  await engine.awaitInSync();
  const pullMs = performance.now() - started;
  const pulled = await db.rx.collections.set_logs.count().exec();
  if (pulled !== SEEDED_SET_LOGS) throw new Error(`ours pulled ${pulled} of ${SEEDED_SET_LOGS}`);
  await engine.stop();

  const before = await countServerSetLogs(fixture);
  await insertRows(db, 'set_logs', offlineSets(fixture));
  started = performance.now();
  engine = startSync(engineOptions);
  await engine.awaitInSync();
  const pushMs = performance.now() - started;
  const after = await countServerSetLogs(fixture);
  if (after - before !== OFFLINE_SET_LOGS) throw new Error(`ours pushed ${after - before} of ${OFFLINE_SET_LOGS}`);
  await engine.stop();
  localStore.close();
  await db.close();
  await supabase.removeAllChannels();
  return { pullMs, pushMs };
}

/**
 * The plugin inserts a new document with RxDB's `_deleted` as it is (a column the table does
 * not have; only its update maps it to `deletedField`): every row goes out as the table's own.
 */
function toTableRow(doc: Record<string, unknown>): Record<string, unknown> {
  const { _deleted, ...row } = doc;
  return { ...row, deleted: _deleted === true };
}

/** The plugin retries a refused push forever: the first error fails the benchmark instead. */
async function untilInSyncOrFailed(replication: Pick<RxReplicationState<Record<string, unknown>, unknown>, 'error$' | 'awaitInitialReplication' | 'awaitInSync'>): Promise<void> {
  let subscription: { unsubscribe: () => void } | undefined;
  const failed = new Promise<never>((_, reject) => {
    subscription = replication.error$.subscribe((error) => {
      const details = (error as { parameters?: { errors?: unknown } }).parameters?.errors;
      reject(new Error(`stock replication: ${error.message} ${JSON.stringify(details ?? null).slice(0, 500)}`));
    });
  });
  try {
    await Promise.race([replication.awaitInitialReplication().then(() => replication.awaitInSync()), failed]);
  } finally {
    subscription?.unsubscribe();
  }
}

async function benchStock(fixture: Fixture): Promise<{ pullMs: number; pushMs: number }> {
  const idb = new IDBFactory();
  const supabase = await signIn(fixture);
  const db = await openDevice(fixture, 'stock', idb);
  const collection = db.rx.collections.set_logs;
  const replicate = () =>
    replicateSupabase<Record<string, unknown>>({
      replicationIdentifier: 'bench-stock-set-logs',
      collection: collection as never,
      client: supabase,
      tableName: 'set_logs',
      // The same table: its device edit time and soft-delete flag as the plugin's markers.
      modifiedField: 'updated_at',
      deletedField: 'deleted',
      live: false,
      waitForLeadership: false,
      pull: { batchSize: PULL_BATCH },
      push: { batchSize: PUSH_BATCH, modifier: toTableRow },
    });

  let started = performance.now();
  let replication = replicate();
  await untilInSyncOrFailed(replication);
  const pullMs = performance.now() - started;
  await replication.cancel();
  // The stock plugin's pull also brings the 1,000 rows our run pushed.
  const pulled = await collection.count().exec();
  if (pulled < SEEDED_SET_LOGS) throw new Error(`stock pulled ${pulled} of ${SEEDED_SET_LOGS}`);

  const before = await countServerSetLogs(fixture);
  await insertRows(db, 'set_logs', offlineSets(fixture));
  started = performance.now();
  replication = replicate();
  await untilInSyncOrFailed(replication);
  const pushMs = performance.now() - started;
  await replication.cancel();
  const after = await countServerSetLogs(fixture);
  if (after - before !== OFFLINE_SET_LOGS) throw new Error(`stock pushed ${after - before} of ${OFFLINE_SET_LOGS}`);
  await db.close();
  await supabase.removeAllChannels();
  return { pullMs, pushMs };
}

const progress = (line: string) => process.env.BENCH_DEBUG && console.error(`[sync bench] ${line}`);

export async function run(): Promise<void> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false });
  try {
    const fixture = await setUp(stack);
    progress('seeded');
    const ours = await benchOurs(fixture);
    progress(`ours ${JSON.stringify(ours)}`);
    // Same seeded rows, plus the 1,000 ours pushed: the stock pull serves 11,000.
    const stock = await benchStock(fixture);
    report('sync_first_pull_10k_ms', ours.pullMs, 'ms');
    report('sync_push_1k_ms', ours.pushMs, 'ms');
    report('stock_first_pull_10k_ms', stock.pullMs, 'ms');
    report('stock_push_1k_ms', stock.pushMs, 'ms');
    report('sync_push_speedup_vs_stock', stock.pushMs / ours.pushMs, 'x');
  } finally {
    await stack.stop();
  }
}

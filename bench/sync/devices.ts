/**
 * The two devices of the sync benchmark, as a browser (or Node) runs them: this project's
 * sync engine and RxDB's stock `replicateSupabase` plugin, each on its own empty IndexedDB with
 * one collection (set_logs), in the production configuration (no dev-mode, no schema
 * validation). Each first pulls the seeded history, then pushes 1,000 set logs made offline.
 * Every check goes through the signed-in client, so the same code runs in Chromium and in Node.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { DexieOptions } from 'dexie';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateSupabase } from 'rxdb/plugins/replication-supabase';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeviceDatabase, type DeviceDatabase } from '../../src/db/database';
import { insertRows } from '../../src/db/writes';
import { syncConflictHandler } from '../../src/sync/conflict-handler';
import { startSync } from '../../src/sync/engine';
import { openSyncLocalStore } from '../../src/sync/local-store';
import { createSyncStatusStore } from '../../src/sync/status-store';
import { setLogFields } from '../../tests/helpers/set-log-fields';

export const PULL_BATCH = 1000;
export const PUSH_BATCH = 500;

/** What a device needs to know: the server, the account, and where its offline sets go. */
export type SyncBenchFixture = {
  apiUrl: string;
  anonKey: string;
  userId: string;
  email: string;
  password: string;
  /** Today's workout, logged offline. */
  offlineSessionId: string;
  exerciseId: string;
  /** Rows on the server before the first pull (the seeded history, and any earlier pushes). */
  serverRows: number;
  offlineSets: number;
};

/** In Node: fake-indexeddb and a WebSocket for supabase-js. In a browser: the defaults. */
export type DeviceRuntime = { dexie?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>; webSocket?: unknown };

export type DeviceTimes = { pullMs: number; pushMs: number };

async function signIn(fixture: SyncBenchFixture, runtime: DeviceRuntime): Promise<SupabaseClient> {
  const supabase = createClient(fixture.apiUrl, fixture.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(runtime.webSocket ? { realtime: { transport: runtime.webSocket as never } } : {}),
  });
  const { error } = await supabase.auth.signInWithPassword({ email: fixture.email, password: fixture.password });
  if (error) throw new Error(`sign-in: ${error.message}`);
  return supabase;
}

async function openDevice(fixture: SyncBenchFixture, name: string, runtime: DeviceRuntime): Promise<DeviceDatabase> {
  return createDeviceDatabase({
    name: `bench-${name}`,
    userId: fixture.userId,
    deviceId: `bench-${name}`,
    storage: getRxStorageDexie(runtime.dexie) as never,
    tables: ['set_logs'],
    multiInstance: false,
    conflictHandler: syncConflictHandler,
  });
}

/** Today's workout, logged offline: in order, a second apart, the last one just now. */
function offlineSets(fixture: SyncBenchFixture) {
  return Array.from({ length: fixture.offlineSets }, (_, i) =>
    setLogFields(fixture.offlineSessionId, fixture.userId, fixture.exerciseId, 1 + (i % 1000)),
  );
}

/** The offline workout's sets on the server, as the signed-in client sees them. */
async function countOfflineSetsOnServer(supabase: SupabaseClient, fixture: SyncBenchFixture): Promise<number> {
  const { count, error } = await supabase
    .from('set_logs')
    .select('id', { count: 'exact', head: true })
    .eq('session_id', fixture.offlineSessionId)
    .eq('deleted', false);
  if (error || count === null) throw new Error(`count: ${error?.message ?? 'no count'}`);
  return count;
}

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: ${actual}, expected ${expected}`);
}

/** Pull, then push, with this project's engine (sync_pull / sync_push through supabase.rpc). */
export async function benchOurs(fixture: SyncBenchFixture, runtime: DeviceRuntime = {}): Promise<DeviceTimes> {
  const supabase = await signIn(fixture, runtime);
  const db = await openDevice(fixture, 'ours', runtime);
  const localStore = openSyncLocalStore(fixture.userId, runtime.dexie);
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
  try {
    let started = performance.now();
    let engine = startSync(engineOptions);
    await engine.awaitInSync();
    const pullMs = performance.now() - started;
    expectCount('ours pulled', await db.rx.collections.set_logs.count().exec(), fixture.serverRows);
    await engine.stop();

    const before = await countOfflineSetsOnServer(supabase, fixture);
    await insertRows(db, 'set_logs', offlineSets(fixture));
    started = performance.now();
    engine = startSync(engineOptions);
    await engine.awaitInSync();
    const pushMs = performance.now() - started;
    await engine.stop();
    expectCount('ours pushed', (await countOfflineSetsOnServer(supabase, fixture)) - before, fixture.offlineSets);
    return { pullMs, pushMs };
  } finally {
    localStore.close();
    await db.close();
    await supabase.removeAllChannels();
  }
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
async function untilInSyncOrFailed(
  replication: Pick<RxReplicationState<Record<string, unknown>, unknown>, 'error$' | 'awaitInitialReplication' | 'awaitInSync'>,
): Promise<void> {
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

/** Pull, then push, with RxDB's `replicateSupabase` (timestamp checkpoint, one request per pushed row). */
export async function benchStock(fixture: SyncBenchFixture, runtime: DeviceRuntime = {}): Promise<DeviceTimes> {
  const supabase = await signIn(fixture, runtime);
  const db = await openDevice(fixture, 'stock', runtime);
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
  try {
    let started = performance.now();
    let replication = replicate();
    await untilInSyncOrFailed(replication);
    const pullMs = performance.now() - started;
    await replication.cancel();
    expectCount('stock pulled', await collection.count().exec(), fixture.serverRows);

    const before = await countOfflineSetsOnServer(supabase, fixture);
    await insertRows(db, 'set_logs', offlineSets(fixture));
    started = performance.now();
    replication = replicate();
    await untilInSyncOrFailed(replication);
    const pushMs = performance.now() - started;
    await replication.cancel();
    expectCount('stock pushed', (await countOfflineSetsOnServer(supabase, fixture)) - before, fixture.offlineSets);
    return { pullMs, pushMs };
  } finally {
    await db.close();
    await supabase.removeAllChannels();
  }
}

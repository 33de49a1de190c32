/**
 * Simulated devices for sync tests: each device is its own RxDB database on its own
 * fake-indexeddb factory (so two devices share nothing but the server), with its own Supabase
 * client signed in as its user, its own sync bookkeeping (Dexie) and status store.
 *
 * A device is "offline" while its sync engine is not running (writes land only on the device);
 * `goOnline()` starts the engine, `goOffline()` stops it. `close()` closes its databases and
 * `reopen()` opens them again with the data kept, to stay within RxDB's 13 open collections
 * when several full devices take turns in one process.
 */
import type { RxCollection } from 'rxdb';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import pg from 'pg';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import WebSocket from 'ws';
import { enableDevMode } from '../../src/db/dev-mode';
import { createDeviceDatabase, deviceDatabaseName, type DeviceDatabase } from '../../src/db/database';
import type { SyncedTableName } from '../../src/db/collections';
import { syncConflictHandler } from '../../src/sync/conflict-handler';
import { startSync, type SyncEngine, type SyncEngineOptions } from '../../src/sync/engine';
import { openSyncLocalStore, type SyncLocalStore } from '../../src/sync/local-store';
import type { SyncRpc } from '../../src/sync/rpc';
import { supabaseRpc } from '../../src/sync/rpc';
import type { AppRole } from '../../src/sync/scope';
import { createSyncStatusStore, type SyncStatusStore } from '../../src/sync/status-store';
import type { TestStack } from './stack';

export type TestUser = { userId: string; email: string; password: string; role: AppRole };

let userCounter = 0;

/** A client with the service-role key: an admin in the dashboard. */
export function serviceClient(stack: TestStack): SupabaseClient {
  return createClient(stack.apiUrl, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

/** A confirmed user with a profile (the sign-up trigger makes it) of the given role. */
export async function createTestUser(stack: TestStack, role: AppRole, name: string = role): Promise<TestUser> {
  const admin = serviceClient(stack);
  userCounter += 1;
  const email = `${name}-${Date.now()}-${userCounter}@sync.test`;
  const password = 'correct-horse-battery-1';
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { role, full_name: name } });
  if (error || !data.user) throw new Error(`createUser failed: ${error?.message}`);
  return { userId: data.user.id, email, password, role };
}

export async function signedInClient(stack: TestStack, user: TestUser, apiUrl = stack.apiUrl): Promise<SupabaseClient> {
  const supabase = createClient(apiUrl, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await supabase.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw new Error(`sign-in failed: ${error.message}`);
  return supabase;
}

/** Makes `client` an active client of `trainer` (as the dashboard would). */
export async function linkTrainerAndClient(stack: TestStack, trainer: TestUser, client: TestUser): Promise<void> {
  await sql(stack.superuserUrl, `insert into public.trainer_clients (trainer_id, client_id, status, accepted_at) values ($1, $2, 'active', now())`, [trainer.userId, client.userId]);
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export type DeviceOptions = {
  name: string;
  tables?: readonly SyncedTableName[];
  /** Reach the stack through another URL (a flaky proxy). */
  apiUrl?: string;
  engine?: Partial<Omit<SyncEngineOptions, 'database' | 'supabase' | 'role'>>;
};

export type TestDevice = {
  name: string;
  user: TestUser;
  deviceId: string;
  db: DeviceDatabase;
  supabase: SupabaseClient;
  localStore: SyncLocalStore;
  status: SyncStatusStore;
  engine: SyncEngine | undefined;
  /** Sync function calls made by this device, by function name. */
  calls: Map<string, number>;
  /** When set, every sync call fails as if the network were down. */
  cutNetwork: boolean;
  goOnline: (options?: DeviceOptions['engine']) => Promise<SyncEngine>;
  goOffline: () => Promise<void>;
  /** Online until both directions are in sync (and no pokes are pending). */
  syncNow: () => Promise<void>;
  close: () => Promise<void>;
  reopen: () => Promise<void>;
};

export async function openTestDevice(stack: TestStack, user: TestUser, options: DeviceOptions): Promise<TestDevice> {
  const idb = new IDBFactory();
  const deviceId = `${options.name}-${crypto.randomUUID().slice(0, 8)}`;
  const supabase = await signedInClient(stack, user, options.apiUrl);
  const status = createSyncStatusStore();
  const calls = new Map<string, number>();

  const openDatabases = async () => ({
    db: await createDeviceDatabase({
      // Devices share one process: RxDB closes a second database of the same name.
      name: `${deviceDatabaseName(user.userId)}-${options.name}`,
      userId: user.userId,
      deviceId,
      storage: getRxStorageDexie({ indexedDB: idb, IDBKeyRange }) as never,
      devMode: enableDevMode,
      tables: options.tables,
      multiInstance: false,
      conflictHandler: syncConflictHandler,
    }),
    localStore: openSyncLocalStore(user.userId, { indexedDB: idb, IDBKeyRange }),
  });

  const opened = await openDatabases();
  const realRpc = supabaseRpc(supabase);
  const device: TestDevice = {
    name: options.name,
    user,
    deviceId,
    db: opened.db,
    supabase,
    localStore: opened.localStore,
    status,
    engine: undefined,
    calls,
    cutNetwork: false,
    async goOnline(engineOptions) {
      if (device.engine) return device.engine;
      const rpc: SyncRpc = async (fn, args) => {
        calls.set(fn, (calls.get(fn) ?? 0) + 1);
        if (device.cutNetwork) return { data: null, error: { message: 'network cut by the test', status: 0 } };
        return realRpc(fn, args);
      };
      device.engine = startSync({
        database: device.db,
        supabase,
        role: user.role,
        status,
        localStore: device.localStore,
        // The device's own replicas, on its own IndexedDB.
        dexieOptions: { indexedDB: idb, IDBKeyRange },
        environment: undefined,
        realtime: false,
        retryTimeMs: 200,
        pollIntervalMs: 60_000,
        rpc,
        ...options.engine,
        ...engineOptions,
      });
      return device.engine;
    },
    async goOffline() {
      const engine = device.engine;
      device.engine = undefined;
      await engine?.stop();
    },
    async syncNow() {
      const engine = await device.goOnline();
      // Twice: pushes poke a pull that brings back the revisions the server gave them.
      for (let round = 0; round < 2; round += 1) {
        engine.resync();
        await engine.awaitInSync();
      }
    },
    async close() {
      await device.goOffline();
      await device.supabase.removeAllChannels();
      device.supabase.realtime.disconnect();
      await device.db.close();
      device.localStore.close();
    },
    async reopen() {
      const again = await openDatabases();
      device.db = again.db;
      device.localStore = again.localStore;
    },
  };
  return device;
}

/** Live (not deleted) rows of a device's collection, as plain objects sorted by id. */
export async function deviceRows(device: TestDevice, table: SyncedTableName): Promise<Record<string, unknown>[]> {
  const collection = device.db.rx.collections[table] as unknown as RxCollection<Record<string, unknown>>;
  const docs = await collection.find().exec();
  return docs.map((d) => d.toMutableJSON(false) as Record<string, unknown>).sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

/** Live rows of a server table as a device would store them (same normalisation and model). */
export async function serverRows(stack: TestStack, table: SyncedTableName, where = 'true', params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const { collectionSpec } = await import('../../src/db/collections');
  const { instantFields, parseServerRow } = await import('../../src/sync/row-mapping');
  const spec = collectionSpec(table);
  const instants = instantFields(spec.schema.properties as Record<string, unknown>);
  const rows = await sql<{ row: Record<string, unknown> }>(stack.superuserUrl, `select to_jsonb(t) - 'txid' as row from public.${table} t where not deleted and (${where}) order by id`, params);
  return rows.map(({ row }) => {
    const parsed = parseServerRow(spec.model, instants, row);
    if (!parsed.ok) throw new Error(`server row ${String(row.id)} does not parse: ${parsed.message}`);
    const { deleted: _deleted, ...rest } = parsed.row;
    return rest;
  });
}

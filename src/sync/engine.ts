/**
 * The sync engine of one signed-in user's device database: one RxDB replication per synced
 * collection with our handlers (pull.ts, push.ts), pokes from Realtime, the network and the
 * app's visibility (triggers.ts), the outbox (outbox.ts), and the status store.
 *
 * Start it after sign-in with the user's open device database; stop it on sign-out (see
 * session.ts: unsynced changes stay in the user's database and sync at the next sign-in).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DexieOptions } from 'dexie';
import { Subject, merge, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { collectionSpec, type SyncedTableName } from '../db/collections';
import type { DeviceDatabase } from '../db/database';
import type { PullCheckpoint } from './checkpoint';
import { openSyncLocalStore, type SyncLocalStore } from './local-store';
import { createHeldBackPulls } from './held-back';
import { createOfflineRest, type OfflineRest } from './offline-rest';
import { createOutbox, type Outbox } from './outbox';
import { countPendingPushes } from './pending';

import { createUnsentCounts } from './unsent-counts';
import { createPullHandler } from './pull';
import { createPushHandler } from './push';
import { createPushesUnderWay, type PushQueue } from './push-queue';
import { checkAccess } from './lost-access';
import { listRowErrors } from './row-errors';
import { instantFields } from './row-mapping';
import { supabaseRpc, type SyncRpc } from './rpc';
import { serverReachability, type ReachabilityStore } from './reachability';
import { pullScope, type AppRole } from './scope';
import { isAuthError } from './server-errors';
import { patchCollection, syncStatus, type SyncStatusStore } from './status-store';
import { browserEnvironment, startTriggers, type SyncEnvironment } from './triggers';
import { REPLICAS, openReplicaStore, type ReplicaDefinition, type ReplicaStore } from './replicas';
import { startReplicaManager, type ReplicaManager } from './replicas/manager';

/** Least time between two lost-access checks made on their own (engine.checkAccess runs one at once). */
const ACCESS_CHECK_INTERVAL_MS = 60_000;

/** Rows the app writes ahead for the user (see pending.ts): a workout's planned, unticked sets. */
const PLACEHOLDERS: Partial<Record<SyncedTableName, (doc: Record<string, unknown>) => boolean>> = {
  set_logs: (doc) => doc.done !== true,
};

export type SyncEngineOptions = {
  database: DeviceDatabase;
  supabase: SupabaseClient;
  /** The signed-in user's role: a trainer pulls a recent window of their clients' logs. */
  role: AppRole;
  status?: SyncStatusStore;
  /** Defaults to openSyncLocalStore(userId) on the browser's IndexedDB. */
  localStore?: SyncLocalStore;
  dexieOptions?: DexieOptions;
  /** window/document events; defaults to the browser's, none in Node. */
  environment?: SyncEnvironment;
  /** Whether the server answers (written by the Supabase client's fetch); shown as online or not. */
  reachability?: ReachabilityStore;
  /** Subscribe to Realtime pokes (default true). */
  realtime?: boolean;
  /** Poll interval while Realtime is down (default 30 s). */
  pollIntervalMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Wait before retrying a failed pull or push (default 5 s). */
  retryTimeMs?: number;
  /** How long a push waits for its parent collections before retrying orphan rows (default 20 s). */
  parentWaitMs?: number;
  /** The server-decided replicas to keep fresh (default: every one the app keeps). */
  replicas?: readonly ReplicaDefinition[];
  /** Replaces supabase.rpc (tests cut or count calls with it). */
  rpc?: SyncRpc;
  now?: () => Date;
};

const PARENT_WAIT_MS = 20_000;
/** How long a pulled page waits for this collection's pushes in flight (a failing push retries). */
const PUSH_SETTLE_MS = 10_000;

/** RxDB's push queue of one replication: done once the pushes queued so far are recorded. */
function pushQueueOf(replication: RxReplicationState<Record<string, unknown>, PullCheckpoint>): PushQueue {
  return {
    queued: async () => {
      await replication.startPromise;
      await replication.internalReplicationState?.streamQueue.up;
    },
  };
}

/** How long awaitInSync waits for rows the server holds back for an open transaction. */
const HELD_BACK_WAIT_MS = 10_000;

export type PendingChanges = { rows: number; requests: number; refused: number; total: number };

export type SyncEngine = {
  replications: ReadonlyMap<SyncedTableName, RxReplicationState<Record<string, unknown>, PullCheckpoint>>;
  outbox: Outbox;
  localStore: SyncLocalStore;
  /** Pull (and retry pushes) now in every collection. */
  resync: () => void;
  /** Resolves when every collection has pushed its changes and pulled the server's. */
  awaitInSync: () => Promise<void>;
  /**
   * Unsynced work on this device: rows not yet accepted, outbox requests, refused rows.
   * `quiet`: a collection being written right now keeps its last count (see unsent-counts.ts).
   */
  pendingChanges: (options?: { quiet?: boolean }) => Promise<PendingChanges>;
  pendingChangeCount: () => Promise<number>;
  /**
   * Drops rows its user may no longer read (lost-access.ts), now; resolves with how many went.
   * Also run on its own after the first sync and at resyncs (at most once a minute).
   */
  checkAccess: () => Promise<number>;
  /**
   * Calls `listener` with the table of every poke on the user's channel, for the replicas of
   * server-decided data (a device joins its user's channel once). Returns the unsubscribe.
   */
  onPoke: (listener: (table: string) => void) => () => void;
  /** The server-decided replicas: their store, and a refresh of all or of one table. */
  replicas: ReplicaManager & { store: ReplicaStore };
  /** Stops syncing; the device database stays open and keeps every change. */
  stop: () => Promise<void>;
};

export function startSync(options: SyncEngineOptions): SyncEngine {
  const { database, supabase } = options;
  const status = options.status ?? syncStatus;
  const now = options.now ?? (() => new Date());
  const localStore = options.localStore ?? openSyncLocalStore(database.userId, options.dexieOptions);
  const environment = options.environment ?? browserEnvironment();
  const rpc = refreshingRpc(options.rpc ?? supabaseRpc(supabase), supabase, status);
  const tables = database.tables;

  const reachability = options.reachability ?? serverReachability;
  // Online means a network is connected and the server answers.
  let networkConnected = environment?.isOnline() ?? true;
  // While offline the replications rest (see offline-rest.ts); told of every change below.
  const offlineRest: OfflineRest = createOfflineRest({
    pause: () => replications.forEach((replication) => void replication.pause()),
    resume: () => {
      replications.forEach((replication) => void replication.start());
      resync();
    },
    // Any answer will do (even a refusal): it only has to reach the server.
    probe: async () => {
      await supabase.from('profiles').select('id', { head: true }).limit(1);
    },
  });
  const isOnline = () => networkConnected && reachability.getState().reachable;
  const showOnline = () => {
    const online = isOnline();
    status.setState({ online });
    offlineRest.noteOnline(online);
  };
  const stopWatchingReachability = reachability.subscribe(showOnline);

  status.setState({
    running: true,
    online: isOnline(),
    session: 'signed-in',
    collections: {},
    firstSync: { collectionsDone: 0, collectionsTotal: tables.length, rowsReceived: 0, done: false },
  });

  const allPokes = new Subject<'RESYNC'>();
  const tablePokes = new Map(tables.map((t) => [t, new Subject<'RESYNC'>()]));
  const replications = new Map<SyncedTableName, RxReplicationState<Record<string, unknown>, PullCheckpoint>>();
  const subscriptions: Array<{ unsubscribe: () => void }> = [];
  const heldBack = createHeldBackPulls<SyncedTableName>({ repull: (table) => tablePokes.get(table)?.next('RESYNC') });

  const refreshRowErrors = async () => status.setState({ rowErrors: await listRowErrors(localStore) });
  const unsent = createUnsentCounts<SyncedTableName>({
    tables,
    count: async (table) => {
      const replication = replications.get(table);
      return replication && !replication.isStopped() ? countPendingPushes(replication, PLACEHOLDERS[table]) : 0;
    },
    onCounted: (table, pendingPushes) => patchCollection(status, table, { pendingPushes }),
  });

  const pushes = createPushesUnderWay<SyncedTableName>((table) => {
    const replication = replications.get(table);
    return replication && pushQueueOf(replication);
  });

  for (const table of tables) {
    const spec = collectionSpec(table);
    const collection = database.rx.collections[table] as unknown as RxCollection<Record<string, unknown>>;
    const instants = instantFields(spec.schema.properties as Record<string, unknown>);
    const stream$: Observable<'RESYNC'> = merge(allPokes, tablePokes.get(table) ?? new Subject<'RESYNC'>());
    const replication = replicateRxCollection<Record<string, unknown>, PullCheckpoint>({
      replicationIdentifier: `fitcoach-sync-v1-${table}`,
      collection,
      deletedField: 'deleted',
      live: true,
      retryTime: options.retryTimeMs ?? 5000,
      waitForLeadership: true,
      autoStart: true,
      pull: {
        batchSize: options.pullBatchSize ?? 1000,
        stream$,
        handler: createPullHandler({
          rpc,
          spec,
          instants,
          store: localStore,
          scope: () => pullScope({ role: options.role, windowColumn: spec.windowColumn, now: now() }),
          // A page may hold rows this device has just pushed: RxDB must see the push recorded
          // first, or it skips them as unsent local edits and the checkpoint moves past them
          // (the device would keep its pre-push revision until the row changes again).
          // Only while a push is under way: a first sync of a fresh device does not wait.
          settlePushes: () => pushes.settle(table, PUSH_SETTLE_MS),
          onPage: ({ documents, behind }) => {
            heldBack.notePage(table, behind);
            const first = status.getState().firstSync;
            if (!first.done) status.setState({ firstSync: { ...first, rowsReceived: first.rowsReceived + documents } });
          },
        }),
      },
      push: {
        batchSize: options.pushBatchSize ?? 500,
        handler: pushes.noting(
          table,
          createPushHandler({
            rpc,
            spec,
            instants,
            store: localStore,
            awaitParents: () => pushes.awaitQueued(spec.parents ?? [], options.parentWaitMs ?? PARENT_WAIT_MS),
            onResult: ({ written }) => {
              unsent.noteChange(table);
              void refreshRowErrors();
              // The server gave the written rows new revisions: pull them, so the device's next
              // edit of those rows is based on the current revision (not refused as a conflict).
              if (written > 0) tablePokes.get(table)?.next('RESYNC');
            },
          }),
        ),
      },
    });
    replications.set(table, replication);
    patchCollection(status, table, {});

    subscriptions.push(
      replication.error$.subscribe((error) => patchCollection(status, table, { lastError: error.message })),
      replication.received$.subscribe(() => {
        const current = status.getState().collections[table];
        patchCollection(status, table, { received: (current?.received ?? 0) + 1 });
      }),
      replication.active$.subscribe((active) => {
        patchCollection(status, table, active ? { active } : { active, lastPulledAt: now().toISOString(), lastError: null });
        unsent.noteChange(table);
      }),
      collection.$.subscribe(() => unsent.noteChange(table)),
    );
    void replication.awaitInitialReplication().then(() => {
      patchCollection(status, table, { firstSyncDone: true });
      const first = status.getState().firstSync;
      const collectionsDone = first.collectionsDone + 1;
      status.setState({ firstSync: { ...first, collectionsDone, done: collectionsDone >= first.collectionsTotal } });
      if (collectionsDone >= first.collectionsTotal) checkAccessSoon();
    });
  }

  const outbox = createOutbox({ store: localStore, rpc, onChange: (records) => status.setState({ outbox: records }) });
  const replicaStore = openReplicaStore(database.userId, options.replicas ?? REPLICAS, options.dexieOptions);
  const replicas = startReplicaManager({
    rpc,
    store: replicaStore,
    definitions: options.replicas ?? REPLICAS,
    context: () => ({ userId: database.userId, role: options.role, now: now() }),
    status,
    errors: localStore,
    onRefused: () => void refreshRowErrors(),
  });
  // Lost access: one check at a time, at most once a minute on its own.
  let accessCheck: Promise<number> | null = null;
  let lastAccessCheck = 0;
  const runAccessCheck = (): Promise<number> => {
    accessCheck ??= checkAccess({ rpc, store: localStore, replications: replications as ReadonlyMap<string, RxReplicationState<Record<string, unknown>, unknown>> })
      .then((result) => result.dropped)
      .finally(() => {
        accessCheck = null;
      });
    return accessCheck;
  };
  const checkAccessSoon = () => {
    if (!status.getState().firstSync.done || now().getTime() - lastAccessCheck < ACCESS_CHECK_INTERVAL_MS) return;
    lastAccessCheck = now().getTime();
    runAccessCheck().catch(() => {
      lastAccessCheck = 0; // offline or refused: try again at the next resync
    });
  };

  const resync = () => {
    offlineRest.probeNow();
    allPokes.next('RESYNC');
    if (isOnline()) void replicas.refreshAll();
    void outbox.flush();
    checkAccessSoon();
  };

  offlineRest.noteOnline(isOnline());

  const pokeListeners = new Set<(table: string) => void>();
  const stopTriggers = startTriggers({
    supabase: options.realtime === false ? undefined : supabase,
    channelName: `user:${database.userId}`,
    tables,
    environment,
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    handlers: {
      onTableChanged: (table) => tablePokes.get(table as SyncedTableName)?.next('RESYNC'),
      onPoke: (table) => {
        void replicas.refreshTable(table);
        pokeListeners.forEach((listener) => listener(table));
      },
      onResync: (reason) => {
        // Back online: a session that expired meanwhile is refreshed before the next call.
        if (reason === 'online') void supabase.auth.getSession().catch(() => undefined);
        resync();
      },
      onOnlineChange: (online) => {
        networkConnected = online;
        showOnline();
      },
      onLiveChange: (live) => status.setState({ live }),
    },
  });

  // A session that ends on its own (refresh refused) pauses nothing: writes keep landing in
  // the device database and calls fail until the same user signs in again, then sync resumes.
  const { data: authListener } = supabase.auth.onAuthStateChange((event) => {
    if (event === 'SIGNED_OUT') status.setState({ session: 'expired' });
    if (event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED') {
      if (status.getState().session !== 'signed-in') {
        status.setState({ session: 'signed-in' });
        resync();
      }
    }
  });

  void refreshRowErrors();
  if (isOnline()) void replicas.refreshAll();
  void outbox.list().then((records) => status.setState({ outbox: records }));
  void outbox.flush();

  const pendingChanges = async (options?: { quiet?: boolean }): Promise<PendingChanges> => {
    const rows = await unsent.total(options);
    const requests = await localStore.outbox.where('status').anyOf('pending', 'sending').count();
    const refused = await localStore.rowErrors.count();
    return { rows, requests, refused, total: rows + requests + refused };
  };

  return {
    replications,
    outbox,
    localStore,
    resync,
    awaitInSync: async () => {
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
      if (!heldBack.isBehind()) return;
      // Rows held back for an open transaction: wait for the re-pulls (bounded: it may stay open).
      await heldBack.awaitCaughtUp(HELD_BACK_WAIT_MS);
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
    },
    pendingChanges,
    pendingChangeCount: async () => (await pendingChanges()).total,
    checkAccess: runAccessCheck,
    replicas: { ...replicas, store: replicaStore },
    onPoke: (listener) => {
      pokeListeners.add(listener);
      return () => pokeListeners.delete(listener);
    },
    stop: async () => {
      pokeListeners.clear();
      replicas.stop();
      // A store opened on another IndexedDB (a test device) is this engine's alone.
      if (options.dexieOptions) replicaStore.close();
      subscriptions.forEach((s) => s.unsubscribe());
      heldBack.stop();
      offlineRest.stop();
      authListener.subscription.unsubscribe();
      await stopTriggers();
      stopWatchingReachability();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      status.setState({ running: false, live: false });
    },
  };
}

/**
 * A call refused for an expired token refreshes the session once and tries again; when the
 * refresh itself fails, the session is over: the status says so and calls keep failing (and
 * RxDB keeps the changes) until the user signs in again.
 */
function refreshingRpc(rpc: SyncRpc, supabase: SupabaseClient, status: SyncStatusStore): SyncRpc {
  return async (fn, args) => {
    const first = await rpc(fn, args);
    if (!first.error || !isAuthError(first.error)) return first;
    const { error } = await supabase.auth.refreshSession();
    if (error) {
      status.setState({ session: 'expired' });
      return first;
    }
    status.setState({ session: 'signed-in' });
    return rpc(fn, args);
  };
}

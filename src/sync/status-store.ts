/**
 * Sync status for the screens (a zustand store; React reads it with `useStore(syncStatus, …)`
 * from zustand in src/features): online or not, whether live updates work, the session,
 * per-collection pending pushes and last pull, rows the server refused, first-sync progress,
 * and the outbox. The sync engine is its only writer.
 */
import { createStore } from 'zustand/vanilla';
import type { RowErrorRecord, OutboxRecord } from './local-store';

export type CollectionSyncStatus = {
  /** Local changes not yet accepted by the server (refused rows are counted in `errors`). */
  pendingPushes: number;
  /** When a pull of this collection last completed. */
  lastPulledAt: string | null;
  /** Rows received since sync started. */
  received: number;
  firstSyncDone: boolean;
  active: boolean;
  lastError: string | null;
};

export type ReplicaSyncStatus = { active: boolean; lastPulledAt: string | null; lastError: string | null; behind: boolean };

export type SessionState = 'signed-in' | 'expired' | 'signed-out';

export type SyncStatusState = {
  running: boolean;
  online: boolean;
  /** Realtime pokes arrive; when false, the engine polls on a timer. */
  live: boolean;
  session: SessionState;
  collections: Record<string, CollectionSyncStatus>;
  /** Rows refused by the server, with the reason and the row, newest last. */
  rowErrors: RowErrorRecord[];
  outbox: OutboxRecord[];
  /** The server-decided replicas, by server table: refreshing now, last refresh, last failure. */
  replicas: Record<string, ReplicaSyncStatus>;
  /** First sync after sign-in: collections done of total, rows received so far. */
  firstSync: { collectionsDone: number; collectionsTotal: number; rowsReceived: number; done: boolean };
};

export const initialSyncStatus: SyncStatusState = {
  running: false,
  online: true,
  live: false,
  session: 'signed-out',
  collections: {},
  rowErrors: [],
  outbox: [],
  replicas: {},
  firstSync: { collectionsDone: 0, collectionsTotal: 0, rowsReceived: 0, done: false },
};

export function emptyCollectionStatus(): CollectionSyncStatus {
  return { pendingPushes: 0, lastPulledAt: null, received: 0, firstSyncDone: false, active: false, lastError: null };
}

export function createSyncStatusStore() {
  return createStore<SyncStatusState>()(() => ({ ...initialSyncStatus }));
}
export type SyncStatusStore = ReturnType<typeof createSyncStatusStore>;

/** The app's one status store. */
export const syncStatus = createSyncStatusStore();

export function patchCollection(store: SyncStatusStore, name: string, patch: Partial<CollectionSyncStatus>): void {
  store.setState((state) => ({
    collections: { ...state.collections, [name]: { ...(state.collections[name] ?? emptyCollectionStatus()), ...patch } },
  }));
}

export function patchReplica(store: SyncStatusStore, table: string, patch: Partial<ReplicaSyncStatus>): void {
  store.setState((state) => ({
    replicas: {
      ...state.replicas,
      [table]: { ...(state.replicas[table] ?? { active: false, lastPulledAt: null, lastError: null, behind: false }), ...patch },
    },
  }));
}

/** Total local changes waiting for the server, over all collections. */
export function totalPendingPushes(state: SyncStatusState): number {
  return Object.values(state.collections).reduce((sum, c) => sum + c.pendingPushes, 0);
}

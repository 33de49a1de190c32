/**
 * The device's replicas, one Dexie database per user (`fitcoach-replicas-<user>`): a table per
 * replicated server table, keyed by id, plus each table's pull checkpoint. Opened once per user;
 * the schema version follows the definitions (a new table or index upgrades it in place).
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { PullCheckpoint } from '../checkpoint';
import type { ReplicaDefinition } from './define';

export type ReplicaCheckpoint = { table: string; checkpoint: PullCheckpoint; pulledAt: string };

export type ReplicaStore = Dexie & {
  checkpoints: Table<ReplicaCheckpoint, string>;
  rows: (table: string) => Table<Record<string, unknown> & { id: string }, string>;
};

/** Bump when a definition's tables or indexes change. */
export const REPLICA_SCHEMA_VERSION = 1;

export function replicaStoreName(userId: string): string {
  return `fitcoach-replicas-${userId.toLowerCase()}`;
}

export function replicaStoreSchema(definitions: readonly ReplicaDefinition[]): Record<string, string> {
  const stores: Record<string, string> = { checkpoints: '&table' };
  for (const definition of definitions) {
    for (const table of definition.tables) stores[table.table] = ['&id', ...table.indexes].join(', ');
  }
  return stores;
}

const open = new Map<string, ReplicaStore>();

export function openReplicaStore(userId: string, definitions: readonly ReplicaDefinition[], dexieOptions?: DexieOptions): ReplicaStore {
  const name = replicaStoreName(userId);
  // The browser's store is shared by the engine and the screens; another IndexedDB (a test
  // device) gets a store of its own.
  const existing = dexieOptions ? undefined : open.get(name);
  if (existing && !existing.hasBeenClosed()) return existing;
  const db = new Dexie(name, dexieOptions) as ReplicaStore;
  db.version(REPLICA_SCHEMA_VERSION).stores(replicaStoreSchema(definitions));
  db.rows = (table) => db.table(table);
  if (!dexieOptions) open.set(name, db);
  return db;
}

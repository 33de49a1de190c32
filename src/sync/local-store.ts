/**
 * Device-only sync bookkeeping in a small Dexie database beside the RxDB one (never an RxDB
 * collection: the synced model already uses 12 of the 13 RxDB allows):
 * - rowErrors: rows the server refused for good, with its reason, until the user fixes or
 *   discards them;
 * - outbox: server-function calls made offline, with their idempotency key and their result;
 * - meta: small facts, such as the access fingerprint the device last checked (lost-access.ts);
 * - purged: rows dropped from this device because its user lost access: their local removal
 *   is never sent to the server.
 * One per user, like the RxDB database, so signing out keeps them.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

export type RowErrorRecord = {
  /** `${collection}:${id}` */
  key: string;
  collection: string;
  rowId: string;
  /** 'push': the server refused a write; 'pull': a row from the server failed the device's model. */
  direction: 'push' | 'pull';
  /** SQLSTATE (e.g. 23514 check violation, 42501 RLS) or 'invalid' for a pull parse failure. */
  code: string;
  message: string;
  constraint: string | null;
  column: string | null;
  /** The row as the device sent it (push) or received it (pull). */
  row: Record<string, unknown>;
  /** The server's version the device's edit started from (restored on discard); null if none. */
  base: Record<string, unknown> | null;
  at: string;
};

export type OutboxStatus = 'pending' | 'sending' | 'done' | 'refused';

export type OutboxRecord = {
  /** The idempotency key (UUIDv7): sending the same request twice has the effect of one. */
  key: string;
  /** Name of the Postgres function (`supabase.rpc`). */
  fn: string;
  args: Record<string, unknown>;
  /** A short description for the UI ("Book 10:00 with Sam"). */
  label: string;
  status: OutboxStatus;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  result: unknown;
  error: { code: string; message: string } | null;
};

export type MetaRecord = { key: string; value: unknown };
export type PurgedRecord = { /** `${collection}:${id}` */ key: string; at: string };

export type SyncLocalStore = Dexie & {
  rowErrors: EntityTable<RowErrorRecord, 'key'>;
  outbox: EntityTable<OutboxRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  purged: EntityTable<PurgedRecord, 'key'>;
};

export function syncLocalStoreName(userId: string): string {
  return `fitcoach-sync-${userId.toLowerCase()}`;
}

export function openSyncLocalStore(userId: string, dexieOptions?: DexieOptions): SyncLocalStore {
  const db = new Dexie(syncLocalStoreName(userId), dexieOptions) as SyncLocalStore;
  db.version(1).stores({
    rowErrors: '&key, collection, at',
    outbox: '&key, status, createdAt',
  });
  db.version(2).stores({ meta: '&key', purged: '&key' });
  return db;
}

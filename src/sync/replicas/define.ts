/**
 * A replica: data the server decides (bookings, the credit ledger, payments…), kept on the
 * device in a small Dexie store and refreshed incrementally by the same gap-free `sync_pull`
 * as the RxDB collections (txid checkpoint, `behind`, reset on a new database epoch, RLS
 * applied). The device never writes it; requests to change it go through the outbox.
 *
 * A definition says which server table each local table mirrors, its zod model (a row the
 * model refuses is reported in the sync panel, never dropped silently), its Dexie indexes and
 * the part of the table the device needs (its scope).
 */
import type { z } from 'zod';
import type { PullScope } from '../scope';

export type ReplicaScopeContext = { userId: string; role: 'client' | 'trainer' | 'admin'; now: Date };

export type ReplicaTable<Row extends { id: string } = { id: string }> = {
  /** The server table (public.<table>, with the sync markers). */
  table: string;
  model: z.ZodType<Row>;
  /** Instants the model expects as `toISOString()` strings. */
  instants: readonly string[];
  /** Dexie indexes besides the primary key `id`, e.g. `['starts_at', 'status']`. */
  indexes: readonly string[];
  /** What part of the table the device needs (null: all the user may read). */
  scope?: (context: ReplicaScopeContext) => PullScope | null;
};

export type ReplicaDefinition = {
  /** Names the replica in the status store and the sync panel. */
  name: string;
  tables: readonly ReplicaTable[];
};

export function defineReplica<const D extends ReplicaDefinition>(definition: D): D {
  const seen = new Set<string>();
  for (const table of definition.tables) {
    if (seen.has(table.table)) throw new Error(`replica ${definition.name}: table ${table.table} is listed twice`);
    seen.add(table.table);
  }
  return definition;
}

export function replicaTable<Row extends { id: string }>(table: ReplicaTable<Row>): ReplicaTable {
  return table as unknown as ReplicaTable;
}

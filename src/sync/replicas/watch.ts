/**
 * A live query of the user's replicas: runs `query` against the replica store and again each
 * time a table it read changes (Dexie's liveQuery); a failed query answers `fallback`.
 * Returns the function that stops it.
 */
import { liveQuery, type Table } from 'dexie';
import type { ReplicaDefinition } from './define';
import { openReplicaStore, type ReplicaStore } from './store';

export function watchReplicaStore<T>(
  userId: string,
  definitions: readonly ReplicaDefinition[],
  query: (store: ReplicaStore) => Promise<T>,
  onChange: (value: T) => void,
  fallback: T,
): () => void {
  const store = openReplicaStore(userId, definitions);
  const subscription = liveQuery(() => query(store)).subscribe({ next: onChange, error: () => onChange(fallback) });
  return () => subscription.unsubscribe();
}

/** Rows of one replicated table, typed as its definition's model parsed them. */
export function replicaRows<Row>(store: ReplicaStore, table: string): Table<Row, string> {
  return store.rows(table) as unknown as Table<Row, string>;
}

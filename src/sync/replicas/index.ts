/**
 * Replicas of the data the server decides (see define.ts): every one the app keeps, their
 * models, the store and its live queries. Screens load this; the refresh stays in the engine.
 */
import { bookingsReplica } from './bookings';
import { catalogueReplica } from './catalogue';
import type { ReplicaDefinition } from './define';
import { peopleReplica } from './people';
import { progressReplica } from './progress';
import { rosterReplica } from './roster';
import type { ReplicaStore } from './store';
import { watchReplicaStore } from './watch';

export const REPLICAS: readonly ReplicaDefinition[] = [bookingsReplica, catalogueReplica, rosterReplica, progressReplica, peopleReplica];

/** A live query of every replica the app keeps (see watch.ts). */
export function watchReplica<T>(
  userId: string,
  query: (store: ReplicaStore) => Promise<T>,
  onChange: (value: T) => void,
  fallback: T,
): () => void {
  return watchReplicaStore(userId, REPLICAS, query, onChange, fallback);
}

export { defineReplica, replicaTable, type ReplicaDefinition, type ReplicaTable, type ReplicaScopeContext } from './define';
export { openReplicaStore, replicaStoreName, type ReplicaStore } from './store';
// The refresh and its manager run in the sync engine's lazy chunk: import them from their files.
export { replicaRows, watchReplicaStore } from './watch';
export * from './bookings';
export * from './catalogue';
export * from './roster';
export * from './people';
export * from './progress';

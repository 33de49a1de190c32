/** Replicas of the data the server decides (see define.ts); every one the app keeps. */
import { bookingsReplica } from './bookings';
import type { ReplicaDefinition } from './define';

export const REPLICAS: readonly ReplicaDefinition[] = [bookingsReplica];

export { defineReplica, replicaTable, type ReplicaDefinition, type ReplicaTable, type ReplicaScopeContext } from './define';
export { openReplicaStore, replicaStoreName, type ReplicaStore } from './store';
export { refreshReplicaTable, type TableRefreshResult } from './refresh';
export { startReplicaManager, type ReplicaManager } from './manager';
export * from './bookings';

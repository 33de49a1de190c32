/** Replicas of the data the server decides (see define.ts); every one the app keeps. */
import { bookingsReplica } from './bookings';
import { catalogueReplica } from './catalogue';
import type { ReplicaDefinition } from './define';
import { peopleReplica } from './people';
import { progressReplica } from './progress';
import { rosterReplica } from './roster';

export const REPLICAS: readonly ReplicaDefinition[] = [bookingsReplica, catalogueReplica, rosterReplica, progressReplica, peopleReplica];

export { defineReplica, replicaTable, type ReplicaDefinition, type ReplicaTable, type ReplicaScopeContext } from './define';
export { openReplicaStore, replicaStoreName, type ReplicaStore } from './store';
export { refreshReplicaTable, type TableRefreshResult } from './refresh';
export { startReplicaManager, type ReplicaManager } from './manager';
export * from './bookings';
export * from './catalogue';
export * from './roster';
export * from './people';
export * from './progress';

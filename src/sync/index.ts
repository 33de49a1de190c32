/** What the app's screens use from the sync layer (see README "Sync" for the flow). */
export { startSync, type SyncEngine, type SyncEngineOptions, type PendingChanges } from './engine';
export { signOutKeepingChanges, unsyncedBeforeSignOut } from './session';
export { syncStatus, totalPendingPushes, type SyncStatusState, type CollectionSyncStatus } from './status-store';
export { discardRefusedChange, listRowErrors } from './row-errors';
export type { OutboxRecord, RowErrorRecord } from './local-store';
export type { Outbox, OutboxRequest } from './outbox';
export type { AppRole } from './scope';

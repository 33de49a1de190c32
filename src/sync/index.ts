/**
 * What the app's screens use from the sync layer (see README "Sync" for the flow).
 *
 * The rule for device data:
 * - Data the device edits lives in RxDB and replicates both ways (src/db, engine.ts).
 * - Data the server decides lives in a replica (./replicas): a small Dexie store refreshed
 *   incrementally by the same gap-free sync_pull (txid checkpoint, `behind`, reset on a new
 *   database epoch, RLS applied), never by downloading everything again. Requests to change it
 *   go through the outbox (outbox.ts).
 * - Every server read and call from a feature goes through src/sync or a `<feature>-api.ts`
 *   module that uses it; no component talks to supabase-js. Whether the server answers is one
 *   signal (reachability.ts); nothing else listens to the browser's online events.
 */
export { startSync, type SyncEngine, type SyncEngineOptions, type PendingChanges } from './engine';
export { signOutKeepingChanges, unsyncedBeforeSignOut } from './session';
export { syncStatus, totalPendingPushes, type SyncStatusState, type CollectionSyncStatus } from './status-store';
export { discardRefusedChange, listRowErrors } from './row-errors';
export type { OutboxRecord, RowErrorRecord } from './local-store';
export type { Outbox, OutboxRequest } from './outbox';
export type { AppRole } from './scope';
export { onBackInReach, serverInReach } from './reachability';

/**
 * Signing out without losing work (issue 5): unsynced changes stay in the user's own device
 * database (one per user), and the caller tells the user how many, before and after. They sync
 * when the same user signs in again and the app starts the engine on that database.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DeviceDatabase } from '../db/database';
import type { PendingChanges, SyncEngine } from './engine';
import { syncStatus, type SyncStatusStore } from './status-store';

const NOTHING_PENDING: PendingChanges = { rows: 0, requests: 0, refused: 0, total: 0 };

/** What signing out now would leave unsynced on this device (show it in the sign-out dialog). */
export function unsyncedBeforeSignOut(engine: SyncEngine | undefined): Promise<PendingChanges> {
  return engine ? engine.pendingChanges() : Promise.resolve(NOTHING_PENDING);
}

/**
 * Stops sync, closes (never deletes) the user's device database and signs out this device
 * only. Returns what stays on the device unsynced, for the "kept on this device" message.
 */
export async function signOutKeepingChanges(options: {
  supabase: SupabaseClient;
  engine: SyncEngine | undefined;
  database: DeviceDatabase | undefined;
  status?: SyncStatusStore;
}): Promise<PendingChanges> {
  const pending = await unsyncedBeforeSignOut(options.engine);
  await options.engine?.stop();
  await options.engine?.localStore.close();
  await options.database?.close();
  await options.supabase.auth.signOut({ scope: 'local' });
  (options.status ?? syncStatus).setState({ running: false, session: 'signed-out', collections: {}, rowErrors: [], outbox: [] });
  return pending;
}

/**
 * Signing out without losing work: unsynced changes stay in the user's own device
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

/** How long the server gets to answer the sign-out before this device forgets the session alone. */
export const SIGN_OUT_ANSWER_MS = 4000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/**
 * Signs this device out, with or without a network. supabase-js removes the stored session only
 * once the server has answered the logout, so offline (a shared gym tablet) it kept the user
 * signed in: then this device forgets the session itself. The server's session then ends when
 * its refresh token is next refused or expires; the access token works until it expires, as
 * on hosted Supabase after any sign-out.
 */
async function signOutThisDevice(supabase: SupabaseClient, authStorageKey: string | undefined): Promise<void> {
  const answer = await within(
    supabase.auth.signOut({ scope: 'local' }).catch((error: unknown) => ({ error })),
    SIGN_OUT_ANSWER_MS,
  );
  if (answer && !answer.error) return;
  // Its refresh ticker finds no session from now on, and a later sign-in starts afresh.
  if (!authStorageKey) return;
  for (const key of [authStorageKey, `${authStorageKey}-code-verifier`, `${authStorageKey}-user`]) globalThis.localStorage?.removeItem(key);
}

/**
 * Stops sync, closes (never deletes) the user's device database and signs out this device
 * only, offline too. Returns what stays on the device unsynced, for the "kept on this device"
 * message.
 */
export async function signOutKeepingChanges(options: {
  supabase: SupabaseClient;
  engine: SyncEngine | undefined;
  database: DeviceDatabase | undefined;
  status?: SyncStatusStore;
  /** Where supabase-js keeps the session (forgotten here when the server does not answer). */
  authStorageKey?: string;
}): Promise<PendingChanges> {
  const pending = await unsyncedBeforeSignOut(options.engine);
  await options.engine?.stop();
  await options.engine?.localStore.close();
  await options.database?.close();
  await signOutThisDevice(options.supabase, options.authStorageKey);
  (options.status ?? syncStatus).setState({ running: false, session: 'signed-out', collections: {}, rowErrors: [], outbox: [] });
  return pending;
}

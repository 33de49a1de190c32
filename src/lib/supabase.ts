/**
 * The app's one Supabase client, loaded on first use: supabase-js (and the sync engine that
 * uses it) are not needed to show the device's data, so they stay out of the initial
 * JavaScript and an offline start never waits for them. The session persists in localStorage
 * under AUTH_STORAGE_KEY, which the app reads directly at start-up (see session-store).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from '@/config';
import { fetchNotingReachability, serverReachability } from '@/sync/reachability';
import { afterFirstScreen } from './first-screen';
import { importAfreshAfterFailure } from './fresh-import';

/** Where supabase-js keeps the session in localStorage. */
export const AUTH_STORAGE_KEY = 'fitcoach-auth';

let client: Promise<SupabaseClient> | null = null;

// Browsers remember a failed import() for the page's life: after a failure, ask afresh.
const importSupabase = importAfreshAfterFailure(() => import('@supabase/supabase-js'));

function hasStoredSession(): boolean {
  try {
    return globalThis.localStorage?.getItem(AUTH_STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

/**
 * Signed in, the first screen comes first: supabase-js is parsed and run on the main thread,
 * and every screen works from the device's data meanwhile (first-screen.ts). Signed out, it
 * loads at once for the sign-in form.
 */
export function getSupabase(): Promise<SupabaseClient> {
  const loading = (client ??= (hasStoredSession() ? afterFirstScreen() : Promise.resolve()).then(() => loadClient()));
  // A chunk that failed to load (offline before the service worker stored it) is tried again
  // on the next call, not remembered as failed.
  loading.catch(() => {
    if (client === loading) client = null;
  });
  return loading;
}

function loadClient(): Promise<SupabaseClient> {
  return importSupabase().then(({ createClient }) =>
    createClient(supabaseUrl, supabaseAnonKey, {
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, storageKey: AUTH_STORAGE_KEY },
      // Every answer or failure tells the sync indicator whether the server can be reached.
      global: { fetch: fetchNotingReachability(serverReachability) },
    }),
  );
}

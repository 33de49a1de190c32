/**
 * The app's one Supabase client, loaded on first use: supabase-js (and the sync engine that
 * uses it) are not needed to show the device's data, so they stay out of the initial
 * JavaScript and an offline start never waits for them. The session persists in localStorage
 * under AUTH_STORAGE_KEY, which the app reads directly at start-up (see session-store).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from '@/config';
import { fetchNotingReachability, serverReachability } from '@/sync/reachability';

/** Where supabase-js keeps the session in localStorage. */
export const AUTH_STORAGE_KEY = 'fitcoach-auth';

let client: Promise<SupabaseClient> | null = null;

export function getSupabase(): Promise<SupabaseClient> {
  client ??= import('@supabase/supabase-js').then(({ createClient }) =>
    createClient(supabaseUrl, supabaseAnonKey, {
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, storageKey: AUTH_STORAGE_KEY },
      // Every answer or failure tells the sync indicator whether the server can be reached.
      global: { fetch: fetchNotingReachability(serverReachability) },
    }),
  );
  return client;
}

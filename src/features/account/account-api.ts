/**
 * The account's server calls: signing in and up, following the session, signing out (keeping
 * unsent changes on the device), and the profile row. Screens and stores call these; none of
 * them talks to supabase-js itself.
 */
import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import type { DeviceDatabase } from '@/db';
import { AUTH_STORAGE_KEY, getSupabase } from '@/lib/supabase';
import type { PendingChanges, SyncEngine } from '@/sync';

/** Signs in; answers the server's refusal in words, or null. */
export async function signInWithPassword(credentials: { email: string; password: string }): Promise<string | null> {
  const supabase = await getSupabase();
  const { error } = await supabase.auth.signInWithPassword(credentials);
  return error ? error.message : null;
}

/** Creates the account (the sign-up trigger makes its profile); the refusal in words, or null. */
export async function signUp(account: { email: string; password: string; fullName: string; role: string }): Promise<string | null> {
  const supabase = await getSupabase();
  const { error } = await supabase.auth.signUp({
    email: account.email,
    password: account.password,
    options: { data: { full_name: account.fullName, role: account.role } },
  });
  return error ? error.message : null;
}

/** The session now, then every change of it; returns the function that stops following. */
export function followSession(onSession: (event: AuthChangeEvent | 'INITIAL', session: Session | null) => void): () => void {
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  void getSupabase().then((supabase) => {
    if (stopped) return;
    void supabase.auth.getSession().then(({ data }) => onSession('INITIAL', data.session));
    const { data } = supabase.auth.onAuthStateChange((event, session) => onSession(event, session));
    unsubscribe = () => data.subscription.unsubscribe();
  });
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

/** Signs this device out; changes the server has not got stay in the user's database for the next sign-in. */
export async function signOutDevice(engine: SyncEngine | undefined, database: DeviceDatabase | undefined): Promise<PendingChanges> {
  const [{ signOutKeepingChanges }, supabase] = await Promise.all([import('@/sync/session'), getSupabase()]);
  return signOutKeepingChanges({ supabase, engine, database, authStorageKey: AUTH_STORAGE_KEY });
}

const PROFILE_COLUMNS = 'id, role, full_name, weight_unit, length_unit, timezone, trial_ends_at';

/** The user's profile row as the server has it (unparsed), or null when it could not be read. */
export async function readProfileRow(userId: string): Promise<unknown> {
  const supabase = await getSupabase();
  const { data, error } = await supabase.from('profiles').select(PROFILE_COLUMNS).eq('id', userId).maybeSingle();
  return error ? null : data;
}

/** Stores the display unit on the server; false when it did not get there. */
export async function saveWeightUnit(userId: string, unit: string): Promise<boolean> {
  const supabase = await getSupabase();
  const { error } = await supabase.from('profiles').update({ weight_unit: unit }).eq('id', userId);
  return !error;
}

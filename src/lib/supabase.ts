import { createClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from '@/config';

/** Where supabase-js keeps the session in localStorage (read directly when offline, see session-store). */
export const AUTH_STORAGE_KEY = 'fitcoach-auth';

/** The app's one Supabase client; the session persists in localStorage so it opens signed in offline. */
export const supabase = createClient(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, storageKey: AUTH_STORAGE_KEY },
});

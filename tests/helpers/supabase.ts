import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';

/**
 * The official supabase-js client for tests in Node 20 (which has no global WebSocket, so
 * realtime-js gets the `ws` package), without persisting or auto-refreshing sessions.
 */
export function createTestClient(apiUrl: string, key: string): SupabaseClient {
  return createClient(apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
}

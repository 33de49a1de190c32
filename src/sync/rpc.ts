/**
 * The one thing the sync needs from supabase-js: calling a Postgres function. Kept as a small
 * function type so tests and benchmarks can count or cut calls.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { CallError } from './server-errors';

export type RpcResult = { data: unknown; error: CallError | null };
export type SyncRpc = (fn: string, args: Record<string, unknown>) => Promise<RpcResult>;

export function supabaseRpc(supabase: SupabaseClient): SyncRpc {
  return async (fn, args) => {
    try {
      const { data, error, status } = await supabase.rpc(fn, args);
      if (!error) return { data, error: null };
      return { data: null, error: { message: error.message, code: error.code, status, details: error.details, hint: error.hint } };
    } catch (thrown) {
      // fetch itself failed: offline, or the server is gone.
      return { data: null, error: { message: thrown instanceof Error ? thrown.message : String(thrown), status: 0 } };
    }
  };
}

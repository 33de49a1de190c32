/**
 * Where the app finds Supabase. Built against the local stack unless VITE_SUPABASE_URL and
 * VITE_SUPABASE_ANON_KEY name a hosted project (see README, "Pointing at a real project").
 * The defaults are the local stack's well-known development values, public by design.
 */
const LOCAL_API_URL = 'http://127.0.0.1:54321';
const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.LthLjWTzspDsJwCLaJr94Er6OrdEFDoucAmrev2A_Xs';

export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL || LOCAL_API_URL;
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY || LOCAL_ANON_KEY;

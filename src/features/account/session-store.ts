import type { Session } from '@supabase/supabase-js';
import { create } from 'zustand';
import { supabase } from '@/lib/supabase';

type SessionState = {
  /** 'loading' until the stored session has been read (no network needed). */
  status: 'loading' | 'signed-out' | 'signed-in';
  session: Session | null;
};

export const useSessionStore = create<SessionState>(() => ({ status: 'loading', session: null }));

function applySession(session: Session | null): void {
  useSessionStore.setState({ session, status: session ? 'signed-in' : 'signed-out' });
}

/** Follows supabase-js's auth state; call once at start-up. */
export function watchSession(): () => void {
  void supabase.auth.getSession().then(({ data }) => applySession(data.session));
  const { data } = supabase.auth.onAuthStateChange((_event, session) => applySession(session));
  return () => data.subscription.unsubscribe();
}

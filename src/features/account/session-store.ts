import type { Session } from '@supabase/supabase-js';
import { create } from 'zustand';
import { AUTH_STORAGE_KEY } from '@/lib/supabase';
import { followSession } from './account-api';
import { parseStoredSession } from './stored-session';

/**
 * supabase-js answers "no session" when the stored access token has expired and the refresh
 * fails for want of a network, though it keeps the session stored (it only removes it when
 * the server refuses the refresh token). Offline in a gym an hour after signing in, the app
 * must still open signed in: so a missing session falls back to the stored one, which sync
 * refreshes when the network returns.
 */
function storedSession(): Session | null {
  try {
    return parseStoredSession(globalThis.localStorage?.getItem(AUTH_STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

type SessionState = {
  /** 'loading' until the stored session has been read (no network needed). */
  status: 'loading' | 'signed-out' | 'signed-in';
  session: Session | null;
  /** Unsynced changes kept on the device at the last sign-out (shown on the sign-in screen). */
  keptAtSignOut: number;
};

/** Starts from the stored session, so the app opens signed in at once, before supabase-js loads. */
export const useSessionStore = create<SessionState>(() => {
  const stored = storedSession();
  return { status: stored ? 'signed-in' : 'signed-out', session: stored, keptAtSignOut: 0 };
});

function applySession(session: Session | null): void {
  useSessionStore.setState({ session, status: session ? 'signed-in' : 'signed-out' });
}

/** Follows supabase-js's auth state; call once at start-up. */
export function watchSession(): () => void {
  return followSession((event, session) => applySession(event === 'SIGNED_OUT' ? null : (session ?? storedSession())));
}

/** This device signed out (whether or not the server heard of it). */
export function markSignedOut(): void {
  applySession(null);
}

export function rememberKeptChanges(count: number): void {
  useSessionStore.setState({ keptAtSignOut: count });
}

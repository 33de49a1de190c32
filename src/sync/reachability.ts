/**
 * Whether the server answers. `navigator.onLine` only says a network is connected: a gym's
 * wifi behind a captive portal, or a phone with signal but no data, still counts as online.
 * The Supabase client's fetch notes each outcome here: any HTTP answer means reachable, a
 * request that fails without one means not. The sync indicator shows "Offline" for either.
 */
import { createStore } from 'zustand/vanilla';

export type ReachabilityState = { reachable: boolean };

export function createReachabilityStore() {
  return createStore<ReachabilityState>()(() => ({ reachable: true }));
}
export type ReachabilityStore = ReturnType<typeof createReachabilityStore>;

/** The app's one reachability store, written by the Supabase client's fetch. */
export const serverReachability = createReachabilityStore();

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A fetch that records in `store` whether the request got an answer (aborts say nothing). */
export function fetchNotingReachability(store: ReachabilityStore, send: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    try {
      const response = await send(input, init);
      if (!store.getState().reachable) store.setState({ reachable: true });
      return response;
    } catch (error) {
      if (!isAbort(error) && store.getState().reachable) store.setState({ reachable: false });
      throw error;
    }
  };
}

/**
 * A network is connected (navigator.onLine; always true where there is no navigator). Only for
 * checks made while no sync engine runs to tell whether the server answers again (signed out).
 */
export function networkConnected(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

/**
 * Whether the server is in reach now: a network is connected and the server answered the last
 * request. The one check the app makes before a call that needs the server.
 */
export function serverInReach(store: ReachabilityStore = serverReachability): boolean {
  return networkConnected() && store.getState().reachable;
}

/**
 * Calls `listener` whenever the server comes back in reach: a network connects, or the server
 * answers again after requests failed. The one place the app listens to the browser's `online`
 * event; returns the function that stops listening.
 */
export function onBackInReach(listener: () => void, store: ReachabilityStore = serverReachability): () => void {
  let reachable = store.getState().reachable;
  const stopWatching = store.subscribe((state) => {
    if (state.reachable && !reachable && networkConnected()) listener();
    reachable = state.reachable;
  });
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('online', listener);
  return () => {
    stopWatching();
    target?.removeEventListener('online', listener);
  };
}

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

/**
 * Runs `load` until it succeeds, for the parts of the app that load over the network after the
 * device's data is open (the sync engine and supabase-js are lazy chunks). Offline before the
 * service worker has stored them, the load fails: the data stays usable, and the load is tried
 * again when the browser is back online, or after a growing pause (it may be wrong about it).
 */
import { onBackInReach } from '@/sync/reachability';

export type RetryOptions = {
  /** Whether the result is still wanted (the user may have signed out meanwhile). */
  wanted: () => boolean;
  /** Resolves when it is worth trying again (back online), or never. */
  backOnline: () => Promise<void>;
  /** Pauses before the next try: 2 s, then doubling up to 60 s. */
  firstPauseMs?: number;
  maxPauseMs?: number;
  onFailure?: (error: unknown, attempt: number) => void;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The loaded value, or undefined once it is no longer wanted. */
export async function retryUntilLoaded<T>(load: () => Promise<T>, options: RetryOptions): Promise<T | undefined> {
  let pause = options.firstPauseMs ?? 2_000;
  const maxPause = options.maxPauseMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    if (!options.wanted()) return undefined;
    try {
      return await load();
    } catch (error) {
      options.onFailure?.(error, attempt);
      await Promise.race([sleep(pause), options.backOnline()]);
      pause = Math.min(pause * 2, maxPause);
    }
  }
}

/** Resolves when the server is next back in reach (a network connects; never in Node). */
export function nextOnline(): Promise<void> {
  if (typeof window === 'undefined') return new Promise(() => undefined);
  return new Promise((resolve) => {
    const stop = onBackInReach(() => {
      stop();
      resolve();
    });
  });
}

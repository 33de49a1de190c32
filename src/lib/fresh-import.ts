/**
 * Browsers remember a failed dynamic `import()` for the life of the page: importing the same
 * chunk again answers the old failure without asking the network (Chromium 150 does). A lazy
 * chunk that failed offline is therefore asked for again under a fresh address, which the
 * browser has not seen. When a chunk it imports failed instead, no fresh address helps: only a
 * reload of the page does, and `appAnswers` tells whether one is safe (an offline reload before
 * the service worker stored the app would show no app at all).
 */
import { create } from 'zustand';

type ImportUrl = (url: string) => Promise<unknown>;

// A variable specifier: bundlers leave it to the browser at run time.
const importUrl: ImportUrl = (url) => import(/* @vite-ignore */ url);

/** The address of the module a failed dynamic import names (Chromium, Firefox), or null (Safari). */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /(?:https?:|blob:|file:)\S+/.exec(message);
  return match ? match[0].replace(/[.,;)]+$/, '') : null;
}

/** The same address with a query the browser has not seen before. */
export function freshAddress(url: string, attempt: number): string {
  const address = new URL(url);
  address.searchParams.set('retry', String(attempt));
  return address.href;
}

/**
 * A loader for a lazy chunk: the first call runs `load` (the bundler's import); after a failure,
 * each call imports the failed chunk's address afresh. Failures still reject, for the caller's
 * retry loop; `freshTries` counts the fresh addresses tried.
 */
export function importAfreshAfterFailure<T>(load: () => Promise<T>, importFresh: ImportUrl = importUrl) {
  let failedUrl: string | null = null;
  let freshTries = 0;
  const loader = async (): Promise<T> => {
    try {
      if (failedUrl === null) return await load();
      freshTries += 1;
      return (await importFresh(freshAddress(failedUrl, freshTries))) as T;
    } catch (error) {
      failedUrl ??= failedModuleUrl(error);
      throw error;
    }
  };
  return Object.assign(loader, { freshTries: () => freshTries });
}

/** Whether the app's own server answers now, so a reload would load the app again. */
export async function appAnswers(origin: string = globalThis.location?.origin ?? ''): Promise<boolean> {
  try {
    const answer = await fetch(`${origin}/`, { cache: 'no-store', method: 'HEAD' });
    return answer.ok;
  } catch {
    return false;
  }
}

/** Set when the sync code cannot load without a reload of the page; the shell offers one. */
export const useReloadNeeded = create<{ needed: boolean }>(() => ({ needed: false }));

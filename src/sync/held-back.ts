/**
 * Pulls the server held back. `sync_pull` serves only rows from transactions older than the
 * oldest one still running, and says `behind` when rows the device may read wait for such a
 * transaction to end (an autovacuum, another user's push). Nothing else would poke the device
 * for them until the next change, so a behind collection is pulled again after a short,
 * growing wait until the server has served everything.
 */
export type HeldBackPulls<Table extends string> = {
  /** Records the answer of one pull page of `table`; schedules a re-pull when it was behind. */
  notePage: (table: Table, behind: boolean) => void;
  /** Whether any collection still waits for held-back rows. */
  isBehind: () => boolean;
  /** Resolves once no collection is behind, or after `maxMs` (a transaction may stay open). */
  awaitCaughtUp: (maxMs: number) => Promise<void>;
  stop: () => void;
};

export type HeldBackOptions<Table extends string> = {
  repull: (table: Table) => void;
  /** First wait before a re-pull (default 200 ms); doubles per consecutive behind page. */
  firstDelayMs?: number;
  /** Longest wait between re-pulls (default 5 s). */
  maxDelayMs?: number;
};

export function createHeldBackPulls<Table extends string>(options: HeldBackOptions<Table>): HeldBackPulls<Table> {
  const firstDelay = options.firstDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 5000;
  const behind = new Map<Table, { attempts: number; timer?: ReturnType<typeof setTimeout> }>();
  let stopped = false;

  const notePage = (table: Table, isBehind: boolean) => {
    const entry = behind.get(table);
    if (!isBehind) {
      if (entry?.timer) clearTimeout(entry.timer);
      behind.delete(table);
      return;
    }
    const next = entry ?? { attempts: 0 };
    behind.set(table, next);
    if (next.timer || stopped) return;
    const delay = Math.min(maxDelay, firstDelay * 2 ** next.attempts);
    next.attempts += 1;
    next.timer = setTimeout(() => {
      next.timer = undefined;
      if (!stopped) options.repull(table);
    }, delay);
  };

  const awaitCaughtUp = async (maxMs: number) => {
    const deadline = Date.now() + maxMs;
    while (behind.size > 0 && !stopped && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  return {
    notePage,
    isBehind: () => behind.size > 0,
    awaitCaughtUp,
    stop: () => {
      stopped = true;
      for (const entry of behind.values()) if (entry.timer) clearTimeout(entry.timer);
      behind.clear();
    },
  };
}

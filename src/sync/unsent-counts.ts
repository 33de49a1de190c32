/**
 * How many rows of each collection wait for the server, kept between asks. Counting scans a
 * collection's unsent rows in the device database, and that read holds up a write made
 * meanwhile (a set being ticked), so a count is redone only for a collection that changed
 * since its last count, and, when the caller can wait (the indicator's poll), only once that
 * collection's changes have paused for `quietMs`, or `maxWaitMs` after the first uncounted one.
 */
export type UnsentCountsOptions<Table extends string> = {
  tables: readonly Table[];
  count: (table: Table) => Promise<number>;
  onCounted?: (table: Table, count: number) => void;
  quietMs?: number;
  maxWaitMs?: number;
  now?: () => number;
};

export type UnsentCounts<Table extends string> = {
  /** A row of `table` was written here or pulled, or a push of it ended. */
  noteChange: (table: Table) => void;
  /** Rows waiting over all collections; `quiet`: leave collections being written to their last count. */
  total: (options?: { quiet?: boolean }) => Promise<number>;
};

type Entry = { count: number; stale: boolean; firstChange: number | null; lastChange: number; counting: Promise<void> | null };

export function createUnsentCounts<Table extends string>(options: UnsentCountsOptions<Table>): UnsentCounts<Table> {
  const quietMs = options.quietMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<Table, Entry>(options.tables.map((t) => [t, { count: 0, stale: true, firstChange: null, lastChange: 0, counting: null }]));

  const recount = (table: Table, entry: Entry): Promise<void> => {
    entry.stale = false;
    entry.firstChange = null;
    // A change while counting marks the entry stale again, so the next ask counts anew.
    entry.counting = options
      .count(table)
      .then((count) => {
        entry.count = count;
        options.onCounted?.(table, count);
      })
      .catch(() => {
        entry.stale = true;
      })
      .finally(() => {
        entry.counting = null;
      });
    return entry.counting;
  };

  const settled = (entry: Entry, at: number) => at - entry.lastChange >= quietMs || (entry.firstChange !== null && at - entry.firstChange >= maxWaitMs);

  return {
    noteChange(table) {
      const entry = entries.get(table);
      if (!entry) return;
      const at = now();
      entry.stale = true;
      entry.lastChange = at;
      entry.firstChange ??= at;
    },
    async total({ quiet = false } = {}) {
      const at = now();
      await Promise.all(
        [...entries].map(async ([table, entry]) => {
          while (entry.counting) await entry.counting;
          if (entry.stale && (!quiet || settled(entry, at))) await recount(table, entry);
        }),
      );
      return [...entries.values()].reduce((sum, entry) => sum + entry.count, 0);
    },
  };
}

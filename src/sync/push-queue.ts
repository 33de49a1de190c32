/**
 * What a collection's pushes are doing, for the engine's waits:
 * - a push refused for a missing parent row waits until the parent collections' queued
 *   pushes are done (`awaitQueued` over those collections);
 * - a pulled page waits while its own collection has a push under way (`settle`): RxDB skips
 *   a pulled row that looks like an unsent local edit and moves its checkpoint past it, so
 *   rows the device has just pushed must first be recorded as pushed.
 * A push counts as under way from the start of its handler until the push queue it runs in
 * has settled (RxDB records the result after the handler returns).
 */
export type PushQueue = {
  /** Resolves when the pushes queued so far are done and their results recorded. */
  queued: () => Promise<void>;
};

/** True when `work` ends within `ms`, false otherwise (the work goes on). */
export async function withinTime(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([work.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}

export function createPushesUnderWay<Table extends string>(queueOf: (table: Table) => PushQueue | undefined) {
  const underWay = new Map<Table, number>();
  const done = (table: Table) => {
    const left = (underWay.get(table) ?? 1) - 1;
    if (left > 0) underWay.set(table, left);
    else underWay.delete(table);
  };
  return {
    /** The push handler of `table`, counting each call as under way until its queue settles. */
    noting<Rows, Answer>(table: Table, handler: (rows: Rows) => Promise<Answer>) {
      return async (rows: Rows): Promise<Answer> => {
        underWay.set(table, (underWay.get(table) ?? 0) + 1);
        try {
          return await handler(rows);
        } finally {
          void (queueOf(table)?.queued() ?? Promise.resolve()).finally(() => done(table));
        }
      };
    },
    /** Waits (at most `maxMs`) for the pushes of `table` under way, if there are any. */
    async settle(table: Table, maxMs: number): Promise<void> {
      const queue = queueOf(table);
      if (queue && underWay.has(table)) await withinTime(queue.queued(), maxMs);
    },
    /** Whether the queued pushes of `tables` are done within `maxMs`. */
    awaitQueued(tables: readonly Table[], maxMs: number): Promise<boolean> {
      return withinTime(Promise.all(tables.flatMap((t) => queueOf(t) ?? []).map((q) => q.queued())), maxMs);
    },
  };
}

/**
 * What a device pulls (RLS decides what it may see; this decides what it needs). A client
 * pulls all of their own rows. A trainer pulls their clients' plans in full but only a recent
 * window of their logs, so a trainer with 100 clients does not download years of history on
 * first start; older history is fetched on demand.
 */
export type AppRole = 'client' | 'trainer' | 'admin';

/** sync_pull's p_scope. */
export type PullScope = { since: string; column: string };

export const TRAINER_LOG_WINDOW_DAYS = 90;

export function pullScope(options: { role: AppRole; windowColumn: string | undefined; now: Date; windowDays?: number }): PullScope | null {
  if (options.role !== 'trainer' || !options.windowColumn) return null;
  const days = options.windowDays ?? TRAINER_LOG_WINDOW_DAYS;
  const since = new Date(options.now.getTime() - days * 86_400_000);
  // Day-aligned so every pull of the same day asks the same question.
  since.setUTCHours(0, 0, 0, 0);
  return { since: since.toISOString(), column: options.windowColumn };
}

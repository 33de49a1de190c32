/**
 * The rest timer is two timestamps, never a running count: the remaining time is always
 * `endsAt - now`, so it is right after the phone was locked, the app was in the background or
 * the page was reloaded (the timer is kept in localStorage). Times are epoch milliseconds.
 */
export type RestTimer = {
  /** When the rest started (the set's tick). */
  startedAt: number;
  /** Planned rest in seconds (the program's rest_seconds, or the default). */
  durationSeconds: number;
  /** The set that started it. */
  setId: string | null;
};

export const DEFAULT_REST_SECONDS = 90;
export const MAX_REST_SECONDS = 3600;

export function startRest(now: number, durationSeconds: number | null | undefined, setId: string | null = null): RestTimer {
  const seconds = durationSeconds && durationSeconds > 0 ? Math.min(durationSeconds, MAX_REST_SECONDS) : DEFAULT_REST_SECONDS;
  return { startedAt: now, durationSeconds: seconds, setId };
}

export function restEndsAt(timer: RestTimer): number {
  return timer.startedAt + timer.durationSeconds * 1000;
}

export function remainingMs(timer: RestTimer, now: number): number {
  return Math.max(0, restEndsAt(timer) - now);
}

export function isRestOver(timer: RestTimer, now: number): boolean {
  return now >= restEndsAt(timer);
}

/** Adds (or with a negative number removes) seconds; never below what has already elapsed. */
export function adjustRest(timer: RestTimer, seconds: number, now: number): RestTimer {
  const elapsedSeconds = Math.max(0, Math.ceil((now - timer.startedAt) / 1000));
  const durationSeconds = Math.min(MAX_REST_SECONDS, Math.max(elapsedSeconds, timer.durationSeconds + seconds));
  return { ...timer, durationSeconds };
}

/** "1:30", "0:05", "12:00" (rounded up, so it reads 0:00 only when the rest is over). */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Parses a stored timer, or null if it is not one. */
export function parseRestTimer(value: unknown): RestTimer | null {
  if (typeof value !== 'object' || value === null) return null;
  const { startedAt, durationSeconds, setId } = value as Record<string, unknown>;
  if (typeof startedAt !== 'number' || typeof durationSeconds !== 'number' || !Number.isFinite(startedAt) || durationSeconds <= 0) return null;
  return { startedAt, durationSeconds, setId: typeof setId === 'string' ? setId : null };
}

/**
 * Which achievements to announce, and which to mark seen, on this device. Each is announced
 * once per device, and only when it is news:
 * - until the device's first sync is done, what appears is the user's past arriving (or earned
 *   again by the device's own rules from the downloaded history): marked seen, never announced;
 * - the first look after that sets the baseline (BASELINE_KEY): everything there is seen;
 * - from then on, a new key is announced if earned on this device (no server time yet) or
 *   granted by the server within the last day (`RECENT_MS`), and marked seen either way.
 */
export const BASELINE_KEY = '__baseline__';
export const RECENT_MS = 24 * 3_600_000;
/** At most this many toasts on screen; the rest are summed up in one line. */
export const MAX_TOASTS = 3;

export type Announceable = { key: string; earnedAt: string | null };

export type AnnouncementDecision<T extends Announceable> = { markSeen: string[]; announce: T[] };

export function decideAnnouncements<T extends Announceable>(input: {
  achievements: readonly T[];
  seen: ReadonlySet<string>;
  firstSyncDone: boolean;
  now: number;
}): AnnouncementDecision<T> {
  const fresh = input.achievements.filter((a) => !input.seen.has(a.key));
  if (!input.seen.has(BASELINE_KEY)) {
    const keys = fresh.map((a) => a.key);
    return { markSeen: input.firstSyncDone ? [BASELINE_KEY, ...keys] : keys, announce: [] };
  }
  const announce = fresh.filter((a) => a.earnedAt === null || input.now - Date.parse(a.earnedAt) < RECENT_MS);
  return { markSeen: fresh.map((a) => a.key), announce };
}

/** The toasts on screen and how many more wait behind them. */
export function visibleToasts<T>(shown: readonly T[]): { visible: T[]; more: number } {
  return { visible: shown.slice(0, MAX_TOASTS), more: Math.max(0, shown.length - MAX_TOASTS) };
}

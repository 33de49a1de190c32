import { formatDate } from '@/lib/dates';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useStore } from 'zustand';
import { syncStatus } from '@/sync/status-store';
import { decideAnnouncements, visibleToasts } from './announcements';
import { markSeen } from './progress-store';
import { useAchievements, type ShownAchievement } from './useAchievements';
import { useSeenAchievementKeys, useUserId } from './useProgressData';

const ICONS: Record<ShownAchievement['kind'], string> = { milestone: '🏁', streak: '🔥', pr: '🏋️', goal: '🎯', fun: '⭐' };

/** Newest first; with `limit`, the rest behind a "show all" button. */
export function AchievementList({ achievements, limit }: { achievements: readonly ShownAchievement[]; limit?: number }) {
  const [all, setAll] = useState(false);
  if (achievements.length === 0) return <p className="empty">No achievements yet: finish a workout or keep a habit going for 3 days.</p>;
  const shown = limit && !all ? achievements.slice(0, limit) : achievements;
  return (
    <>
      <ul className="plain-list achievement-list" aria-label="Achievements">
        {shown.map((a) => (
          <li key={a.key} className="card achievement">
            <span aria-hidden="true" className="achievement-icon">
              {ICONS[a.kind]}
            </span>
            <span>
              <strong>{a.title}</strong>
              <span className="small muted">
                {' '}
                · {a.earnedAt ? formatDate(a.earnedAt) : 'earned on this device, syncing'}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {shown.length < achievements.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {achievements.length}
        </button>
      )}
    </>
  );
}

export function AchievementsPanel() {
  const clientId = useUserId();
  const { achievements } = useAchievements(clientId, { includeLocal: true });
  return (
    <section className="screen" aria-labelledby="achievements-title">
      <h2 id="achievements-title" className="visually-hidden">
        Achievements
      </h2>
      <AchievementList achievements={achievements} limit={20} />
    </section>
  );
}

/**
 * Announces achievements as they are earned (on this device, or granted by the server in the
 * last day), each once per device (see announcements.ts): a new device downloading the user's
 * past announces none of it. Three toasts at most; the rest are summed up with a link to them.
 */
/** How long an achievement toast stays on screen. */
const TOAST_SECONDS = 6;

export function AchievementToasts() {
  const clientId = useUserId();
  const { achievements, loaded } = useAchievements(clientId, { includeLocal: true });
  const seen = useSeenAchievementKeys();
  const firstSyncDone = useStore(syncStatus, (s) => s.firstSync.done);
  const [shown, setShown] = useState<ShownAchievement[]>([]);
  useEffect(() => {
    if (!loaded || !seen.loaded) return;
    const { markSeen: keys, announce } = decideAnnouncements({ achievements, seen: seen.value, firstSyncDone, now: Date.now() });
    if (keys.length === 0) return;
    // Shown once stored as seen, so no other tab or re-render announces it again.
    void markSeen(clientId, keys).then(() => {
      if (announce.length > 0) setShown((s) => [...s, ...announce.filter((a) => !s.some((x) => x.key === a.key))]);
    });
  }, [achievements, loaded, seen, firstSyncDone, clientId]);
  // Each toast goes by itself after a few seconds (the list in Progress keeps them all).
  useEffect(() => {
    if (shown.length === 0) return;
    const timer = setTimeout(() => setShown((s) => s.slice(1)), TOAST_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [shown]);

  if (shown.length === 0) return null;
  const { visible, more } = visibleToasts(shown);
  return (
    <div className="achievement-toasts" role="status" aria-live="polite">
      {visible.map((a) => (
        <div key={a.key} className="achievement-toast card">
          <span aria-hidden="true">{ICONS[a.kind]}</span> Achievement unlocked: <strong>{a.title}</strong>
          <button
            type="button"
            className="icon-button"
            aria-label={`Dismiss ${a.title}`}
            onClick={() => setShown((s) => s.filter((x) => x.key !== a.key))}
          >
            ×
          </button>
        </div>
      ))}
      {more > 0 && (
        <div className="achievement-toast card">
          <span>
            and {more} more: <Link to="/progress">see Progress</Link>
          </span>
          <button type="button" className="icon-button" aria-label="Dismiss all achievements" onClick={() => setShown([])}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

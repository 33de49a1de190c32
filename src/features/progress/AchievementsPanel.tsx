import { useEffect, useState } from 'react';
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
                · {a.earnedAt ? new Date(a.earnedAt).toLocaleDateString() : 'earned on this device, syncing'}
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

/** Marker in the `seen` keys: this device has taken its first look (nothing older is announced). */
const BASELINE = '__baseline__';
const RECENT_MS = 24 * 3_600_000;

/**
 * Announces achievements as they are earned (on this device, or granted by the server in the
 * last day), each once per device. What was earned before the device's first look, or long
 * ago (a new device downloading an old grant), is marked seen without an announcement.
 */
export function AchievementToasts() {
  const clientId = useUserId();
  const { achievements, loaded } = useAchievements(clientId, { includeLocal: true });
  const seen = useSeenAchievementKeys();
  const [shown, setShown] = useState<ShownAchievement[]>([]);
  useEffect(() => {
    if (!loaded || !seen.loaded) return;
    const fresh = achievements.filter((a) => !seen.value.has(a.key));
    if (!seen.value.has(BASELINE)) {
      void markSeen(clientId, [BASELINE, ...fresh.map((a) => a.key)]);
      return;
    }
    if (fresh.length === 0) return;
    const now = Date.now();
    const recent = fresh.filter((a) => a.earnedAt === null || now - Date.parse(a.earnedAt) < RECENT_MS);
    // Shown once stored as seen, so no other tab or re-render announces it again.
    void markSeen(
      clientId,
      fresh.map((a) => a.key),
    ).then(() => {
      if (recent.length > 0) setShown((s) => [...s, ...recent.filter((a) => !s.some((x) => x.key === a.key))]);
    });
  }, [achievements, loaded, seen, clientId]);
  if (shown.length === 0) return null;
  return (
    <div className="achievement-toasts" role="status" aria-live="polite">
      {shown.map((a) => (
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
    </div>
  );
}

import { lazy, Suspense } from 'react';

const AchievementToasts = lazy(() => import('./AchievementsPanel').then((m) => ({ default: m.AchievementToasts })));

/** Achievement announcements in the app shell, in their own chunk (kept out of the first load). */
export function AchievementToastsLoader() {
  return (
    <Suspense fallback={null}>
      <AchievementToasts />
    </Suspense>
  );
}

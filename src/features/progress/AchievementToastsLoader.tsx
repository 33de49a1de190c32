import { lazy, Suspense, useEffect, useState } from 'react';
import { afterFirstScreen } from '@/lib/first-screen';

const AchievementToasts = lazy(() => import('./AchievementsPanel').then((m) => ({ default: m.AchievementToasts })));

/**
 * Achievement announcements in the app shell, in their own chunk (kept out of the first load),
 * loaded once the first screen is shown: their queries over every set and habit tick wait
 * until the client can already tap.
 */
export function AchievementToastsLoader() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterFirstScreen().then(() => mounted && setReady(true));
    return () => {
      mounted = false;
    };
  }, []);
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <AchievementToasts />
    </Suspense>
  );
}

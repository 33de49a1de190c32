/**
 * The client's achievements: those the server granted (cached on the device) and those the
 * device's own data earns but the server has not granted yet (earned offline), merged by key
 * so each shows once. New ones are announced once per device (the `seen` keys).
 */
import { useEffect, useMemo } from 'react';
import { useHabitLogs, useHabits } from '@/features/habits';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { earnedAchievements, type AchievementKind } from './achievement-rules';
import { refreshAchievements } from './progress-store';
import { useClientDoneSets, useClientSessions, useGoals, useServerAchievements } from './useProgressData';
import { serverInReach } from '@/sync/reachability';

export type ShownAchievement = { key: string; kind: AchievementKind; title: string; earnedAt: string | null; synced: boolean };

/** Server grants: the sync engine keeps them fresh (pokes, resyncs); a screen that shows them asks at once. */
export function useAchievementRefresh(): void {
  useEffect(() => {
    if (serverInReach()) void refreshAchievements();
  }, []);
}

export function useAchievements(
  clientId: string,
  options: { includeLocal: boolean },
): { achievements: ShownAchievement[]; loaded: boolean } {
  const server = useServerAchievements(clientId);
  const sessions = useClientSessions(clientId);
  const sets = useClientDoneSets(clientId);
  const habits = useHabits(clientId);
  const habitLogs = useHabitLogs(clientId);
  const goals = useGoals(clientId);
  const catalogue = useExerciseCatalogue();
  useAchievementRefresh();
  const local = useMemo(() => {
    if (!options.includeLocal || !sessions || !sets || !habits || !habitLogs || !goals) return [];
    return earnedAchievements({ sessions, sets, habits, habitLogs, goals, exerciseName: (id) => exerciseName(catalogue, id) });
  }, [options.includeLocal, sessions, sets, habits, habitLogs, goals, catalogue]);
  const achievements = useMemo(() => {
    const byKey = new Map<string, ShownAchievement>();
    for (const a of server.value) byKey.set(a.key, { key: a.key, kind: a.kind, title: a.title, earnedAt: a.earned_at, synced: true });
    for (const a of local)
      if (!byKey.has(a.key)) byKey.set(a.key, { key: a.key, kind: a.kind, title: a.title, earnedAt: null, synced: false });
    return [...byKey.values()].sort((a, b) => (b.earnedAt ?? '9999').localeCompare(a.earnedAt ?? '9999'));
  }, [server.value, local]);
  const localReady =
    !options.includeLocal ||
    (sessions !== undefined && sets !== undefined && habits !== undefined && habitLogs !== undefined && goals !== undefined);
  return { achievements, loaded: server.loaded && localReady };
}

/**
 * Goals with their progress from the client's own data; on the client's device, a goal the
 * data shows reached is marked completed (which earns its achievement on the server), and the
 * stored current value follows the data so the trainer sees it too.
 */
import { useEffect, useMemo } from 'react';
import { goalProgress, type GoalProgress } from './goal-progress';
import {
  useClientDoneSets,
  useClientSessions,
  useGoals,
  useMeasurements,
  useProgressWriter,
  useTimeZone,
  type GoalRow,
} from './useProgressData';

export type GoalWithProgress = { goal: GoalRow; progress: GoalProgress };

export function useGoalProgress(clientId: string, options: { autoUpdate: boolean }): GoalWithProgress[] | undefined {
  const goals = useGoals(clientId);
  const measurements = useMeasurements(clientId);
  const sets = useClientDoneSets(clientId);
  const sessions = useClientSessions(clientId);
  const timeZone = useTimeZone();
  const writer = useProgressWriter();
  const withProgress = useMemo(() => {
    if (!goals || !measurements) return undefined;
    const data = { measurements, sets: sets ?? [], sessions: sessions ?? [], now: new Date(), timeZone };
    return goals.map((goal) => ({ goal, progress: goalProgress(goal, data) }));
  }, [goals, measurements, sets, sessions, timeZone]);

  useEffect(() => {
    if (!options.autoUpdate || !withProgress) return;
    for (const { goal, progress } of withProgress) {
      if (goal.status !== 'active' || progress.current === null) continue;
      const changedValue = goal.current_value === null || Math.abs(goal.current_value - progress.current) >= 0.01;
      if (progress.reached) {
        void writer.editGoal(goal.id, { status: 'completed', achieved_at: new Date().toISOString(), current_value: progress.current });
      } else if (changedValue && goal.metric !== 'custom' && goal.metric !== 'habit_streak') {
        void writer.editGoal(goal.id, { current_value: progress.current });
      }
    }
  }, [options.autoUpdate, withProgress, writer]);
  return withProgress;
}

/** The habits feature: ticking habits, streaks, the week strip. */
export { HabitsScreen } from './HabitsScreen';
export { HabitCard } from './HabitCard';
export { NewHabitForm } from './NewHabitForm';
export {
  useHabits,
  useHabitLogs,
  useHabitWriter,
  useToday,
  logsByHabit,
  type HabitRow,
  type HabitLogRow,
  type NewHabit,
} from './useHabits';
export { habitStreak, dailyStreak, weekStrip, STREAK_MILESTONES_DAYS, type Streak } from './streaks';

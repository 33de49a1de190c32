import { useMemo } from 'react';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { useClientId } from '@/features/workouts/useWorkoutData';
import { HabitCard } from './HabitCard';
import { NewHabitForm } from './NewHabitForm';
import { logsByHabit, useHabitLogs, useHabits, useHabitWriter, useToday } from './useHabits';

/** The client's habits: tick today or another day, see streaks, add their own. */
export function HabitsScreen() {
  const clientId = useClientId();
  const habits = useHabits(clientId);
  const arrival = useFirstArrival(['habits']);
  const logs = useHabitLogs(clientId);
  const writer = useHabitWriter();
  const today = useToday();
  const byHabit = useMemo(() => logsByHabit(logs ?? []), [logs]);
  if (!habits || !logs) return <p aria-busy="true">Loading habits…</p>;
  return (
    <section className="screen" aria-labelledby="habits-title">
      <h2 id="habits-title" className="visually-hidden">
        Habits
      </h2>
      {habits.length === 0 && (
        <p className="empty" aria-busy={arrival === 'arriving'}>
          {arrival === 'here' ? 'No habits yet. Add one below, or your coach will assign some.' : arrivalText(arrival, 'your habits')}
        </p>
      )}
      {habits.map((habit) => (
        <HabitCard
          key={habit.id}
          habit={habit}
          logs={byHabit.get(habit.id) ?? []}
          today={today}
          onSetDone={(day, done) => void writer.setDone(habit, day, done)}
        />
      ))}
      <NewHabitForm onCreate={(habit) => writer.create(clientId, null, habit, today)} />
    </section>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { useClientId } from '@/features/workouts';
import { HabitCard } from './HabitCard';
import { NewHabitForm } from './NewHabitForm';
import { logsByHabit, useHabitLogs, useHabits, useHabitWriter, useToday, type HabitRow } from './useHabits';

const UNDO_SECONDS = 8;

/** The client's habits: tick today or another day, see streaks, add their own. */
export function HabitsScreen() {
  const clientId = useClientId();
  const habits = useHabits(clientId);
  const arrival = useFirstArrival(['habits']);
  const logs = useHabitLogs(clientId);
  const writer = useHabitWriter();
  const today = useToday();
  const byHabit = useMemo(() => logsByHabit(logs ?? []), [logs]);
  // The last habit archived, for the undo notice (it goes after a while, the habit stays archived).
  const [archived, setArchived] = useState<HabitRow | null>(null);
  useEffect(() => {
    if (!archived) return;
    const timer = setTimeout(() => setArchived(null), UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [archived]);
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
          onArchive={
            habit.trainer_id === null
              ? () => {
                  setArchived(habit);
                  void writer.archive(habit);
                }
              : undefined
          }
        />
      ))}
      {archived && (
        <div className="toast" role="status">
          <p>“{archived.name}” is archived. Its history stays.</p>
          <button
            type="button"
            onClick={() => {
              void writer.archive(archived, false);
              setArchived(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      <NewHabitForm onCreate={(habit) => writer.create(clientId, null, habit, today)} />
    </section>
  );
}

import { formatDate } from '@/lib/dates';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useWeightUnit } from '@/features/account';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { totalsBySession } from './history';
import { formatDuration } from './session-summary';
import { formatVolume } from './units';
import { useAllDoneSets, useProgramDays, useSessions } from './useWorkoutData';

const STATUS: Record<string, string> = { completed: 'Completed', partial: 'Partly done', skipped: 'Skipped', in_progress: 'In progress' };

/** Past workouts, newest first, and the exercises done (each opens its history and chart). */
export function HistoryScreen() {
  const sessions = useSessions();
  const arrival = useFirstArrival(['workout_sessions']);
  const sets = useAllDoneSets();
  const days = useProgramDays();
  const unit = useWeightUnit();
  const catalogue = useExerciseCatalogue();
  const totals = useMemo(() => totalsBySession(sets ?? []), [sets]);
  const exercises = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of sets ?? []) counts.set(s.exercise_id, (counts.get(s.exercise_id) ?? 0) + 1);
    return [...counts.entries()].map(([id, count]) => ({ id, count, name: exerciseName(catalogue, id) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [sets, catalogue]);

  if (!sessions || !sets || !days) return <p aria-busy="true">Loading history…</p>;
  const dayName = new Map(days.map((d) => [d.id, d.name]));
  const shown = sessions.filter((s) => s.status !== 'in_progress' || (totals.get(s.id)?.sets ?? 0) > 0);
  return (
    <section className="screen" aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      {shown.length === 0 ? (
        <p className="empty" aria-busy={arrival === 'arriving'}>
          {arrival === 'here' ? 'No workouts yet. Your logged sessions appear here.' : arrivalText(arrival, 'your workouts')}
        </p>
      ) : (
        <ul className="session-list">
          {shown.map((session) => {
            const total = totals.get(session.id);
            const title = (session.program_day_id && dayName.get(session.program_day_id)) || session.name || 'Workout';
            return (
              <li key={session.id}>
                <Link to={`/history/${session.id}`} className="session-link">
                  <span className="session-title">{title}</span>
                  <span className="muted small">
                    {formatDate(session.started_at, { weekday: true })} · {STATUS[session.status] ?? session.status}
                    {session.duration_seconds ? ` · ${formatDuration(session.duration_seconds)}` : ''}
                  </span>
                  {total && (
                    <span className="small">
                      {total.sets} {total.sets === 1 ? 'set' : 'sets'} · {formatVolume(total.volumeKg, unit)}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {exercises.length > 0 && (
        <>
          <h2>Exercises</h2>
          <ul className="exercise-links">
            {exercises.map((e) => (
              <li key={e.id}>
                <Link to={`/history/exercise/${e.id}`}>
                  {e.name} <span className="muted small">
                    {e.count} {e.count === 1 ? 'set' : 'sets'}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

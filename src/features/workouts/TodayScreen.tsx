import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { noteFirstScreenShown } from '@/lib/first-screen';
import { markTodayInteractive } from '@/lib/perf-marks';
import { useClientId, useToday, type DayRow } from './useWorkoutData';
import { useWorkoutWriter } from './useWorkoutWriter';
import { WorkoutLogger } from './WorkoutLogger';

/** Today takes input: the benchmark's mark, and the sync engine may start. */
function todayShown(): void {
  markTodayInteractive();
  noteFirstScreenShown();
}

/** Today: the workout in progress, else the program's day for today, else an empty workout. */
export function TodayScreen() {
  const today = useToday();
  const clientId = useClientId();
  const writer = useWorkoutWriter();
  const [chosenDayId, setChosenDayId] = useState<string | null>(null);
  const programArrival = useFirstArrival(['programs', 'program_days']);
  const ready = today !== undefined;

  useEffect(() => {
    if (ready && today.choice.kind !== 'resume' && today.choice.kind !== 'planned') todayShown();
  }, [ready, today]);

  if (!today) return <p aria-busy="true">Loading today…</p>;
  const { choice, days, sessions } = today;

  if (choice.kind === 'resume') {
    const day = days.find((d) => d.id === choice.session.program_day_id);
    // Keyed by the planned day, like the draft below: storing the draft keeps the same logger.
    return <WorkoutLogger key={choice.session.program_day_id ? `day-${choice.session.program_day_id}` : choice.session.id} title={day?.name ?? choice.session.name ?? 'Workout'} session={choice.session} plan={null} onInteractive={todayShown} />;
  }

  const chosen = chosenDayId ? days.find((d) => d.id === chosenDayId) : undefined;
  const program = choice.kind === 'no-program' ? null : choice.program;
  if (choice.kind === 'planned' || (chosen && program)) {
    const day: DayRow = chosen ?? (choice.kind === 'planned' ? choice.day : (days[0] as DayRow));
    return (
      <>
        <WorkoutLogger key={`day-${day.id}`} title={day.name} session={null} plan={{ programDayId: day.id, weekIndex: program?.current_week ?? 1 }} onInteractive={todayShown} />
        {chosen && (
          <button type="button" className="link" onClick={() => setChosenDayId(null)}>
            Back to today’s plan
          </button>
        )}
      </>
    );
  }

  const otherDays = program ? days.filter((d) => d.program_id === program.id && d.week_index === program.current_week && !d.is_rest_day) : [];
  const lastDone = sessions.find((s) => s.status === 'completed' || s.status === 'partial');
  return (
    <section className="screen" aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <div className="card today-card">
        {choice.kind === 'done-today' && choice.session.status === 'skipped' && (
          <>
            <p className="big">You skipped {choice.day.name} today.</p>
            <button type="button" onClick={() => void writer.undoSkip(choice.session.id)}>
              Undo skip
            </button>
          </>
        )}
        {choice.kind === 'done-today' && choice.session.status !== 'skipped' && (
          <>
            <p className="big">✓ {choice.day.name} is done for today.</p>
            <Link to={`/history/${choice.session.id}`}>See the summary</Link>
          </>
        )}
        {choice.kind === 'rest-day' && <p className="big">Rest day{choice.day ? `: ${choice.day.name}` : ''}. Recover well.</p>}
        {choice.kind === 'no-program' && programArrival === 'here' && <p className="big">No program assigned yet. Log a workout of your own.</p>}
        {choice.kind === 'no-program' && programArrival !== 'here' && (
          <p className="big" aria-busy={programArrival === 'arriving'}>
            {arrivalText(programArrival, 'your program')}
          </p>
        )}
        <button type="button" className="primary" onClick={() => void writer.startAdHoc(clientId)}>
          Start an empty workout
        </button>
      </div>
      {otherDays.length > 0 && (
        <div className="card">
          <h2>Train another day of {program?.name}</h2>
          <ul className="plain-list">
            {otherDays.map((d) => (
              <li key={d.id}>
                <button type="button" onClick={() => setChosenDayId(d.id)}>
                  {d.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {lastDone && (
        <p className="muted">
          Last workout: <Link to={`/history/${lastDone.id}`}>{new Date(lastDone.started_at).toLocaleDateString()}</Link>
        </p>
      )}
    </section>
  );
}

import { formatDate } from '@/lib/dates';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { noteFirstScreenShown } from '@/lib/first-screen';
import { markTodayInteractive } from '@/lib/perf-marks';
import { choosableDays } from './today-plan';
import { useClientId, useToday, type DayRow, type ProgramRow } from './useWorkoutData';
import { useWorkoutWriter } from './useWorkoutWriter';
import { WorkoutLogger } from './WorkoutLogger';

/** Today takes input: the benchmark's mark, and the sync engine may start. */
function todayShown(): void {
  markTodayInteractive();
  noteFirstScreenShown();
}

/** The days a client may train instead, named with their program when there are several. */
function OtherDays({ choices, multiplePrograms, onChoose }: { choices: Array<{ program: ProgramRow; day: DayRow }>; multiplePrograms: boolean; onChoose: (dayId: string) => void }) {
  return (
    <ul className="plain-list">
      {choices.map(({ program, day }) => (
        <li key={day.id}>
          <button type="button" onClick={() => onChoose(day.id)}>
            {multiplePrograms ? `${program.name}: ${day.name}` : day.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Today: the workout in progress, else the program's day for today, else an empty workout. */
export function TodayScreen() {
  const today = useToday();
  const clientId = useClientId();
  const writer = useWorkoutWriter();
  const [chosenDay, setChosenDay] = useState<{ dayId: string; at: string } | null>(null);
  const chooseDay = (dayId: string | null) => setChosenDay(dayId ? { dayId, at: new Date().toISOString() } : null);
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

  const choosable = choosableDays(today.programs, days, clientId);
  // A chosen day once finished or skipped shows as done, not as a fresh workout again.
  const chosenDone =
    choice.kind === 'done-today' && chosenDay !== null && choice.day.id === chosenDay.dayId && choice.session.started_at >= chosenDay.at;
  const chosen = chosenDay && !chosenDone ? choosable.find((c) => c.day.id === chosenDay.dayId) : undefined;
  const program = choice.kind === 'no-program' ? null : choice.program;
  if (choice.kind === 'planned' || chosen) {
    const day: DayRow = chosen?.day ?? (choice.kind === 'planned' ? choice.day : (days[0] as DayRow));
    const weekIndex = chosen?.program.current_week ?? program?.current_week ?? 1;
    const others = choosable.filter((c) => c.day.id !== day.id);
    return (
      <>
        <WorkoutLogger key={`day-${day.id}`} title={day.name} session={null} plan={{ programDayId: day.id, weekIndex }} onInteractive={todayShown} />
        {chosen && (
          <button type="button" className="link" onClick={() => chooseDay(null)}>
            Back to today’s plan
          </button>
        )}
        {!chosen && others.length > 0 && (
          <details className="card other-days">
            <summary>Train another day instead</summary>
            <OtherDays choices={others} multiplePrograms={new Set(choosable.map((c) => c.program.id)).size > 1} onChoose={chooseDay} />
          </details>
        )}
      </>
    );
  }

  const otherDays = choosable;
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
          <h2>Train another day{new Set(otherDays.map((c) => c.program.id)).size === 1 ? ` of ${otherDays[0]?.program.name ?? ''}` : ''}</h2>
          <OtherDays choices={otherDays} multiplePrograms={new Set(otherDays.map((c) => c.program.id)).size > 1} onChoose={chooseDay} />
        </div>
      )}
      {lastDone && (
        <p className="muted">
          Last workout: <Link to={`/history/${lastDone.id}`}>{formatDate(lastDone.started_at, { weekday: true })}</Link>
        </p>
      )}
    </section>
  );
}

import { useState } from 'react';
import { addDays, weekdayShort, type CalendarDay } from '@/lib/calendar';
import { habitStreak, weekStrip } from './streaks';
import type { HabitLogRow, HabitRow } from './useHabits';

/** One habit: tick today, the week strip (tap a past day to tick or untick it), another day by date, streaks. */
export function HabitCard({
  habit,
  logs,
  today,
  onSetDone,
  onArchive,
  readOnly = false,
}: {
  habit: HabitRow;
  logs: readonly HabitLogRow[];
  today: CalendarDay;
  onSetDone: (day: CalendarDay, done: boolean) => void;
  /** Offered for the client's own habits (a coach's habit is the coach's to end). */
  onArchive?: () => void;
  readOnly?: boolean;
}) {
  const streak = habitStreak(habit, logs, today);
  const strip = weekStrip(logs, today);
  const doneOn = (day: CalendarDay) => logs.some((l) => l.log_date === day && l.done);
  const [otherDay, setOtherDay] = useState(addDays(today, -1));
  const unit = streak.unit === 'day' ? 'day' : 'week';
  const plural = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const titleId = `habit-${habit.id}`;
  return (
    <article className="card habit-card" aria-labelledby={titleId} data-testid="habit-card">
      <div className="habit-head">
        <div>
          <h2 id={titleId}>{habit.name}</h2>
          <p className="muted small">
            {habit.trainer_id ? 'From your coach · ' : ''}
            {habit.cadence === 'daily' ? 'Every day' : `${habit.target_per_period} days a week`}
          </p>
        </div>
        {!readOnly && (
          <button
            type="button"
            className={doneOn(today) ? 'habit-tick done' : 'habit-tick primary'}
            aria-pressed={doneOn(today)}
            aria-label={`${habit.name}: ${doneOn(today) ? 'done today (tap to undo)' : 'mark done today'}`}
            onClick={() => onSetDone(today, !doneOn(today))}
          >
            {doneOn(today) ? '✓ Done' : 'Tick'}
          </button>
        )}
      </div>
      {habit.description && <p className="small">{habit.description}</p>}
      <ol className="week-strip" aria-label={`${habit.name} this week`}>
        {strip.map((d) => (
          <li key={d.day}>
            <button
              type="button"
              className={`strip-day${d.done ? ' done' : ''}${d.isToday ? ' today' : ''}`}
              disabled={readOnly || d.future}
              aria-pressed={d.done}
              aria-label={`${weekdayShort(d.day)} ${d.day}: ${d.done ? 'done' : d.future ? 'still to come' : 'not done'}`}
              onClick={() => onSetDone(d.day, !d.done)}
            >
              <span className="strip-weekday">{weekdayShort(d.day).slice(0, 1)}</span>
              <span aria-hidden="true">{d.done ? '●' : '○'}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="habit-streaks" data-testid="habit-streak">
        Current streak: <strong>{plural(streak.current)}</strong> · Best: <strong>{plural(streak.best)}</strong>
      </p>
      {!readOnly && onArchive && (
        <button type="button" className="link small" onClick={onArchive} aria-label={`Archive ${habit.name}`}>
          Archive this habit
        </button>
      )}
      {!readOnly && (
        <form
          className="habit-other-day"
          onSubmit={(event) => {
            event.preventDefault();
            if (otherDay && otherDay <= today) onSetDone(otherDay, !doneOn(otherDay));
          }}
        >
          <label htmlFor={`${titleId}-day`} className="small">
            Another day
          </label>
          <input id={`${titleId}-day`} type="date" value={otherDay} max={today} onChange={(e) => setOtherDay(e.target.value)} />
          <button type="submit" disabled={!otherDay || otherDay > today}>
            {doneOn(otherDay) ? 'Undo' : 'Tick'}
          </button>
        </form>
      )}
    </article>
  );
}

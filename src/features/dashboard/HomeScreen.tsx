/**
 * The client's dashboard: today's workout, habits still to tick, latest weight and its
 * trend, the next booking and current streaks. Everything but the booking comes from the
 * device's replica, so it works offline.
 */
import { formatWhen } from '@/features/bookings';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { habitStreak, logsByHabit, useHabitLogs, useHabits, useHabitWriter, useToday } from '@/features/habits';
import { bodyWeightFromKg, changeOver, inRange, seriesOf, useBodyUnits, useMeasurements, weeklyRate } from '@/features/progress';
import { useToday as useTodayWorkout, useClientId } from '@/features/workouts';
import { nextBookingOn, type NextBooking } from './next-booking';
import { useReplicaQuery } from '@/lib/useReplicaQuery';

function TodayWorkoutCard() {
  const today = useTodayWorkout();
  let text = 'Loading…';
  if (today) {
    const c = today.choice;
    if (c.kind === 'resume') text = `Workout in progress: ${c.session.name ?? 'carry on where you left off'}`;
    else if (c.kind === 'planned') text = `Planned: ${c.day.name}`;
    else if (c.kind === 'done-today') text = `✓ ${c.day.name} is done for today`;
    else if (c.kind === 'rest-day') text = 'Rest day';
    else text = 'No program yet: log a workout of your own';
  }
  return (
    <section className="card" aria-labelledby="home-workout">
      <h2 id="home-workout">Today’s workout</h2>
      <p className="big">{text}</p>
      <Link to="/today" className="button primary">
        Open today
      </Link>
    </section>
  );
}

function NextBookingCard({ clientId }: { clientId: string }) {
  const { value: booking } = useReplicaQuery<NextBooking | null>((store) => nextBookingOn(store, clientId), [clientId], null);
  return (
    <section className="card" aria-labelledby="home-booking">
      <h2 id="home-booking">Next session</h2>
      {booking ? (
        <p>
          {formatWhen(booking.starts_at)}
          {booking.status === 'requested' ? ' (requested)' : ''}
        </p>
      ) : (
        <p className="muted">Nothing booked.</p>
      )}
    </section>
  );
}

export function HomeScreen() {
  const clientId = useClientId();
  const today = useToday();
  const habits = useHabits(clientId);
  const logs = useHabitLogs(clientId);
  const writer = useHabitWriter();
  const measurements = useMeasurements(clientId);
  const units = useBodyUnits();
  const byHabit = useMemo(() => logsByHabit(logs ?? []), [logs]);
  const weights = useMemo(
    () => seriesOf(measurements ?? [], (m) => (m.weight_kg === null ? null : bodyWeightFromKg(m.weight_kg, units.weight))),
    [measurements, units.weight],
  );
  const latest = weights[weights.length - 1];
  const rate = weeklyRate(inRange(weights, '30d'));
  const month = changeOver(weights, 30);
  const streaks = (habits ?? [])
    .map((h) => ({ habit: h, streak: habitStreak(h, byHabit.get(h.id) ?? [], today) }))
    .filter((s) => s.streak.current > 0);
  const toTick = (habits ?? []).filter((h) => !(byHabit.get(h.id) ?? []).some((l) => l.log_date === today && l.done));
  return (
    <section className="screen" aria-labelledby="home-title">
      <h1 id="home-title">Home</h1>
      <TodayWorkoutCard />
      <section className="card" aria-labelledby="home-habits">
        <h2 id="home-habits">Habits today</h2>
        {!habits ? (
          <p aria-busy="true">Loading…</p>
        ) : habits.length === 0 ? (
          <p className="muted">No habits yet.</p>
        ) : toTick.length === 0 ? (
          <p>✓ All done for today.</p>
        ) : (
          <ul className="plain-list">
            {toTick.map((h) => (
              <li key={h.id} className="habit-quick">
                <span>{h.name}</span>
                <button
                  type="button"
                  className="primary"
                  aria-label={`${h.name}: mark done today`}
                  onClick={() => void writer.setDone(h, today, true)}
                >
                  Tick
                </button>
              </li>
            ))}
          </ul>
        )}
        <Link to="/progress/habits">All habits</Link>
      </section>
      <section className="card" aria-labelledby="home-weight">
        <h2 id="home-weight">Weight</h2>
        {latest ? (
          <p data-testid="home-weight">
            <span className="big">
              {latest.value} {units.weight}
            </span>
            {month.change !== null && (
              <span className="muted">
                {' '}
                · {month.change > 0 ? '+' : ''}
                {month.change} {units.weight} in 30 days
              </span>
            )}
            {rate !== null && (
              <span className="muted">
                {' '}
                · trend {Math.round(rate * 10) / 10} {units.weight}/week
              </span>
            )}
          </p>
        ) : (
          <p className="muted">No weight recorded yet.</p>
        )}
        <Link to="/progress/body">Measurements</Link>
      </section>
      <NextBookingCard clientId={clientId} />
      <section className="card" aria-labelledby="home-streaks">
        <h2 id="home-streaks">Streaks</h2>
        {streaks.length === 0 ? (
          <p className="muted">Tick a habit today to start a streak.</p>
        ) : (
          <ul className="plain-list">
            {streaks.map(({ habit, streak }) => (
              <li key={habit.id}>
                🔥 {habit.name}: {streak.current} {streak.unit}
                {streak.current === 1 ? '' : 's'} (best {streak.best})
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

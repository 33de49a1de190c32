/** A trainer's view of one client's progress, with what the trainer may set for them. */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { HabitCard, logsByHabit, NewHabitForm, useHabitLogs, useHabits, useHabitWriter, useToday } from '@/features/habits';
import { AchievementList } from './AchievementsPanel';
import { CalculatorPanel } from './CalculatorPanel';
import { GoalForm, GoalsList } from './GoalsPanel';
import { MeasurementHistory, MeasurementsChartCard } from './MeasurementsPanel';
import { useAchievements } from './useAchievements';
import { useGoalProgress } from './useGoalProgress';
import { useBodyUnits, useCheckIns, useMeasurements, useMyClients, useProgressWriter, useUserId } from './useProgressData';

export function ClientProgressScreen() {
  const { clientId = '' } = useParams();
  const trainerId = useUserId();
  const { value: clients } = useMyClients();
  const name = clients.find((c) => c.id === clientId)?.fullName ?? 'Client';
  const today = useToday();
  const units = useBodyUnits();
  const measurements = useMeasurements(clientId);
  const habits = useHabits(clientId);
  const logs = useHabitLogs(clientId);
  const byHabit = useMemo(() => logsByHabit(logs ?? []), [logs]);
  const goals = useGoalProgress(clientId, { autoUpdate: false });
  const checkIns = useCheckIns(clientId);
  const { achievements } = useAchievements(clientId, { includeLocal: false });
  const habitWriter = useHabitWriter();
  const writer = useProgressWriter();
  const latestWeight = [...(measurements ?? [])].reverse().find((m) => m.weight_kg !== null)?.weight_kg ?? null;
  if (!measurements || !habits || !logs || !goals || !checkIns) return <p aria-busy="true">Loading {name}…</p>;
  return (
    <section className="screen" aria-labelledby="client-progress-title">
      <Link to="/check-ins" className="back-link">
        ← Check-ins
      </Link>
      <h1 id="client-progress-title">{name}</h1>
      <section className="card" aria-labelledby="client-check-ins">
        <h2 id="client-check-ins">Check-ins</h2>
        {checkIns.length === 0 ? (
          <p className="empty">No check-ins yet.</p>
        ) : (
          <ul className="plain-list">
            {checkIns.slice(0, 8).map((c) => (
              <li key={c.id}>
                <Link to={`/check-ins/review/${c.id}`}>
                  Week of {c.week_start} · {c.status === 'pending' ? 'waiting for you' : 'reviewed'}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MeasurementsChartCard rows={measurements} units={units} />
      <MeasurementHistory rows={measurements} units={units} />
      <h2>Habits</h2>
      {habits.length === 0 && <p className="empty">No habits yet.</p>}
      {habits.map((habit) => (
        <HabitCard key={habit.id} habit={habit} logs={byHabit.get(habit.id) ?? []} today={today} readOnly onSetDone={() => undefined} />
      ))}
      <NewHabitForm submitLabel="Assign habit" onCreate={(habit) => habitWriter.create(clientId, trainerId, habit, today)} />
      <h2>Goals</h2>
      <GoalsList goals={goals} units={units} onStatus={(id, status) => void writer.editGoal(id, { status })} />
      <GoalForm
        units={units}
        onSave={(draft) =>
          writer.addGoal({
            ...draft,
            client_id: clientId,
            trainer_id: trainerId,
            current_value: null,
            status: 'active',
            achieved_at: null,
            notes: null,
          })
        }
      />
      <CalculatorPanel
        units={units}
        latestWeightKg={latestWeight}
        onApply={(targets) => writer.setNutritionTargets(trainerId, clientId, targets, today)}
      />
      <h2>Achievements</h2>
      <AchievementList achievements={achievements} limit={8} />
    </section>
  );
}

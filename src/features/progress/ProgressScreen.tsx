/**
 * The client's progress: habits, measurements, photos, the weekly check-in, goals,
 * achievements and the calculator, one tab each (nested routes under /progress).
 */
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { HabitsScreen, useToday } from '@/features/habits';
import { AchievementsPanel } from './AchievementsPanel';
import { CalculatorPanel } from './CalculatorPanel';
import { CheckInPanel } from './CheckInPanel';
import { GoalForm, GoalsList } from './GoalsPanel';
import { MeasurementForm } from './MeasurementForm';
import { MeasurementHistory, MeasurementsChartCard } from './MeasurementsPanel';
import { PhotosPanel } from './PhotosPanel';
import { useGoalProgress } from './useGoalProgress';
import { useBodyUnits, useMeasurements, useProgressWriter, useUserId } from './useProgressData';

const TABS = [
  { path: 'habits', label: 'Habits' },
  { path: 'body', label: 'Body' },
  { path: 'photos', label: 'Photos' },
  { path: 'check-in', label: 'Check-in' },
  { path: 'goals', label: 'Goals' },
  { path: 'achievements', label: 'Achievements' },
  { path: 'calculator', label: 'Calculator' },
];

function BodyTab({ today }: { today: string }) {
  const clientId = useUserId();
  const rows = useMeasurements(clientId);
  const units = useBodyUnits();
  const writer = useProgressWriter();
  if (!rows) return <p aria-busy="true">Loading measurements…</p>;
  return (
    <div className="screen">
      <MeasurementsChartCard rows={rows} units={units} />
      <MeasurementForm units={units} today={today} onSave={(draft) => writer.addMeasurement({ ...draft, client_id: clientId })} />
      <MeasurementHistory rows={rows} units={units} onDelete={(id) => void writer.removeMeasurement(id)} />
    </div>
  );
}

function GoalsTab() {
  const clientId = useUserId();
  const units = useBodyUnits();
  const goals = useGoalProgress(clientId, { autoUpdate: true });
  const writer = useProgressWriter();
  if (!goals) return <p aria-busy="true">Loading goals…</p>;
  return (
    <div className="screen">
      <GoalsList goals={goals} units={units} onStatus={(id, status) => void writer.editGoal(id, { status })} />
      <GoalForm
        units={units}
        onSave={(draft) =>
          writer.addGoal({
            ...draft,
            client_id: clientId,
            trainer_id: null,
            current_value: null,
            status: 'active',
            achieved_at: null,
            notes: null,
          })
        }
      />
    </div>
  );
}

function CalculatorTab() {
  const clientId = useUserId();
  const rows = useMeasurements(clientId);
  const units = useBodyUnits();
  const latest = [...(rows ?? [])].reverse().find((r) => r.weight_kg !== null)?.weight_kg ?? null;
  if (!rows) return <p aria-busy="true">Loading…</p>;
  return <CalculatorPanel units={units} latestWeightKg={latest} />;
}

export function ProgressScreen() {
  const today = useToday();
  return (
    <section className="screen" aria-labelledby="progress-title">
      <h1 id="progress-title">Progress</h1>
      <nav className="tabs" aria-label="Progress sections">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.path}>
              <NavLink to={`/progress/${tab.path}`}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="habits" replace />} />
        <Route path="habits" element={<HabitsScreen />} />
        <Route path="body" element={<BodyTab today={today} />} />
        <Route path="photos" element={<PhotosPanel today={today} />} />
        <Route path="check-in" element={<CheckInPanel today={today} />} />
        <Route path="goals" element={<GoalsTab />} />
        <Route path="achievements" element={<AchievementsPanel />} />
        <Route path="calculator" element={<CalculatorTab />} />
        <Route path="*" element={<Navigate to="/progress/habits" replace />} />
      </Routes>
    </section>
  );
}

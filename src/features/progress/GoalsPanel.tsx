import { useState } from 'react';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import type { BodyUnits } from './body-units';
import { EMPTY_GOAL_FORM, goalFromForm, metricUnit, type GoalDraft, type GoalFormValues } from './goal-form';
import { METRIC_LABELS, type GoalMetric } from './goal-progress';
import type { GoalWithProgress } from './useGoalProgress';

function GoalCard({
  item,
  units,
  onStatus,
}: {
  item: GoalWithProgress;
  units: BodyUnits;
  onStatus?: (status: 'active' | 'paused' | 'abandoned') => void;
}) {
  const { goal, progress } = item;
  const unit = metricUnit(goal.metric, units, goal.unit);
  const show = (v: number | null) =>
    v === null ? '—' : `${Math.round(unit.fromStored(v) * 10) / 10}${unit.label ? ` ${unit.label}` : ''}`;
  const percent = Math.round(progress.fraction * 100);
  return (
    <li className="card goal-card" data-testid="goal-card">
      <div className="habit-head">
        <h3>{goal.title}</h3>
        <span className={`status-badge status-${goal.status}`}>{goal.status === 'completed' ? 'Reached' : goal.status}</span>
      </div>
      <p className="small muted">
        {METRIC_LABELS[goal.metric]} · now {show(progress.current)}{progress.estimated ? " (estimated; lift it for 1 to 3 reps to reach it)" : ""} · target {show(goal.target_value)}
        {goal.target_date ? ` by ${goal.target_date}` : ''}
      </p>
      <progress max={100} value={percent} aria-label={`${goal.title}: ${percent}% of the way`} />
      {onStatus && goal.status !== 'completed' && (
        <div className="row-actions">
          {goal.status === 'active' ? (
            <button type="button" className="link" onClick={() => onStatus('paused')}>
              Pause
            </button>
          ) : (
            <button type="button" className="link" onClick={() => onStatus('active')}>
              Resume
            </button>
          )}
          <button type="button" className="link" onClick={() => onStatus('abandoned')}>
            Give up
          </button>
        </div>
      )}
    </li>
  );
}

export function GoalsList({
  goals,
  units,
  onStatus,
}: {
  goals: readonly GoalWithProgress[];
  units: BodyUnits;
  onStatus?: (goalId: string, status: 'active' | 'paused' | 'abandoned') => void;
}) {
  const shown = goals.filter((g) => g.goal.status !== 'abandoned');
  if (shown.length === 0) return <p className="empty">No goals yet.</p>;
  return (
    <ul className="plain-list">
      {shown.map((item) => (
        <GoalCard
          key={item.goal.id}
          item={item}
          units={units}
          onStatus={onStatus ? (status) => onStatus(item.goal.id, status) : undefined}
        />
      ))}
    </ul>
  );
}

export function GoalForm({ units, onSave }: { units: BodyUnits; onSave: (draft: GoalDraft) => Promise<unknown> }) {
  const [form, setForm] = useState<GoalFormValues>(EMPTY_GOAL_FORM);
  const [error, setError] = useState<string | null>(null);
  const catalogue = useExerciseCatalogue();
  const set = (change: Partial<GoalFormValues>) => setForm((f) => ({ ...f, ...change }));
  const unit = metricUnit(form.metric, units, form.unit || null).label;
  const needsExercise = form.metric === 'exercise_1rm' || form.metric === 'exercise_reps';
  return (
    <form
      className="card form-grid"
      aria-label="New goal"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = goalFromForm(form, units);
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setError(null);
        void onSave(result.draft).then(() => setForm(EMPTY_GOAL_FORM));
      }}
    >
      <h2>New goal</h2>
      <label htmlFor="goal-title">Title</label>
      <input id="goal-title" value={form.title} maxLength={120} onChange={(e) => set({ title: e.target.value })} />
      <label htmlFor="goal-metric">Measured by</label>
      <select id="goal-metric" value={form.metric} onChange={(e) => set({ metric: e.target.value as GoalMetric })}>
        {(Object.keys(METRIC_LABELS) as GoalMetric[]).map((m) => (
          <option key={m} value={m}>
            {METRIC_LABELS[m]}
          </option>
        ))}
      </select>
      {needsExercise && (
        <>
          <label htmlFor="goal-exercise">Exercise</label>
          <select id="goal-exercise" value={form.exerciseId} onChange={(e) => set({ exerciseId: e.target.value })}>
            <option value="">Choose…</option>
            {catalogue.exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </>
      )}
      {form.metric === 'custom' && (
        <>
          <label htmlFor="goal-unit">Unit</label>
          <input id="goal-unit" value={form.unit} maxLength={16} onChange={(e) => set({ unit: e.target.value })} />
        </>
      )}
      <label htmlFor="goal-start">Start {unit && `(${unit})`} (optional)</label>
      <input id="goal-start" inputMode="decimal" value={form.start} onChange={(e) => set({ start: e.target.value })} />
      <label htmlFor="goal-target">Target {unit && `(${unit})`}</label>
      <input id="goal-target" inputMode="decimal" value={form.target} onChange={(e) => set({ target: e.target.value })} />
      <label htmlFor="goal-date">Target date (optional)</label>
      <input id="goal-date" type="date" value={form.targetDate} onChange={(e) => set({ targetDate: e.target.value })} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Add goal
      </button>
    </form>
  );
}

import { useState } from 'react';
import type { BodyUnits } from './body-units';
import { bodyWeightFromKg } from './body-units';
import { ACTIVITY_LABELS, GOAL_LABELS, type ActivityLevel, type NutritionGoal, type Targets } from './calculator';
import { targetsFromForm, type CalculatorFormValues } from './calculator-form';

/**
 * BMR, TDEE and calorie and macro targets. With `onApply` (the trainer's view of a client) the
 * result can be set as the client's targets.
 */
export function CalculatorPanel({
  units,
  latestWeightKg,
  onApply,
  applyLabel = "Set as the client's targets",
}: {
  units: BodyUnits;
  latestWeightKg: number | null;
  onApply?: (targets: Targets) => Promise<unknown>;
  applyLabel?: string;
}) {
  const [form, setForm] = useState<CalculatorFormValues>({
    sex: 'female',
    age: '',
    weight: latestWeightKg === null ? '' : String(bodyWeightFromKg(latestWeightKg, units.weight)),
    height: '',
    activity: 'moderate',
    goal: 'maintenance',
  });
  const [applied, setApplied] = useState(false);
  const set = (change: Partial<CalculatorFormValues>) => {
    setForm((f) => ({ ...f, ...change }));
    setApplied(false);
  };
  const result = targetsFromForm(form, units);
  const anyTyped = form.age !== '' || form.height !== '';
  return (
    <section className="card" aria-labelledby="calculator-title">
      <h2 id="calculator-title">Calories and macros</h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="calc-sex">Sex</label>
          <select id="calc-sex" value={form.sex} onChange={(e) => set({ sex: e.target.value as 'male' | 'female' })}>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="calc-age">Age (years)</label>
          <input id="calc-age" inputMode="numeric" value={form.age} onChange={(e) => set({ age: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="calc-weight">Weight ({units.weight})</label>
          <input id="calc-weight" inputMode="decimal" value={form.weight} onChange={(e) => set({ weight: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="calc-height">Height ({units.length})</label>
          <input id="calc-height" inputMode="decimal" value={form.height} onChange={(e) => set({ height: e.target.value })} />
        </div>
      </div>
      <label htmlFor="calc-activity">Activity</label>
      <select id="calc-activity" value={form.activity} onChange={(e) => set({ activity: e.target.value as ActivityLevel })}>
        {(Object.keys(ACTIVITY_LABELS) as ActivityLevel[]).map((a) => (
          <option key={a} value={a}>
            {ACTIVITY_LABELS[a]}
          </option>
        ))}
      </select>
      <label htmlFor="calc-goal">Goal</label>
      <select id="calc-goal" value={form.goal} onChange={(e) => set({ goal: e.target.value as NutritionGoal })}>
        {(Object.keys(GOAL_LABELS) as NutritionGoal[]).map((g) => (
          <option key={g} value={g}>
            {GOAL_LABELS[g]}
          </option>
        ))}
      </select>
      {result.ok ? (
        <>
          <dl className="summary-stats" aria-label="Targets" data-testid="calculator-result">
            <div>
              <dt>BMR</dt>
              <dd>{result.targets.bmrKcal} kcal</dd>
            </div>
            <div>
              <dt>TDEE</dt>
              <dd>{result.targets.tdeeKcal} kcal</dd>
            </div>
            <div>
              <dt>Target</dt>
              <dd>{result.targets.kcal} kcal</dd>
            </div>
            <div>
              <dt>Protein</dt>
              <dd>{result.targets.proteinG} g</dd>
            </div>
            <div>
              <dt>Carbs</dt>
              <dd>{result.targets.carbsG} g</dd>
            </div>
            <div>
              <dt>Fat</dt>
              <dd>{result.targets.fatG} g</dd>
            </div>
          </dl>
          {onApply && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                void onApply(result.targets).then(() => setApplied(true));
              }}
            >
              {applyLabel}
            </button>
          )}
          {applied && (
            <p className="notice" role="status">
              Targets saved: they reach the client when this device syncs.
            </p>
          )}
        </>
      ) : (
        anyTyped && <p className="field-error">{result.message}</p>
      )}
    </section>
  );
}

import { useState } from 'react';
import { EMPTY_HABIT_FORM, habitFormModel, type HabitFormValues } from './habit-form';
import type { NewHabit } from './useHabits';

/** Create a habit (a client's own, or one a trainer assigns). */
export function NewHabitForm({
  onCreate,
  submitLabel = 'Add habit',
}: {
  onCreate: (habit: NewHabit) => Promise<unknown>;
  submitLabel?: string;
}) {
  const [values, setValues] = useState<HabitFormValues>(EMPTY_HABIT_FORM);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<HabitFormValues>) => setValues((v) => ({ ...v, ...change }));
  return (
    <form
      className="card form-grid"
      aria-label="New habit"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = habitFormModel.safeParse(values);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? 'Check the form');
          return;
        }
        setError(null);
        void onCreate(parsed.data).then(() => setValues(EMPTY_HABIT_FORM));
      }}
    >
      <h2>New habit</h2>
      <label htmlFor="habit-name">Name</label>
      <input
        id="habit-name"
        value={values.name}
        maxLength={120}
        onChange={(e) => set({ name: e.target.value })}
        aria-invalid={error !== null && !values.name.trim()}
      />
      <label htmlFor="habit-description">Description (optional)</label>
      <input id="habit-description" value={values.description} onChange={(e) => set({ description: e.target.value })} />
      <label htmlFor="habit-cadence">How often</label>
      <select id="habit-cadence" value={values.cadence} onChange={(e) => set({ cadence: e.target.value as 'daily' | 'weekly' })}>
        <option value="daily">Every day</option>
        <option value="weekly">Some days a week</option>
      </select>
      {values.cadence === 'weekly' && (
        <>
          <label htmlFor="habit-target">Days a week</label>
          <input
            id="habit-target"
            type="number"
            inputMode="numeric"
            min={1}
            max={7}
            value={String(values.targetPerWeek)}
            onChange={(e) => set({ targetPerWeek: e.target.value })}
          />
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}

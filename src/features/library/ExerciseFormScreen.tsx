/** Create or edit one of the trainer's own exercises (online; see library-api.ts for why). */
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeviceStore } from '@/lib/device-store';
import { Dialog } from '@/lib/ui/Dialog';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { saveExercise } from './library-api';
import { BODY_PARTS, DIFFICULTIES, EQUIPMENT, MECHANICS, defaultLibraryFilter, emptyExerciseForm, exerciseFormModel, filterLibrary, formErrors, label, type ExerciseForm, type ExerciseFormInput, nameClash } from './library-model';
import { useCategoryPaths } from './useCategories';
import './library.css';

export function ExerciseFormScreen() {
  const { exerciseId } = useParams();
  const userId = useDeviceStore((s) => s.userId) ?? '';
  const catalogue = useExerciseCatalogue();
  const existing = exerciseId ? catalogue.byId.get(exerciseId) : undefined;
  if (exerciseId && !catalogue.loaded) return <p aria-busy="true" className="screen-loading">Loading…</p>;
  if (exerciseId && (!existing || existing.trainer_id !== userId)) {
    return (
      <section className="screen">
        <h1>You can only edit your own exercises</h1>
        <Link to="/library">Back to the library</Link>
      </section>
    );
  }
  const initial: ExerciseFormInput = existing
    ? {
        name: existing.name,
        body_part: existing.body_part as ExerciseForm['body_part'],
        equipment: existing.equipment as ExerciseForm['equipment'],
        difficulty: (existing.difficulty ?? 'beginner') as ExerciseForm['difficulty'],
        mechanics: (existing.mechanics ?? null) as ExerciseForm['mechanics'],
        category_id: existing.category_id ?? null,
        instructions: existing.instructions ?? null,
        video_url: existing.video_url ?? null,
        alternatives: existing.alternatives,
        is_unilateral: existing.is_unilateral ?? false,
      }
    : emptyExerciseForm;
  return <ExerciseFormBody key={exerciseId ?? 'new'} exerciseId={exerciseId ?? null} initial={initial} trainerId={userId} />;
}

function ExerciseFormBody({ exerciseId, initial, trainerId }: { exerciseId: string | null; initial: ExerciseFormInput; trainerId: string }) {
  const navigate = useNavigate();
  const catalogue = useExerciseCatalogue();
  const categories = useCategoryPaths();
  const [form, setForm] = useState<ExerciseFormInput>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof ExerciseForm, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [query, setQuery] = useState('');
  const set = <K extends keyof ExerciseFormInput>(key: K, value: ExerciseFormInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const candidates = useMemo(
    () => filterLibrary(catalogue.exercises, { ...defaultLibraryFilter, query }, trainerId).filter((e) => e.id !== exerciseId && !form.alternatives.includes(e.id)).slice(0, 40),
    [catalogue.exercises, query, trainerId, exerciseId, form.alternatives],
  );
  const text = (key: 'instructions' | 'video_url' | 'name') => (form[key] as string | null) ?? '';
  const fieldProps = (key: keyof ExerciseForm) => ({ 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': errors[key] ? `${key}-error` : undefined });
  const errorOf = (key: keyof ExerciseForm) =>
    errors[key] && (
      <p id={`${key}-error`} className="field-error small">
        {errors[key]}
      </p>
    );
  const choice = (key: 'body_part' | 'equipment' | 'difficulty', text: string, options: readonly string[]) => (
    <div className="field">
      <label htmlFor={`exercise-${key}`}>{text}</label>
      <select id={`exercise-${key}`} value={form[key] as string} onChange={(e) => set(key, e.target.value as never)} {...fieldProps(key)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
      {errorOf(key)}
    </div>
  );

  return (
    <section className="screen" aria-labelledby="exercise-form-title">
      <Link className="back-link" to={exerciseId ? `/library/${exerciseId}` : '/library'}>
        ← Back
      </Link>
      <h1 id="exercise-form-title">{exerciseId ? `Edit ${initial.name}` : 'New exercise'}</h1>
      <form
        className="card exercise-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = exerciseFormModel.safeParse(form);
          if (!parsed.success) {
            setErrors(formErrors(parsed.error));
            return;
          }
          const clash = nameClash(parsed.data.name, catalogue.exercises, trainerId, exerciseId);
          if (clash) {
            setErrors({ name: clash });
            return;
          }
          setErrors({});
          setSaveError(null);
          setBusy(true);
          saveExercise(trainerId, exerciseId, parsed.data)
            .then((id) => navigate(`/library/${id}`))
            .catch((e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        <div className="field">
          <label htmlFor="exercise-name">Name</label>
          <input id="exercise-name" value={text('name')} onChange={(e) => set('name', e.target.value)} autoComplete="off" {...fieldProps('name')} />
          {errorOf('name')}
        </div>
        <div className="form-grid">
          {choice('body_part', 'Body part', BODY_PARTS)}
          {choice('equipment', 'Equipment', EQUIPMENT)}
          {choice('difficulty', 'Difficulty', DIFFICULTIES)}
          <div className="field">
            <label htmlFor="exercise-mechanics">Mechanics</label>
            <select id="exercise-mechanics" value={(form.mechanics as string | null) ?? ''} onChange={(e) => set('mechanics', (e.target.value || null) as never)}>
              <option value="">Not set</option>
              {MECHANICS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="exercise-category">Category</label>
          <select id="exercise-category" value={(form.category_id as string | null) ?? ''} onChange={(e) => set('category_id', e.target.value || null)} {...fieldProps('category_id')}>
            <option value="">{categories.length ? 'No category' : 'No category (the list loads when online)'}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
          {errorOf('category_id')}
        </div>
        <div className="field">
          <label htmlFor="exercise-instructions">Instructions</label>
          <textarea id="exercise-instructions" rows={5} value={text('instructions')} onChange={(e) => set('instructions', e.target.value)} {...fieldProps('instructions')} />
          {errorOf('instructions')}
        </div>
        <div className="field">
          <label htmlFor="exercise-video">Video link</label>
          <input id="exercise-video" type="url" inputMode="url" placeholder="https://…" value={text('video_url')} onChange={(e) => set('video_url', e.target.value)} {...fieldProps('video_url')} />
          {errorOf('video_url')}
        </div>
        <label className="check-field">
          <input type="checkbox" checked={form.is_unilateral} onChange={(e) => set('is_unilateral', e.target.checked)} /> One side at a time (loads and reps per side)
        </label>
        <fieldset>
          <legend>Alternatives</legend>
          {form.alternatives.length === 0 ? (
            <p className="muted small">None yet.</p>
          ) : (
            <ul className="chips">
              {form.alternatives.map((id) => {
                const name = catalogue.byId.get(id)?.name ?? 'Exercise';
                return (
                  <li key={id}>
                    {name}
                    <button type="button" aria-label={`Remove alternative ${name}`} onClick={() => set('alternatives', form.alternatives.filter((x) => x !== id))}>
                      ✕
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" onClick={() => setChoosing(true)}>
            Add an alternative
          </button>
          {errorOf('alternatives')}
        </fieldset>
        {saveError && (
          <p className="form-error" role="alert">
            {saveError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : exerciseId ? 'Save changes' : 'Create exercise'}
          </button>
        </div>
      </form>
      <Dialog open={choosing} title="Add an alternative" onClose={() => setChoosing(false)} className="picker">
        <label htmlFor="alternative-search" className="visually-hidden">
          Search exercises
        </label>
        <input id="alternative-search" type="search" placeholder="Search exercises" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <ul className="picker-list">
          {candidates.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="picker-item"
                onClick={() => {
                  set('alternatives', [...form.alternatives, e.id]);
                  setChoosing(false);
                  setQuery('');
                }}
              >
                <span>{e.name}</span>
                <span className="muted small">
                  {label(e.body_part)} · {label(e.equipment)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    </section>
  );
}

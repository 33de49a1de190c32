/** One exercise: details, video, alternatives; the trainer's own can be edited or archived. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDeviceStore } from '@/lib/device-store';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { setArchived } from './library-api';
import { label } from './library-model';
import { useCategoryPaths } from './useCategories';
import './library.css';

export function ExerciseDetailScreen() {
  const { exerciseId = '' } = useParams();
  const userId = useDeviceStore((s) => s.userId) ?? '';
  const catalogue = useExerciseCatalogue();
  const categories = useCategoryPaths();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exercise = catalogue.byId.get(exerciseId);

  if (!catalogue.loaded) return <p aria-busy="true" className="screen-loading">Loading…</p>;
  if (!exercise) {
    return (
      <section className="screen">
        <h1>Exercise not found</h1>
        <Link to="/library">Back to the library</Link>
      </section>
    );
  }
  const mine = exercise.trainer_id === userId;
  const category = categories.find((c) => c.id === exercise.category_id)?.path;
  const alternatives = exercise.alternatives.map((id) => catalogue.byId.get(id)).filter((e) => e !== undefined);

  return (
    <section className="screen" aria-labelledby="exercise-title">
      <Link className="back-link" to="/library">
        ← Library
      </Link>
      <h1 id="exercise-title">{exercise.name}</h1>
      <p className="muted">
        {mine ? 'Your exercise' : exercise.trainer_id ? 'Another trainer’s exercise' : 'From the catalogue'}
        {exercise.archived ? ' · archived' : ''}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="card">
        <dl className="facts">
          <dt>Body part</dt>
          <dd>{label(exercise.body_part)}</dd>
          <dt>Equipment</dt>
          <dd>{label(exercise.equipment)}</dd>
          <dt>Difficulty</dt>
          <dd>{exercise.difficulty ?? '—'}</dd>
          {exercise.mechanics && (
            <>
              <dt>Mechanics</dt>
              <dd>{exercise.mechanics}</dd>
            </>
          )}
          {category && (
            <>
              <dt>Category</dt>
              <dd>{category}</dd>
            </>
          )}
          {exercise.is_unilateral && (
            <>
              <dt>Sides</dt>
              <dd>One side at a time</dd>
            </>
          )}
        </dl>
      </div>
      {exercise.instructions && (
        <div className="card">
          <h2>Instructions</h2>
          <p className="instructions">{exercise.instructions}</p>
        </div>
      )}
      {exercise.video_url && (
        <a className="button" href={exercise.video_url} target="_blank" rel="noopener noreferrer">
          Watch the video (opens a new tab)
        </a>
      )}
      <div className="card">
        <h2>Alternatives</h2>
        {alternatives.length === 0 ? (
          <p className="muted">None listed.</p>
        ) : (
          <ul className="plain-list">
            {alternatives.map((a) => (
              <li key={a.id}>
                <Link to={`/library/${a.id}`}>{a.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      {mine && (
        <div className="row-actions">
          <Link className="button primary" to={`/library/${exercise.id}/edit`}>
            Edit
          </Link>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              setArchived(userId, exercise.id, !exercise.archived)
                .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
                .finally(() => setBusy(false));
            }}
          >
            {exercise.archived ? 'Restore' : 'Archive'}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Choose exercises for a program day: search and body-part filter over the cached catalogue
 * (offline). Taps pick several (the search can change between picks); "Add" adds them in the
 * order picked, and the dialog closes only then.
 */
import { useMemo, useState } from 'react';
import { searchCatalogue } from '@/lib/exercise-catalogue';
import { Dialog } from '@/lib/ui/Dialog';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { togglePick } from './picks';

const LIMIT = 60;
const BODY_PARTS = ['chest', 'back', 'shoulders', 'arms', 'core', 'legs', 'glutes', 'full_body', 'cardio', 'mobility'];

export function ExerciseChooser({
  open,
  title,
  onAdd,
  onClose,
}: {
  open: boolean;
  title: string;
  /** The picked exercises, in the order picked. */
  onAdd: (exerciseIds: string[]) => void;
  onClose: () => void;
}) {
  const catalogue = useExerciseCatalogue();
  const [query, setQuery] = useState('');
  const [bodyPart, setBodyPart] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const results = useMemo(
    () => searchCatalogue(catalogue.exercises, query).filter((e) => !bodyPart || e.body_part === bodyPart),
    [catalogue.exercises, query, bodyPart],
  );
  const close = () => {
    setPicked([]);
    setQuery('');
    onClose();
  };
  const add = () => {
    const ids = picked;
    setPicked([]);
    setQuery('');
    onAdd(ids);
  };
  return (
    <Dialog open={open} title={title} onClose={close} className="picker">
      <div className="chooser-filters">
        <label htmlFor="program-exercise-search" className="visually-hidden">
          Search exercises
        </label>
        <input
          id="program-exercise-search"
          type="search"
          placeholder="Search exercises"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && picked.length > 0) {
              e.preventDefault();
              add();
            }
          }}
          autoComplete="off"
        />
        <label htmlFor="program-exercise-body-part" className="visually-hidden">
          Body part
        </label>
        <select id="program-exercise-body-part" value={bodyPart} onChange={(e) => setBodyPart(e.target.value)}>
          <option value="">All body parts</option>
          {BODY_PARTS.map((b) => (
            <option key={b} value={b}>
              {b.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      {catalogue.exercises.length === 0 ? (
        <p className="muted">The exercise list has not been downloaded to this device yet. Connect once to get it.</p>
      ) : results.length === 0 ? (
        <p className="muted">No exercise matches.</p>
      ) : (
        <ul className="picker-list">
          {results.slice(0, LIMIT).map((exercise) => {
            const order = picked.indexOf(exercise.id);
            return (
              <li key={exercise.id}>
                <button
                  type="button"
                  className="picker-item"
                  aria-pressed={order >= 0}
                  onClick={() => setPicked((p) => togglePick(p, exercise.id))}
                >
                  <span>
                    {order >= 0 && (
                      <span className="pick-badge" aria-hidden="true">
                        {order + 1}
                      </span>
                    )}
                    {exercise.name}
                  </span>
                  <span className="muted small">
                    {exercise.body_part.replace(/_/g, ' ')} · {exercise.equipment.replace(/_/g, ' ')}
                    {exercise.trainer_id ? ' · yours' : ''}
                  </span>
                </button>
              </li>
            );
          })}
          {results.length > LIMIT && <li className="muted small">{results.length - LIMIT} more: type to narrow down.</li>}
        </ul>
      )}
      <div className="picker-footer">
        <p className="muted small" aria-live="polite">
          {picked.length === 0
            ? 'Tap exercises to pick them; you can search between picks.'
            : `Picked: ${picked.map((id) => exerciseName(catalogue, id)).join(', ')}`}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={picked.length === 0} onClick={add}>
            {picked.length <= 1 ? 'Add exercise' : `Add ${picked.length} exercises`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

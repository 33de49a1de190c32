/** Choose an exercise for a program day: search and body-part filter over the cached catalogue (offline). */
import { useMemo, useState } from 'react';
import { searchCatalogue } from '@/lib/exercise-catalogue';
import { Dialog } from '@/lib/ui/Dialog';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';

const LIMIT = 60;
const BODY_PARTS = ['chest', 'back', 'shoulders', 'arms', 'core', 'legs', 'glutes', 'full_body', 'cardio', 'mobility'];

export function ExerciseChooser({ open, title, onPick, onClose }: { open: boolean; title: string; onPick: (exerciseId: string) => void; onClose: () => void }) {
  const catalogue = useExerciseCatalogue();
  const [query, setQuery] = useState('');
  const [bodyPart, setBodyPart] = useState('');
  const results = useMemo(() => searchCatalogue(catalogue.exercises, query).filter((e) => !bodyPart || e.body_part === bodyPart), [catalogue.exercises, query, bodyPart]);
  return (
    <Dialog open={open} title={title} onClose={onClose} className="picker">
      <div className="chooser-filters">
        <label htmlFor="program-exercise-search" className="visually-hidden">
          Search exercises
        </label>
        <input id="program-exercise-search" type="search" placeholder="Search exercises" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
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
          {results.slice(0, LIMIT).map((exercise) => (
            <li key={exercise.id}>
              <button
                type="button"
                className="picker-item"
                onClick={() => {
                  setQuery('');
                  onPick(exercise.id);
                }}
              >
                <span>{exercise.name}</span>
                <span className="muted small">
                  {exercise.body_part.replace(/_/g, ' ')} · {exercise.equipment.replace(/_/g, ' ')}
                  {exercise.trainer_id ? ' · yours' : ''}
                </span>
              </button>
            </li>
          ))}
          {results.length > LIMIT && <li className="muted small">{results.length - LIMIT} more: type to narrow down.</li>}
        </ul>
      )}
    </Dialog>
  );
}

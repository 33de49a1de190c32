import { useMemo, useState } from 'react';
import { searchCatalogue, type CatalogueExercise } from '@/lib/exercise-catalogue';
import { Dialog } from '@/lib/ui/Dialog';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';

const LIMIT = 60;

/** Search the cached catalogue (works offline); a swap lists the exercise's alternatives first. */
export function ExercisePicker({ open, title, alternativesOf, onPick, onClose }: { open: boolean; title: string; alternativesOf?: string; onPick: (exerciseId: string) => void; onClose: () => void }) {
  const catalogue = useExerciseCatalogue();
  const [query, setQuery] = useState('');
  const alternatives = useMemo(() => {
    const ids = alternativesOf ? (catalogue.byId.get(alternativesOf)?.alternatives ?? []) : [];
    return ids.map((id) => catalogue.byId.get(id)).filter((e): e is CatalogueExercise => !!e);
  }, [alternativesOf, catalogue.byId]);
  const results = useMemo(() => searchCatalogue(catalogue.exercises, query).filter((e) => e.id !== alternativesOf), [catalogue.exercises, query, alternativesOf]);

  const choose = (id: string) => {
    setQuery('');
    onPick(id);
  };
  const item = (exercise: CatalogueExercise) => (
    <li key={exercise.id}>
      <button type="button" className="picker-item" onClick={() => choose(exercise.id)}>
        <span>{exercise.name}</span>
        <span className="muted small">
          {exercise.body_part.replace(/_/g, ' ')} · {exercise.equipment.replace(/_/g, ' ')}
        </span>
      </button>
    </li>
  );
  return (
    <Dialog open={open} title={title} onClose={onClose} className="picker">
      <label htmlFor="exercise-search" className="visually-hidden">
        Search exercises
      </label>
      <input id="exercise-search" type="search" placeholder="Search exercises" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      {alternatives.length > 0 && !query && (
        <>
          <h3>Alternatives</h3>
          <ul className="picker-list">{alternatives.map(item)}</ul>
          <h3>All exercises</h3>
        </>
      )}
      {catalogue.exercises.length === 0 ? (
        <p className="muted">The exercise list has not been downloaded to this device yet. Connect once to get it.</p>
      ) : results.length === 0 ? (
        <p className="muted">No exercise matches “{query}”.</p>
      ) : (
        <ul className="picker-list">
          {results.slice(0, LIMIT).map(item)}
          {results.length > LIMIT && <li className="muted small">{results.length - LIMIT} more: type to narrow down.</li>}
        </ul>
      )}
    </Dialog>
  );
}

/** The exercise library: the catalogue and the trainer's own exercises, searched and filtered offline. */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useDeviceStore } from '@/lib/device-store';
import { useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { BODY_PARTS, DIFFICULTIES, EQUIPMENT, defaultLibraryFilter, filterLibrary, label, type LibraryFilter } from './library-model';
import './library.css';

const LIMIT = 100;

export function LibraryScreen() {
  const userId = useDeviceStore((s) => s.userId) ?? '';
  const catalogue = useExerciseCatalogue();
  const [filter, setFilter] = useState<LibraryFilter>(defaultLibraryFilter);
  const results = useMemo(() => filterLibrary(catalogue.exercises, filter, userId), [catalogue.exercises, filter, userId]);
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));
  const select = (id: string, text: string, key: 'bodyPart' | 'equipment' | 'difficulty', options: readonly string[]) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={filter[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="screen" aria-labelledby="library-title">
      <div className="library-header">
        <h1 id="library-title">Exercise library</h1>
        <Link className="button primary" to="/library/new">
          New exercise
        </Link>
      </div>
      <div className="card library-filters">
        <label htmlFor="library-search" className="visually-hidden">
          Search exercises
        </label>
        <input id="library-search" type="search" placeholder="Search by name, body part, equipment" value={filter.query} onChange={(e) => set('query', e.target.value)} autoComplete="off" />
        <div className="filter-grid">
          {select('filter-body-part', 'Body part', 'bodyPart', BODY_PARTS)}
          {select('filter-equipment', 'Equipment', 'equipment', EQUIPMENT)}
          {select('filter-difficulty', 'Difficulty', 'difficulty', DIFFICULTIES)}
          <div className="field">
            <label htmlFor="filter-source">Source</label>
            <select id="filter-source" value={filter.source} onChange={(e) => set('source', e.target.value as LibraryFilter['source'])}>
              <option value="all">All</option>
              <option value="mine">Mine</option>
              <option value="catalogue">Catalogue</option>
            </select>
          </div>
        </div>
        <label className="check-field">
          <input type="checkbox" checked={filter.showArchived} onChange={(e) => set('showArchived', e.target.checked)} /> Show archived
        </label>
      </div>
      {!catalogue.loaded ? (
        <p aria-busy="true" className="screen-loading">Loading the library…</p>
      ) : catalogue.exercises.length === 0 ? (
        <p className="empty">The exercise library has not been downloaded to this device yet. Connect once to get it.</p>
      ) : results.length === 0 ? (
        <p className="empty">No exercise matches these filters.</p>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {results.length} exercise{results.length === 1 ? '' : 's'}
          </p>
          <ul className="plain-list library-list">
            {results.slice(0, LIMIT).map((e) => (
              <li key={e.id}>
                <Link className="list-link" to={`/library/${e.id}`}>
                  <span className="list-title">
                    {e.name}
                    {e.trainer_id === userId && <span className="tag">yours</span>}
                    {e.archived && <span className="tag muted">archived</span>}
                  </span>
                  <span className="muted small">
                    {label(e.body_part)} · {label(e.equipment)}
                    {e.difficulty ? ` · ${e.difficulty}` : ''}
                  </span>
                </Link>
              </li>
            ))}
            {results.length > LIMIT && <li className="muted small">{results.length - LIMIT} more: narrow the search.</li>}
          </ul>
        </>
      )}
    </section>
  );
}

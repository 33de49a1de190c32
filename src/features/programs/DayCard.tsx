/** One day of a program week: its name and schedule, and its exercises in order. */
import { useId, useMemo, useState } from 'react';
import type { DeviceDatabase } from '@/db';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { CommitField } from './CommitField';
import { ExerciseChooser } from './ExerciseChooser';
import { sortByPosition } from './ordering';
import { parseName, parseNotes, type FieldResult } from './prescription-fields';
import { PrescriptionEditor } from './PrescriptionEditor';
import { addExercises, deleteDay, deleteExercise, duplicateDayOf, editDay, editExercise, moveDayBy, moveExercise, moveExerciseBy } from './program-writes';
import { DropTarget, ReorderControls } from './Reorder';
import type { DayRow, PrescriptionRow } from './useProgramData';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function scheduleLabel(day: Pick<DayRow, 'day_of_week' | 'sequence_index'>): string {
  return day.day_of_week !== null ? (WEEKDAYS[day.day_of_week] ?? '') : `Day ${day.sequence_index ?? 1}`;
}

export function DayCard({
  db,
  day,
  index,
  count,
  prescriptions,
  onMoveDay,
  onError,
}: {
  db: DeviceDatabase;
  day: DayRow;
  index: number;
  count: number;
  prescriptions: readonly PrescriptionRow[];
  onMoveDay: (dayId: string, toIndex: number) => void;
  onError: (message: string) => void;
}) {
  const titleId = useId();
  const catalogue = useExerciseCatalogue();
  const [choosing, setChoosing] = useState(false);
  const ordered = useMemo(() => sortByPosition(prescriptions), [prescriptions]);
  const run = (work: Promise<unknown>) => void work.catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  const onMoveExercise = (id: string, toIndex: number) => run(moveExercise(db, ordered, id, toIndex));
  const schedule = day.day_of_week !== null ? `w${day.day_of_week}` : 'seq';

  return (
    <DropTarget as="section" listId={`week-${day.program_id}-${day.week_index}`} index={index} onMove={onMoveDay} className="card day-card" aria-labelledby={titleId}>
      <header className="day-header">
        <ReorderControls listId={`week-${day.program_id}-${day.week_index}`} itemId={day.id} index={index} count={count} label={day.name} onMove={onMoveDay} onStep={(id, delta) => run(moveDayBy(db, id, delta))} />
        <h3 id={titleId} className="day-title">
          {day.name}
          <span className="muted small"> · {scheduleLabel(day)}{day.is_rest_day ? ' · rest day' : ''}</span>
        </h3>
      </header>
      <div className="day-fields">
        <CommitField label="Day name" ariaLabel={`Name of ${day.name}`} value={day.name} parse={(t) => parseName(t, 'Day name')} onCommit={(name) => editDay(db, day.id, { name })} />
        <div className="field">
          <label htmlFor={`${day.id}-schedule`}>When</label>
          <select
            id={`${day.id}-schedule`}
            aria-label={`When, ${day.name}`}
            value={schedule}
            onChange={(e) => {
              const v = e.target.value;
              run(
                v === 'seq'
                  ? editDay(db, day.id, { day_of_week: null, sequence_index: day.sequence_index ?? index + 1 })
                  : editDay(db, day.id, { day_of_week: Number(v.slice(1)), sequence_index: null }),
              );
            }}
          >
            <option value="seq">In order (Day {day.sequence_index ?? index + 1})</option>
            {WEEKDAYS.map((w, i) => (
              <option key={w} value={`w${i}`}>
                Every {w}
              </option>
            ))}
          </select>
        </div>
        <CommitField label="Phase" ariaLabel={`Phase, ${day.name}`} placeholder="e.g. Hypertrophy" value={day.phase_name ?? ''} parse={(t): FieldResult<string | null> => (t.trim() === '' ? { ok: true, value: null } : parseName(t, 'Phase', 80))} onCommit={(phase_name) => editDay(db, day.id, { phase_name })} />
        <label className="check-field">
          <input type="checkbox" checked={day.is_rest_day} onChange={(e) => run(editDay(db, day.id, { is_rest_day: e.target.checked }))} /> Rest day
        </label>
      </div>
      {!day.is_rest_day && (
        <>
          {ordered.length === 0 ? (
            <p className="empty">No exercises yet.</p>
          ) : (
            <ol className="prescription-list">
              {ordered.map((row, i) => (
                <DropTarget key={row.id} listId={day.id} index={i} onMove={onMoveExercise}>
                  <PrescriptionEditor
                    row={row}
                    name={exerciseName(catalogue, row.exercise_id)}
                    index={i}
                    count={ordered.length}
                    onEdit={(changes) => editExercise(db, row.id, changes)}
                    onMove={onMoveExercise}
                    onStep={(id, delta) => run(moveExerciseBy(db, id, delta))}
                    onRemove={() => run(deleteExercise(db, row.id))}
                  />
                </DropTarget>
              ))}
            </ol>
          )}
          <button type="button" className="add-row" onClick={() => setChoosing(true)}>
            + Add exercise to {day.name}
          </button>
        </>
      )}
      <CommitField label="Day notes" ariaLabel={`Notes, ${day.name}`} multiline value={day.notes ?? ''} parse={(t) => parseNotes(t)} onCommit={(notes) => editDay(db, day.id, { notes })} />
      <div className="row-actions">
        <button type="button" onClick={() => run(duplicateDayOf(db, day.program_id, day.id))}>
          Duplicate day
        </button>
        <button
          type="button"
          className="danger-outline"
          onClick={() => {
            if (window.confirm(`Delete ${day.name} and its exercises?`)) run(deleteDay(db, day.id));
          }}
        >
          Delete day
        </button>
      </div>
      <ExerciseChooser
        open={choosing}
        title={`Add to ${day.name}`}
        onClose={() => setChoosing(false)}
        onAdd={(exerciseIds) => {
          setChoosing(false);
          run(addExercises(db, day.id, exerciseIds));
        }}
      />
    </DropTarget>
  );
}

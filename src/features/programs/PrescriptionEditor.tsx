/** One exercise of a program day: its prescription fields, each written on commit. */
import { useState } from 'react';
import { CommitField } from './CommitField';
import {
  formatDuration,
  formatReps,
  parseDecimal,
  parseDurationMinutes,
  parseLoad,
  parseNotes,
  parseReps,
  parseRest,
  parseSuperset,
  parseTempo,
  parseWhole,
  type LoadUnit,
} from './prescription-fields';
import { ReorderControls } from './Reorder';
import type { PrescriptionRow } from './useProgramData';
import type { RowChanges } from '@/db/writes';

const text = (value: number | string | null) => (value === null ? '' : String(value));

export function PrescriptionEditor({
  row,
  name,
  index,
  count,
  onEdit,
  onMove,
  onStep,
  onRemove,
}: {
  row: PrescriptionRow;
  name: string;
  index: number;
  count: number;
  onEdit: (changes: RowChanges<'program_exercises'>) => Promise<void>;
  onMove: (id: string, toIndex: number) => void;
  onStep: (id: string, delta: number) => void;
  onRemove: () => void;
}) {
  const [unit, setUnit] = useState<LoadUnit>(row.load_percent_1rm !== null ? 'percent' : 'kg');
  const loadValue = unit === 'percent' ? text(row.load_percent_1rm) : text(row.load_kg);
  const labelled = (label: string) => `${label}, ${name}`;
  return (
    <article className="prescription" aria-label={name}>
      <header className="prescription-header">
        <ReorderControls listId={row.program_day_id} itemId={row.id} index={index} count={count} label={name} onMove={onMove} onStep={onStep} />
        <h4 className="prescription-name">
          {row.superset_group && <span className="superset-tag" title="Superset group">{row.superset_group}</span>}
          {name}
        </h4>
        <button type="button" className="icon-button danger-text" aria-label={`Remove ${name}`} onClick={onRemove}>
          ✕
        </button>
      </header>
      <div className="prescription-grid">
        <CommitField label="Sets" ariaLabel={labelled('Sets')} inputMode="numeric" value={text(row.sets)} parse={(t) => parseWhole(t, 'Sets', 1, 100)} onCommit={(sets) => onEdit({ sets })} />
        <CommitField label="Reps" ariaLabel={labelled('Reps')} placeholder="8-12" value={formatReps(row)} parse={parseReps} onCommit={(reps) => onEdit(reps)} />
        <div className="field load-field">
          <CommitField
            key={unit}
            label={unit === 'kg' ? 'Load (kg)' : 'Load (% 1RM)'}
            ariaLabel={labelled(unit === 'kg' ? 'Load in kg' : 'Load in % of 1RM')}
            inputMode="decimal"
            value={loadValue}
            parse={(t) => parseLoad(t, unit)}
            onCommit={(load) => onEdit(load)}
          />
          <label className="visually-hidden" htmlFor={`${row.id}-unit`}>
            Load unit, {name}
          </label>
          <select id={`${row.id}-unit`} className="unit-select" value={unit} onChange={(e) => setUnit(e.target.value as LoadUnit)}>
            <option value="kg">kg</option>
            <option value="percent">% 1RM</option>
          </select>
        </div>
        <CommitField label="Rest" ariaLabel={labelled('Rest in seconds')} placeholder="90 or 1:30" value={text(row.rest_seconds)} parse={parseRest} onCommit={(rest_seconds) => onEdit({ rest_seconds })} />
      </div>
      <details className="prescription-more">
        <summary>Intensity, tempo, supersets, cardio, notes</summary>
        <div className="prescription-grid">
          <CommitField label="RIR" ariaLabel={labelled('RIR')} inputMode="numeric" value={text(row.rir)} parse={(t) => parseWhole(t, 'RIR', 0, 10)} onCommit={(rir) => onEdit({ rir })} />
          <CommitField label="RPE" ariaLabel={labelled('RPE')} inputMode="decimal" value={text(row.rpe)} parse={(t) => parseDecimal(t, 'RPE', 1, 10, { step: 0.5 })} onCommit={(rpe) => onEdit({ rpe })} />
          <CommitField label="Tempo" ariaLabel={labelled('Tempo')} placeholder="3-1-1-0" value={text(row.tempo)} parse={parseTempo} onCommit={(tempo) => onEdit({ tempo })} />
          <CommitField label="TUT (s)" ariaLabel={labelled('Time under tension in seconds')} inputMode="numeric" value={text(row.tut_seconds)} parse={(t) => parseWhole(t, 'Time under tension', 1, 600)} onCommit={(tut_seconds) => onEdit({ tut_seconds })} />
          <CommitField label="Drop sets" ariaLabel={labelled('Drop sets')} inputMode="numeric" value={String(row.drop_sets)} parse={(t) => parseWhole(t === '' ? '0' : t, 'Drop sets', 0, 10)} onCommit={(drop_sets) => onEdit({ drop_sets: drop_sets ?? 0 })} />
          <CommitField label="Superset" ariaLabel={labelled('Superset group')} placeholder="A" value={text(row.superset_group)} parse={parseSuperset} onCommit={(superset_group) => onEdit({ superset_group })} />
          <CommitField label="Duration (min)" ariaLabel={labelled('Duration in minutes')} placeholder="20 or 12:30" value={formatDuration(row.duration_seconds)} parse={parseDurationMinutes} onCommit={(duration_seconds) => onEdit({ duration_seconds })} />
          <CommitField label="Distance (m)" ariaLabel={labelled('Distance in metres')} inputMode="decimal" value={text(row.distance_m)} parse={(t) => parseDecimal(t, 'Distance', 0, 1_000_000, { exclusiveMin: true, step: 0.1 })} onCommit={(distance_m) => onEdit({ distance_m })} />
        </div>
        <CommitField label="Notes" ariaLabel={labelled('Notes')} multiline value={text(row.notes)} parse={(t) => parseNotes(t)} onCommit={(notes) => onEdit({ notes })} />
      </details>
    </article>
  );
}

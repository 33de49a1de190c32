import { memo, useState } from 'react';
import { Link } from 'react-router';
import { MenuDisclosure } from '@/lib/ui/MenuDisclosure';
import { PlateCalculator } from './PlateCalculator';
import { WarmupDialog } from './WarmupDialog';
import { prescriptionLines } from './prescription-text';
import { SetRowView, type EffortField } from './SetRowView';
import type { SetKind } from './set-kinds';
import type { SetValues } from './useWorkoutWriter';
import { displayWeight, type WeightUnit } from './units';
import type { LoggerRow, LoggerSlot } from './workout-model';
import { targetText } from './workout-plan';

export type SlotActions = {
  onTick: (row: LoggerRow, values: SetValues) => void;
  onUntick: (row: LoggerRow) => void;
  /** Resolves once the change is stored. */
  onChange: (row: LoggerRow, values: Partial<SetValues>) => Promise<void> | void;
  onRemove: (row: LoggerRow) => void;
  onKind: (row: LoggerRow, kind: SetKind) => void;
  onNote: (row: LoggerRow, note: string | null) => void;
  onAddSet: (slot: LoggerSlot) => void;
  /** Adds warm-up sets (weights in kg) before the slot's sets. */
  onAddWarmups?: (slot: LoggerSlot, steps: ReadonlyArray<{ weightKg: number; reps: number }>) => void;
  onMove?: (slot: LoggerSlot, delta: -1 | 1) => void;
  onSkip?: (slot: LoggerSlot) => void;
  onRestore?: (slot: LoggerSlot) => void;
  onSwap?: (slot: LoggerSlot) => void;
};

type Props = {
  slot: LoggerSlot;
  name: string;
  nameOf: (exerciseId: string) => string;
  unit: WeightUnit;
  /** Keys of this slot's rows that set a personal record, space-separated. */
  recordKeys: string;
  index: number;
  count: number;
  actions: SlotActions;
};

/** A swapped exercise keeps the planned sets and reps, but not the load planned for the other one. */
function prescriptionShown(slot: LoggerSlot): LoggerSlot['prescription'] {
  const planned = slot.prescription;
  if (!planned || planned.exercise_id === slot.exerciseId) return planned;
  return { ...planned, load_kg: null, load_percent_1rm: null };
}

/** One exercise of the workout: target, last time, its sets, and what can be done with it. */
export const ExerciseCard = memo(function ExerciseCard({ slot, name, nameOf, unit, recordKeys, index, count, actions }: Props) {
  const [effort, setEffort] = useState<EffortField>(
    slot.prescription?.rpe !== null && slot.prescription?.rpe !== undefined ? 'rpe' : 'rir',
  );
  const [plates, setPlates] = useState(false);
  const [warmups, setWarmups] = useState(false);
  const workingKg = slot.rows.find((r) => r.setKind !== 'warmup')?.weightKg ?? null;
  const canWarmUp = !!actions.onAddWarmups && !slot.timed && workingKg !== null && !slot.rows.some((r) => r.setKind === 'warmup' || r.done);
  const target = targetText(prescriptionShown(slot), unit);
  const nextWeight = (slot.rows.find((r) => !r.done) ?? slot.rows.at(-1))?.weightKg ?? null;
  const headingId = `slot-${slot.key}`;
  const done = slot.rows.filter((r) => r.done).length;

  if (slot.skipped) {
    return (
      <section className="exercise-card skipped" aria-labelledby={headingId}>
        <header className="exercise-header">
          <h2 id={headingId}>{name}</h2>
          <span className="muted">Skipped{done ? ` after ${done} ${done === 1 ? 'set' : 'sets'}` : ''}</span>
          {actions.onRestore && (
            <button type="button" onClick={() => actions.onRestore?.(slot)} aria-label={`Restore ${name}`}>
              Restore
            </button>
          )}
        </header>
      </section>
    );
  }

  return (
    <section className="exercise-card" aria-labelledby={headingId}>
      <header className="exercise-header">
        <div className="exercise-title">
          <h2 id={headingId}>
            <Link to={`/history/exercise/${slot.exerciseId}`}>{name}</Link>
          </h2>
          {target && <p className="target">Target {target}</p>}
          {slot.prescription &&
            prescriptionLines(slot.prescription, unit).map((line) => (
              <p key={line} className="prescription-line small">
                {line}
              </p>
            ))}
          {slot.prescription?.notes && <p className="muted small">{slot.prescription.notes}</p>}
        </div>
        <span className="progress-count" aria-label={`${done} of ${slot.rows.length} sets done`}>
          {done}/{slot.rows.length}
        </span>
        {(actions.onMove || actions.onSkip || actions.onSwap) && (
          <MenuDisclosure className="slot-menu" label={`Options for ${name}`} summary="⋯">
            {actions.onMove && (
              <>
                <button type="button" disabled={index === 0} onClick={() => actions.onMove?.(slot, -1)}>
                  Move up
                </button>
                <button type="button" disabled={index === count - 1} onClick={() => actions.onMove?.(slot, 1)}>
                  Move down
                </button>
              </>
            )}
            {actions.onSwap && (
              <button type="button" onClick={() => actions.onSwap?.(slot)}>
                Swap exercise
              </button>
            )}
            {!slot.timed && (
              <button type="button" onClick={() => setPlates(true)}>
                Plate calculator
              </button>
            )}
            {canWarmUp && (
              <button type="button" onClick={() => setWarmups(true)}>
                Warm-up sets
              </button>
            )}
            <button type="button" onClick={() => setEffort(effort === 'rir' ? 'rpe' : 'rir')}>
              Log {effort === 'rir' ? 'RPE' : 'RIR'} instead
            </button>
            {actions.onSkip && (
              <button type="button" onClick={() => actions.onSkip?.(slot)}>
                Skip exercise
              </button>
            )}
          </MenuDisclosure>
        )}
      </header>
      <div className="set-head" aria-hidden="true">
        <span>Set</span>
        <span>Last</span>
        <span>{unit}</span>
        <span>{slot.timed ? 'Secs' : 'Reps'}</span>
        <span>{effort.toUpperCase()}</span>
        <span>✓</span>
      </div>
      <ol className="set-list">
        {slot.rows.map((row, i) => (
          <SetRowView
            shownNumber={slot.rows.slice(0, i + 1).filter((r) => r.setKind !== 'warmup').length}
            key={row.key}
            row={row}
            timed={slot.timed}
            exerciseName={row.exerciseId === slot.exerciseId ? name : nameOf(row.exerciseId)}
            unit={unit}
            effort={effort}
            previous={slot.last[i] ?? slot.last.at(-1)}
            isRecord={recordKeys.split(' ').includes(row.key)}
            onTick={actions.onTick}
            onUntick={actions.onUntick}
            onChange={actions.onChange}
            onRemove={actions.onRemove}
            onKind={actions.onKind}
            onNote={actions.onNote}
          />
        ))}
      </ol>
      <button type="button" className="add-set" onClick={() => actions.onAddSet(slot)}>
        + Add set
      </button>
      <PlateCalculator
        open={plates}
        onClose={() => setPlates(false)}
        exerciseName={name}
        unit={unit}
        initialTarget={nextWeight ? displayWeight(nextWeight, unit) : null}
      />
      {canWarmUp && workingKg !== null && (
        <WarmupDialog
          open={warmups}
          onClose={() => setWarmups(false)}
          exerciseName={name}
          unit={unit}
          workingKg={workingKg}
          onAdd={(steps) => {
            setWarmups(false);
            actions.onAddWarmups?.(slot, steps);
          }}
        />
      )}
    </section>
  );
});

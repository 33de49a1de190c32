import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { keepClearOfSteppers } from './steppers-panel';
import { formatSetInput, parseSetInput, stepValue, type SetValueField } from './set-input';
import { afterRowChange, dropSent, latestValues, settleSent, withSent, type SentValues, type StoredValues } from './sent-values';
import type { SetValues } from './useWorkoutWriter';
import { weightStep, formatWeight, type WeightUnit } from './units';
import { SetNoteDialog } from './SetNoteDialog';
import { nextSetKind, setKindMark, SET_KIND_NAMES, type SetKind } from './set-kinds';
import type { LoggerRow } from './workout-model';
import type { PastSet } from './workout-plan';

export type EffortField = 'rir' | 'rpe';

function previousText(previous: PastSet, unit: WeightUnit, timed: boolean): string {
  return `${formatWeight(previous.weight_kg, unit)}×${timed ? `${previous.duration_seconds ?? '–'}s` : (previous.reps ?? '–')}`;
}

type Props = {
  row: LoggerRow;
  /** Seconds instead of reps (timed work). */
  timed: boolean;
  exerciseName: string;
  unit: WeightUnit;
  effort: EffortField;
  previous: PastSet | undefined;
  isRecord: boolean;
  onTick: (row: LoggerRow, values: SetValues) => void;
  onUntick: (row: LoggerRow) => void;
  /** Resolves once the change is stored (a draft row's change is stored at once). */
  onChange: (row: LoggerRow, values: Partial<SetValues>) => Promise<void> | void;
  onRemove: (row: LoggerRow) => void;
  /** Saves the set's note (null clears it). */
  onNote: (row: LoggerRow, note: string | null) => void;
  /** The number shown for the set: its place among the exercise's sets that are not warm-ups. */
  shownNumber: number;
  /** A tap on the set's number: the next set type (working, warm-up, drop, failure). */
  onKind: (row: LoggerRow, kind: SetKind) => void;
};

type Drafts = Partial<Record<SetValueField, string>>;

const FIELD_LABEL: Record<SetValueField, string> = { weightKg: 'Weight', reps: 'Reps', rir: 'RIR', rpe: 'RPE', durationSeconds: 'Seconds' };

/**
 * One set: previous performance, weight, reps, RIR or RPE, and the tick. Inputs open the
 * phone's numeric keypad; arrow keys and the stepper bar (shown while the row has focus)
 * change values by the plate step; Enter commits, and Enter on reps ticks the set.
 */
export const SetRowView = memo(function SetRowView({
  row,
  timed,
  exerciseName,
  unit,
  effort,
  previous,
  isRecord,
  onTick,
  onUntick,
  onChange,
  onRemove,
  onKind,
  onNote,
  shownNumber,
}: Props) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [noting, setNoting] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<SetValueField, string>>>({});
  // What this row sent that `row` may not show yet (a tick right after a blur must not write
  // the older values over it): see sent-values.ts.
  const [sent, setSent] = useState<SentValues>({});
  const [sentFor, setSentFor] = useState(row);
  // The tap shows at once; the stored row (a new `row` object after the write) is the truth
  // from then on, whether or not the write went through.
  const [asked, setAsked] = useState<{ row: LoggerRow; done: boolean } | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);
  const tickedByEnter = useRef(false);
  const done = asked && asked.row === row ? asked.done : row.done;
  const saving = done !== row.done;
  const label = `set ${row.setIndex} of ${exerciseName}`;
  const stored: StoredValues = { weightKg: row.weightKg, reps: row.reps, rir: row.rir, rpe: row.rpe, durationSeconds: row.durationSeconds };
  if (sentFor !== row) {
    setSentFor(row);
    setSent((s) => afterRowChange(s, stored));
  }
  const latest = latestValues(stored, sent);
  const amount: SetValueField = timed ? 'durationSeconds' : 'reps';

  function send(field: SetValueField, value: number | null) {
    setSent((s) => withSent(s, field, value));
    Promise.resolve(onChange(row, { [field]: value })).then(
      () => setSent((s) => settleSent(s, field, value)),
      () => setSent((s) => dropSent(s, field, value)),
    );
  }

  function currentValues(): SetValues | null {
    const values: SetValues = { ...latest };
    for (const field of Object.keys(drafts) as SetValueField[]) {
      const parsed = parseSetInput(field, drafts[field] ?? '', unit);
      if (!parsed.ok) {
        setErrors((e) => ({ ...e, [field]: parsed.message }));
        return null;
      }
      values[field] = parsed.value;
    }
    return values;
  }

  function commit(field: SetValueField) {
    const text = drafts[field];
    if (text === undefined) return;
    const parsed = parseSetInput(field, text, unit);
    if (!parsed.ok) {
      setErrors((e) => ({ ...e, [field]: parsed.message }));
      return;
    }
    setErrors((e) => ({ ...e, [field]: undefined }));
    setDrafts((d) => {
      const next = { ...d };
      delete next[field];
      return next;
    });
    if (parsed.value !== latest[field]) send(field, parsed.value);
  }

  function step(field: SetValueField, direction: 1 | -1) {
    const base =
      drafts[field] !== undefined ? parseSetInput(field, drafts[field] ?? '', unit) : { ok: true as const, value: latest[field] };
    const value = stepValue(field, base.ok ? base.value : latest[field], direction, unit, weightStep(unit));
    setDrafts((d) => {
      const next = { ...d };
      delete next[field];
      return next;
    });
    setErrors((e) => ({ ...e, [field]: undefined }));
    send(field, value);
  }

  function tick() {
    if (done) {
      setAsked({ row, done: false });
      return onUntick(row);
    }
    const values = currentValues();
    if (!values) return;
    if (values[amount] === null) {
      setErrors((e) => ({ ...e, [amount]: timed ? 'Enter the seconds first' : 'Enter the reps first' }));
      return;
    }
    setDrafts({});
    setErrors({});
    setAsked({ row, done: true });
    onTick(row, values);
  }

  function onKeyDown(field: SetValueField, event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      step(field, event.key === 'ArrowUp' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (field === amount && !done) {
        tick();
        // The set is logged: the keyboard and the steppers panel go, so nothing covers Finish.
        // The tick wrote the typed value already; the blur commits nothing more.
        tickedByEnter.current = true;
        event.currentTarget.blur();
      } else commit(field);
    }
  }

  const input = (field: SetValueField, className: string) => {
    const id = `${row.key}-${field}`;
    return (
      <input
        id={id}
        className={`set-input ${className}`}
        type="text"
        inputMode={field === 'weightKg' || field === 'rpe' ? 'decimal' : 'numeric'}
        enterKeyHint={field === amount ? 'done' : 'next'}
        autoComplete="off"
        aria-label={`${FIELD_LABEL[field]}${field === 'weightKg' ? ` (${unit})` : ''}, ${label}`}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${row.key}-error` : undefined}
        value={drafts[field] ?? formatSetInput(field, latest[field], unit)}
        onChange={(event) => setDrafts((d) => ({ ...d, [field]: event.target.value }))}
        onFocus={() => keepClearOfSteppers(rowRef.current)}
        onBlur={() => {
          if (tickedByEnter.current) tickedByEnter.current = false;
          else commit(field);
        }}
        onKeyDown={(event) => onKeyDown(field, event)}
      />
    );
  };

  const stepper = (field: SetValueField, amount: string) => (
    <span className="stepper">
      <span className="stepper-label" aria-hidden="true">
        {FIELD_LABEL[field]}
      </span>
      <button type="button" aria-label={`Decrease ${FIELD_LABEL[field]} of ${label}`} onClick={() => step(field, -1)}>
        −{amount}
      </button>
      <button type="button" aria-label={`Increase ${FIELD_LABEL[field]} of ${label}`} onClick={() => step(field, 1)}>
        +{amount}
      </button>
    </span>
  );

  const errorText = Object.values(errors).find(Boolean);
  return (
    <li ref={rowRef} className={`set-row${done ? ' done' : ''}`} data-testid="set-row" data-saving={saving || undefined}>
      <div className="set-main">
        <button
          type="button"
          className={`set-number kind-${row.setKind}`}
          aria-label={`${SET_KIND_NAMES[row.setKind]}: ${label}. Mark as ${SET_KIND_NAMES[nextSetKind(row.setKind)].toLowerCase()}`}
          onClick={() => onKind(row, nextSetKind(row.setKind))}
        >
          <span aria-hidden="true">{setKindMark(row.setKind, shownNumber)}</span>
          {isRecord && (
            <span className="pr-badge" title="Personal record">
              PR
            </span>
          )}
        </button>
        <span className="set-previous" aria-label={previous ? `Last time ${previousText(previous, unit, timed)}` : 'No previous set'}>
          {previous ? previousText(previous, unit, timed).replace(` ${unit}`, '') : '—'}
        </span>
        {input('weightKg', 'weight')}
        {input(amount, 'reps')}
        {input(effort, 'effort')}
        <button type="button" className="tick" aria-pressed={done} aria-label={`Done: ${label}`} onClick={tick}>
          <span aria-hidden="true">✓</span>
        </button>
      </div>
      {/* A press here keeps the focus in the field: the panel shows only while a field of the
          row has it, and a blur on press would hide the panel before the click lands. */}
      <div className="set-steppers" role="group" aria-label={`Adjust ${label}`} onMouseDown={(event) => event.preventDefault()}>
        <span className="set-steppers-title" aria-hidden="true">
          {exerciseName}, set {row.setIndex}
        </span>
        {stepper('weightKg', String(weightStep(unit)))}
        {stepper(amount, timed ? '5s' : '1')}
        {stepper(effort, effort === 'rpe' ? '½' : '1')}
        <button type="button" className="note-set" aria-label={`Note on ${label}`} onClick={() => setNoting(true)}>
          Note
        </button>
        <button type="button" className="remove-set" aria-label={`Remove ${label}`} onClick={() => onRemove(row)}>
          Remove
        </button>
      </div>
      {row.notes && (
        <button type="button" className="set-note" aria-label={`Note on ${label}: ${row.notes}. Edit`} onClick={() => setNoting(true)}>
          {row.notes}
        </button>
      )}
      <SetNoteDialog
        open={noting}
        label={label}
        note={row.notes ?? null}
        onClose={() => setNoting(false)}
        onSave={(note) => {
          setNoting(false);
          if (note !== (row.notes ?? null)) onNote(row, note);
        }}
      />
      {errorText && (
        <p id={`${row.key}-error`} className="field-error set-error" role="alert">
          {errorText}
        </p>
      )}
      {isRecord && <span className="visually-hidden">Personal record</span>}
    </li>
  );
});

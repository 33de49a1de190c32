/**
 * A builder field that writes on commit (blur or Enter), not on every keystroke: each commit is
 * one row edit, which the field-level merge can keep beside another device's edit of another
 * field. While the field is not being edited it shows the row's current value, so a change that
 * arrives from the other device appears at once (also in a focused field, until you type in
 * it). Bad input stays in the field with its reason.
 */
import { useId, useState, type InputHTMLAttributes } from 'react';
import type { FieldResult } from './prescription-fields';

type Props<T> = {
  label: string;
  /** The accessible name when the visible label is short (e.g. "Sets, Back squat"). */
  ariaLabel?: string;
  value: string;
  parse: (text: string) => FieldResult<T>;
  onCommit: (value: T) => Promise<void> | void;
  multiline?: boolean;
  className?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
  hideLabel?: boolean;
};

export function CommitField<T>({ label, ariaLabel, value, parse, onCommit, multiline, className, inputMode, placeholder, hideLabel }: Props<T>) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? value;

  const commit = async () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    try {
      await onCommit(parsed.value);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const common = {
    id,
    value: shown,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    placeholder,
    onBlur: () => void commit(),
  } as const;

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          inputMode={inputMode}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="field-error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

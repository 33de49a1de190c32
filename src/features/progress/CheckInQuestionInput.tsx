import type { Answer } from './check-in-answers';
import { scaleBounds } from './check-in-answers';
import type { CheckInQuestion } from './check-in-model';

/** One question of a check-in, as the input its type calls for. */
export function CheckInQuestionInput({
  question,
  value,
  error,
  onChange,
}: {
  question: CheckInQuestion;
  value: Answer | undefined;
  error?: string;
  onChange: (value: Answer) => void;
}) {
  const id = `q-${question.id}`;
  const label = `${question.label}${question.required ? ' *' : ''}`;
  const described = error ? `${id}-error` : undefined;
  let input;
  if (question.type === 'scale') {
    const { min, max } = scaleBounds(question);
    input = (
      <fieldset className="segmented scale" aria-describedby={described}>
        <legend>{label}</legend>
        {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
          <label key={n} className={value === n ? 'selected' : ''}>
            <input type="radio" className="visually-hidden" name={id} checked={value === n} onChange={() => onChange(n)} />
            {n}
          </label>
        ))}
      </fieldset>
    );
  } else if (question.type === 'yes_no') {
    input = (
      <fieldset className="segmented" aria-describedby={described}>
        <legend>{label}</legend>
        {[true, false].map((b) => (
          <label key={String(b)} className={value === b ? 'selected' : ''}>
            <input type="radio" className="visually-hidden" name={id} checked={value === b} onChange={() => onChange(b)} />
            {b ? 'Yes' : 'No'}
          </label>
        ))}
      </fieldset>
    );
  } else if (question.type === 'number') {
    input = (
      <>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          inputMode="decimal"
          value={value === null || value === undefined ? '' : String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => {
            const text = e.target.value.trim().replace(',', '.');
            onChange(text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text);
          }}
        />
      </>
    );
  } else {
    input = (
      <>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={3}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      </>
    );
  }
  return (
    <div className="field">
      {input}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

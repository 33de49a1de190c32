/**
 * A labelled control with its error below the label, not inside it: an error inside the
 * <label> became part of the control's accessible name ("To Overlaps your hours…"). The control
 * gets the error's id for aria-describedby while there is one.
 */
import type { ReactNode } from 'react';

export function FormField({
  label,
  error,
  errorId,
  children,
}: {
  label: string;
  error: string | undefined;
  errorId: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  return (
    <div className="form-field">
      <label>
        {label}
        {children(error ? errorId : undefined)}
      </label>
      {error && (
        <span id={errorId} className="field-error small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

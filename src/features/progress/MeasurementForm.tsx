import { useState } from 'react';
import { MEASUREMENT_FIELDS, unitLabel, type BodyUnits } from './body-units';
import {
  emptyMeasurementForm,
  measurementFromForm,
  SKINFOLD_SITES,
  type MeasurementDraft,
  type MeasurementFormValues,
} from './measurement-form';

/** Record a measurement in the user's units; saved on the device at once. */
export function MeasurementForm({
  units,
  today,
  onSave,
}: {
  units: BodyUnits;
  today: string;
  onSave: (draft: MeasurementDraft) => Promise<unknown>;
}) {
  const [form, setForm] = useState<MeasurementFormValues>(() => emptyMeasurementForm(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [showMore, setShowMore] = useState(false);
  const main = MEASUREMENT_FIELDS.filter((f) => ['weight_kg', 'body_fat_pct', 'waist_cm'].includes(f.field));
  const more = MEASUREMENT_FIELDS.filter((f) => !main.includes(f));
  const input = (field: (typeof MEASUREMENT_FIELDS)[number]) => (
    <div className="field" key={field.field}>
      <label htmlFor={`m-${field.field}`}>
        {field.label} ({unitLabel(field.kind, units)})
      </label>
      <input
        id={`m-${field.field}`}
        inputMode="decimal"
        value={form.values[field.field] ?? ''}
        aria-invalid={errors[field.field] ? true : undefined}
        aria-describedby={errors[field.field] ? `m-${field.field}-error` : undefined}
        onChange={(e) => setForm((f) => ({ ...f, values: { ...f.values, [field.field]: e.target.value } }))}
      />
      {errors[field.field] && (
        <p id={`m-${field.field}-error`} className="field-error">
          {errors[field.field]}
        </p>
      )}
    </div>
  );
  return (
    <form
      className="card"
      aria-label="New measurement"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = measurementFromForm(form, units, new Date(), today);
        if (!result.ok) {
          setErrors(result.errors as Record<string, string>);
          setSaved(false);
          return;
        }
        setErrors({});
        void onSave(result.draft).then(() => {
          setForm(emptyMeasurementForm(today));
          setSaved(true);
        });
      }}
    >
      <h2>New measurement</h2>
      <div className="field">
        <label htmlFor="m-day">Day</label>
        <input
          id="m-day"
          type="date"
          max={today}
          value={form.day}
          onChange={(e) => setForm((f) => ({ ...f, day: e.target.value }))}
          aria-invalid={errors.day ? true : undefined}
        />
        {errors.day && <p className="field-error">{errors.day}</p>}
      </div>
      <div className="field-grid">{main.map(input)}</div>
      <button type="button" className="link" aria-expanded={showMore} onClick={() => setShowMore((s) => !s)}>
        {showMore ? 'Fewer measurements' : 'More measurements and skinfolds'}
      </button>
      {showMore && (
        <>
          <div className="field-grid">{more.map(input)}</div>
          <fieldset>
            <legend>Skinfolds (mm)</legend>
            <div className="field-grid">
              {SKINFOLD_SITES.map((site) => (
                <div className="field" key={site}>
                  <label htmlFor={`sf-${site}`}>{site[0]?.toUpperCase() + site.slice(1)}</label>
                  <input
                    id={`sf-${site}`}
                    inputMode="decimal"
                    value={form.skinfolds[site] ?? ''}
                    onChange={(e) => setForm((f) => ({ ...f, skinfolds: { ...f.skinfolds, [site]: e.target.value } }))}
                  />
                  {errors[site] && <p className="field-error">{errors[site]}</p>}
                </div>
              ))}
            </div>
          </fieldset>
          <label htmlFor="m-notes">Notes</label>
          <textarea id="m-notes" rows={2} value={form.notes} onChange={(e) => setForm((f) => ({ ...f, notes: e.target.value }))} />
        </>
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      {Object.keys(errors).length > 0 && !errors.form && (
        <p className="form-error" role="alert">
          Check the highlighted values.
        </p>
      )}
      <button type="submit" className="primary">
        Save measurement
      </button>
      {saved && (
        <p className="notice" role="status">
          Saved on this device.
        </p>
      )}
    </form>
  );
}

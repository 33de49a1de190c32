/**
 * The measurement form: values typed in the user's units (strings, as inputs give them),
 * turned into a measurement row in kg/cm/% and checked against the measurements model (the
 * server's ranges). Empty fields are left out (null); at least one value is needed.
 */
import { measurementModel } from '@/db/collections/measurements';
import { fromDisplay, MEASUREMENT_FIELDS, type BodyUnits, type MeasurementField } from './body-units';

export const SKINFOLD_SITES = ['chest', 'abdominal', 'thigh', 'triceps', 'subscapular', 'suprailiac', 'midaxillary'] as const;
export type SkinfoldSite = (typeof SKINFOLD_SITES)[number];

export type MeasurementFormValues = {
  /** YYYY-MM-DD, the day measured. */
  day: string;
  values: Partial<Record<MeasurementField, string>>;
  skinfolds: Partial<Record<SkinfoldSite, string>>;
  notes: string;
};

export type MeasurementDraft = {
  measured_at: string;
  weight_kg: number | null;
  body_fat_pct: number | null;
  neck_cm: number | null;
  chest_cm: number | null;
  arm_cm: number | null;
  waist_cm: number | null;
  hips_cm: number | null;
  thigh_cm: number | null;
  calf_cm: number | null;
  skinfolds: Record<string, number> | null;
  notes: string | null;
};

export type FormResult =
  { ok: true; draft: MeasurementDraft } | { ok: false; errors: Partial<Record<MeasurementField | SkinfoldSite | 'day' | 'form', string>> };

function parseNumber(text: string | undefined): number | null | 'invalid' {
  const trimmed = (text ?? '').trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * `now` supplies the time of day when the day is today (so two measurements of one day keep
 * their order); other days are stored at noon UTC, which is the same day in every time zone
 * from UTC−11 to UTC+11.
 */
export function measurementFromForm(form: MeasurementFormValues, units: BodyUnits, now: Date, today: string): FormResult {
  const errors: Extract<FormResult, { ok: false }>['errors'] = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.day)) errors.day = 'Choose the day';
  else if (form.day > today) errors.day = 'The day cannot be in the future';
  const draft: MeasurementDraft = {
    measured_at: form.day === today ? now.toISOString() : `${form.day}T12:00:00.000Z`,
    weight_kg: null,
    body_fat_pct: null,
    neck_cm: null,
    chest_cm: null,
    arm_cm: null,
    waist_cm: null,
    hips_cm: null,
    thigh_cm: null,
    calf_cm: null,
    skinfolds: null,
    notes: form.notes.trim() === '' ? null : form.notes.trim(),
  };
  let any = false;
  for (const { field, kind, label } of MEASUREMENT_FIELDS) {
    const n = parseNumber(form.values[field]);
    if (n === 'invalid') {
      errors[field] = `${label}: enter a number`;
      continue;
    }
    if (n === null) continue;
    const stored = fromDisplay(kind, n, units);
    const check = measurementModel.shape[field].safeParse(stored);
    if (!check.success || stored === null) {
      errors[field] = `${label}: ${rangeText(field, units)}`;
      continue;
    }
    draft[field] = stored;
    any = true;
  }
  const skinfolds: Record<string, number> = {};
  for (const site of SKINFOLD_SITES) {
    const n = parseNumber(form.skinfolds[site]);
    if (n === null) continue;
    if (n === 'invalid' || n <= 0 || n > 100) {
      errors[site] = `${site}: enter millimetres between 1 and 100`;
      continue;
    }
    skinfolds[site] = Math.round(n * 10) / 10;
  }
  if (Object.keys(skinfolds).length > 0) {
    draft.skinfolds = skinfolds;
    any = true;
  }
  if (draft.notes && draft.notes.length > 2000) errors.form = 'Keep notes under 2000 characters';
  if (!any && Object.keys(errors).length === 0) errors.form = 'Enter at least one measurement';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, draft };
}

function rangeText(field: MeasurementField, units: BodyUnits): string {
  if (field === 'weight_kg') return units.weight === 'kg' ? 'between 20 and 700 kg' : 'between 45 and 1540 lb';
  if (field === 'body_fat_pct') return 'between 1 and 75 %';
  return units.length === 'cm' ? 'between 0 and 300 cm' : 'between 0 and 118 in';
}

export function emptyMeasurementForm(today: string): MeasurementFormValues {
  return { day: today, values: {}, skinfolds: {}, notes: '' };
}

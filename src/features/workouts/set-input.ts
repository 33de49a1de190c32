/**
 * What the set inputs accept (typed on a phone's numeric keypad, so "62,5" is 62.5) and the
 * stepper arithmetic. The zod model is the same range the server's CHECKs enforce, so a value
 * that passes here is never refused for its range.
 */
import { z } from 'zod';
import { displayWeight, unitToKg, type WeightUnit } from './units';

export const setValuesModel = z.object({
  weightKg: z.number().min(0, 'Weight cannot be negative').max(2000, 'Weight is at most 2000 kg').nullable(),
  // The server stores up to 1000; more than 300 in one set is a typo (a weight typed into reps).
  reps: z.int('Reps are whole numbers').min(0, 'Reps cannot be negative').max(300, 'Reps are at most 300').nullable(),
  rir: z.int('RIR is a whole number').min(0, 'RIR is 0 to 10').max(10, 'RIR is 0 to 10').nullable(),
  rpe: z.number().min(1, 'RPE is 1 to 10').max(10, 'RPE is 1 to 10').multipleOf(0.5, 'RPE goes in halves').nullable(),
  durationSeconds: z.int('Seconds are whole numbers').min(1, 'At least 1 second').max(86_400, 'At most 24 hours').nullable(),
});
export type SetValueField = keyof z.infer<typeof setValuesModel>;

const NEGATIVE_NAME: Record<SetValueField, string> = { weightKg: 'Weight', reps: 'Reps', rir: 'RIR', rpe: 'RPE', durationSeconds: 'Seconds' };

export type ParsedInput = { ok: true; value: number | null } | { ok: false; message: string };

/** Parses one input: empty is null; the weight is typed in the user's unit and stored in kg. */
export function parseSetInput(field: SetValueField, text: string, unit: WeightUnit): ParsedInput {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  if (/^-\s*\d/.test(trimmed)) return { ok: false, message: `${NEGATIVE_NAME[field]} cannot be negative` };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return { ok: false, message: 'Enter a number' };
  const number = Number(trimmed);
  const value = field === 'weightKg' ? unitToKg(number, unit) : number;
  const checked = setValuesModel.shape[field].safeParse(value);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, message: checked.error.issues[0]?.message ?? 'Not allowed' };
}

/** The text an input shows for a stored value. */
export function formatSetInput(field: SetValueField, value: number | null, unit: WeightUnit): string {
  if (value === null) return '';
  return String(field === 'weightKg' ? displayWeight(value, unit) : value);
}

export const STEP: Record<Exclude<SetValueField, 'weightKg'>, number> = { reps: 1, rir: 1, rpe: 0.5, durationSeconds: 5 };

/**
 * One stepper press: weight by the unit's plate step (kept on the step grid in that unit),
 * the others by their step, clamped to the allowed range. An empty value starts from 0 (RPE
 * from 6, a typical working effort).
 */
export function stepValue(field: SetValueField, value: number | null, direction: 1 | -1, unit: WeightUnit, weightStep: number): number {
  if (field === 'weightKg') {
    const shown = value === null ? 0 : displayWeight(value, unit);
    const next = Math.max(0, Math.min(unit === 'kg' ? 2000 : 4409, Math.round((shown + direction * weightStep) / weightStep) * weightStep));
    return unitToKg(next, unit);
  }
  if (field === 'rpe') {
    const next = value === null ? 6 : value + direction * STEP.rpe;
    return Math.max(1, Math.min(10, next));
  }
  if (field === 'durationSeconds') return Math.max(1, Math.min(86_400, (value ?? 0) + direction * STEP.durationSeconds));
  const max = field === 'reps' ? 1000 : 10;
  const next = value === null ? (direction > 0 ? 1 : 0) : value + direction * STEP[field];
  return Math.max(0, Math.min(max, next));
}

/**
 * What the builder's text fields accept, parsed into row changes with a specific message for
 * bad input (the server's CHECK constraints say the same; this says it before the row leaves
 * the device). Empty means "not prescribed" (null) for optional fields.
 */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (message: string): FieldResult<never> => ({ ok: false, message });

function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** An optional whole number between min and max. */
export function parseWhole(text: string, label: string, min: number, max: number): FieldResult<number | null> {
  const value = parseNumber(text);
  if (value === null) return ok(null);
  if (Number.isNaN(value) || !Number.isInteger(value)) return fail(`${label} must be a whole number`);
  if (value < min || value > max) return fail(`${label} must be between ${min} and ${max}`);
  return ok(value);
}

/** An optional decimal number in (min, max] or [min, max], rounded to `step`. */
export function parseDecimal(text: string, label: string, min: number, max: number, options: { exclusiveMin?: boolean; step?: number } = {}): FieldResult<number | null> {
  const value = parseNumber(text);
  if (value === null) return ok(null);
  if (Number.isNaN(value)) return fail(`${label} must be a number`);
  if ((options.exclusiveMin ? value <= min : value < min) || value > max) {
    return fail(`${label} must be ${options.exclusiveMin ? 'more than' : 'at least'} ${min} and at most ${max}`);
  }
  const step = options.step ?? 0.01;
  return ok(Math.round(value / step) * step);
}

/** Reps: "8" or a range "8-12" (also "8–12", "8 to 12"). */
export function parseReps(text: string): FieldResult<{ reps_min: number | null; reps_max: number | null }> {
  const trimmed = text.trim();
  if (trimmed === '') return ok({ reps_min: null, reps_max: null });
  const match = /^(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?$/.exec(trimmed);
  if (!match) return fail('Reps must be a number like 8 or a range like 8-12');
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (min > 1000 || max > 1000) return fail('Reps must be at most 1000');
  if (max < min) return fail('The top of the rep range must not be below the bottom');
  return ok({ reps_min: min, reps_max: max });
}

export function formatReps(row: { reps_min: number | null; reps_max: number | null }): string {
  if (row.reps_min === null && row.reps_max === null) return '';
  if (row.reps_min === row.reps_max || row.reps_max === null) return String(row.reps_min);
  if (row.reps_min === null) return String(row.reps_max);
  return `${row.reps_min}-${row.reps_max}`;
}

/** Tempo: eccentric-pause-concentric-pause, e.g. 3-1-1-0, 31X0, 2/0/1. */
export function parseTempo(text: string): FieldResult<string | null> {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === '') return ok(null);
  if (!/^[0-9X]([-:/ ]?[0-9X]){2,3}$/.test(trimmed)) return fail('Tempo looks like 3-1-1-0 or 31X0');
  return ok(trimmed);
}

/** Load: kilograms, or a percentage of the client's one-rep max ("75%"). */
export type LoadUnit = 'kg' | 'percent';
export function parseLoad(text: string, unit: LoadUnit): FieldResult<{ load_kg: number | null; load_percent_1rm: number | null }> {
  const cleaned = text.trim().replace(/%$/, '');
  if (unit === 'kg') {
    const kg = parseDecimal(cleaned, 'Load', 0, 2000, { step: 0.25 });
    return kg.ok ? ok({ load_kg: kg.value, load_percent_1rm: null }) : kg;
  }
  const pct = parseDecimal(cleaned, '% of 1RM', 0, 150, { exclusiveMin: true, step: 0.5 });
  return pct.ok ? ok({ load_kg: null, load_percent_1rm: pct.value }) : pct;
}

/** Rest: seconds ("90") or minutes and seconds ("1:30"). */
export function parseRest(text: string): FieldResult<number | null> {
  const trimmed = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(trimmed);
  if (clock) return parseWhole(String(Number(clock[1]) * 60 + Number(clock[2])), 'Rest', 0, 3600);
  return parseWhole(trimmed, 'Rest (seconds)', 0, 3600);
}

/** Duration: minutes ("20") or minutes and seconds ("12:30"). */
export function parseDurationMinutes(text: string): FieldResult<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(trimmed);
  const seconds = clock ? Number(clock[1]) * 60 + Number(clock[2]) : Math.round(Number(trimmed.replace(',', '.')) * 60);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) return fail('Duration must be between 1 second and 24 hours (minutes, or mm:ss)');
  return ok(seconds);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  return seconds % 60 === 0 ? String(seconds / 60) : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A required name (days, programs). */
export function parseName(text: string, label: string, max = 120): FieldResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(`${label} cannot be empty`);
  if (trimmed.length > max) return fail(`${label} must be at most ${max} characters`);
  return ok(trimmed);
}

/** Optional free text (notes); empty is null. */
export function parseNotes(text: string, max = 4000): FieldResult<string | null> {
  const trimmed = text.trim();
  if (trimmed.length > max) return fail(`Notes must be at most ${max} characters`);
  return ok(trimmed === '' ? null : trimmed);
}

/** Superset label: a short tag such as A or B1; exercises of a day with the same tag go together. */
export function parseSuperset(text: string): FieldResult<string | null> {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === '') return ok(null);
  if (trimmed.length > 16) return fail('Superset label must be at most 16 characters');
  return ok(trimmed);
}

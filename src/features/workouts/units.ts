/**
 * Weights are stored in kilograms everywhere (set_logs.weight_kg, numeric(6,2) on the server);
 * the profile's `weight_unit` only decides how they are shown and typed. A value typed in
 * pounds is converted once and rounded to the server's 0.01 kg, so the device stores exactly
 * what the server will store (no false change after the next pull) and shows the same pounds
 * back (0.01 kg is 0.02 lb, well below the 0.1 lb shown).
 */
export type WeightUnit = 'kg' | 'lb';

export const KG_PER_LB = 0.45359237;

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Kilograms as the user's unit, unrounded. */
export function kgToUnit(weightKg: number, unit: WeightUnit): number {
  return unit === 'kg' ? weightKg : weightKg / KG_PER_LB;
}

/** A weight typed in `unit` as kilograms, rounded to 0.01 kg (what the server keeps). */
export function unitToKg(value: number, unit: WeightUnit): number {
  const kg = unit === 'kg' ? value : value * KG_PER_LB;
  return Number(kg.toFixed(2));
}

/** The number shown in an input: kg to 0.01, lb to 0.1, without trailing zeros. */
export function displayWeight(weightKg: number, unit: WeightUnit): number {
  const value = kgToUnit(weightKg, unit);
  return Number((unit === 'kg' ? roundTo(value, 0.01) : roundTo(value, 0.1)).toFixed(2));
}

/** "102.5 kg", "225 lb"; a null weight is bodyweight. */
export function formatWeight(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null || weightKg === 0) return 'BW';
  return `${displayWeight(weightKg, unit)} ${unit}`;
}

/** The stepper's increment: the smallest plate pair in each system. */
export function weightStep(unit: WeightUnit): number {
  return unit === 'kg' ? 2.5 : 5;
}

/** Total volume (kg) shown in the user's unit, rounded to a whole number. */
export function formatVolume(volumeKg: number, unit: WeightUnit): string {
  return `${Math.round(kgToUnit(volumeKg, unit)).toLocaleString('en')} ${unit}`;
}

/**
 * A prescribed load as the user would load the bar: in pounds rounded to the 5 lb step (a
 * 70 kg prescription is "155 lb", not "154.3 lb"); in kilograms as prescribed.
 */
export function formatPrescribedWeight(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null || weightKg === 0) return 'BW';
  if (unit === 'kg') return formatWeight(weightKg, unit);
  return `${roundTo(kgToUnit(weightKg, unit), weightStep(unit))} lb`;
}

/** An estimate (e1RM): one decimal at most, in the user's unit. */
export function formatEstimatedWeight(weightKg: number, unit: WeightUnit): string {
  return `${Number(kgToUnit(weightKg, unit).toFixed(1))} ${unit}`;
}

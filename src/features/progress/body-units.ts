/**
 * Body measurements are stored in kg and cm (measurements.weight_kg, *_cm); the profile's
 * weight_unit and length_unit only decide how they are shown and typed. Values typed in lb or
 * in are converted once and rounded to the server's 0.1 (numeric(5,1)), so the device stores
 * exactly what the server will keep and a pulled row never looks changed.
 */
import { KG_PER_LB, type WeightUnit } from '@/features/workouts';

export type LengthUnit = 'cm' | 'in';
export type { WeightUnit };

export const CM_PER_IN = 2.54;

const round1 = (value: number) => Math.round(value * 10) / 10;

export function bodyWeightToKg(value: number, unit: WeightUnit): number {
  return round1(unit === 'kg' ? value : value * KG_PER_LB);
}

export function bodyWeightFromKg(weightKg: number, unit: WeightUnit): number {
  return round1(unit === 'kg' ? weightKg : weightKg / KG_PER_LB);
}

export function lengthToCm(value: number, unit: LengthUnit): number {
  return round1(unit === 'cm' ? value : value * CM_PER_IN);
}

export function lengthFromCm(lengthCm: number, unit: LengthUnit): number {
  return round1(unit === 'cm' ? lengthCm : lengthCm / CM_PER_IN);
}

/** The measured fields, how each is stored and shown. */
export type MeasurementField =
  'weight_kg' | 'body_fat_pct' | 'arm_cm' | 'chest_cm' | 'waist_cm' | 'hips_cm' | 'thigh_cm' | 'calf_cm' | 'neck_cm';
export type FieldKind = 'weight' | 'length' | 'percent';

export const MEASUREMENT_FIELDS: ReadonlyArray<{ field: MeasurementField; label: string; kind: FieldKind }> = [
  { field: 'weight_kg', label: 'Weight', kind: 'weight' },
  { field: 'body_fat_pct', label: 'Body fat', kind: 'percent' },
  { field: 'arm_cm', label: 'Arm', kind: 'length' },
  { field: 'chest_cm', label: 'Chest', kind: 'length' },
  { field: 'waist_cm', label: 'Waist', kind: 'length' },
  { field: 'hips_cm', label: 'Hips', kind: 'length' },
  { field: 'thigh_cm', label: 'Legs (thigh)', kind: 'length' },
  { field: 'calf_cm', label: 'Calf', kind: 'length' },
  { field: 'neck_cm', label: 'Neck', kind: 'length' },
];

export type BodyUnits = { weight: WeightUnit; length: LengthUnit };

export function unitLabel(kind: FieldKind, units: BodyUnits): string {
  return kind === 'weight' ? units.weight : kind === 'length' ? units.length : '%';
}

/** A stored value (kg, cm, %) in the user's unit. */
export function toDisplay(kind: FieldKind, stored: number, units: BodyUnits): number {
  if (kind === 'weight') return bodyWeightFromKg(stored, units.weight);
  if (kind === 'length') return lengthFromCm(stored, units.length);
  return round1(stored);
}

/** A typed value in the user's unit as stored (kg, cm, %). */
export function fromDisplay(kind: FieldKind, typed: number, units: BodyUnits): number {
  if (kind === 'weight') return bodyWeightToKg(typed, units.weight);
  if (kind === 'length') return lengthToCm(typed, units.length);
  return round1(typed);
}

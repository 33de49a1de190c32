/**
 * The sets a workout offers before they are done: prefilled from the last time the exercise
 * was done (same set number, else that session's last set), otherwise from the program's
 * prescription (load, or %1RM of the best estimate, and the top of the rep range). Exercise
 * slots are keyed by their prescription (or by exercise for ad-hoc ones) so a swapped exercise
 * stays in its slot.
 */
import { formatPrescribedWeight, kgToUnit, unitToKg, weightStep, type WeightUnit } from './units';
import type { PrescriptionExtras } from './prescription-text';

export type Prescription = {
  id: string;
  exercise_id: string;
  position: string;
  sets: number | null;
  reps_min: number | null;
  reps_max: number | null;
  load_kg: number | null;
  load_percent_1rm: number | null;
  rir: number | null;
  rpe: number | null;
  rest_seconds: number | null;
  duration_seconds: number | null;
  notes: string | null;
} & PrescriptionExtras;

export type PastSet = {
  exercise_id: string;
  session_id: string;
  set_index: number;
  weight_kg: number | null;
  reps: number | null;
  rir: number | null;
  rpe: number | null;
  duration_seconds: number | null;
  done: boolean;
  set_kind: 'warmup' | 'working' | 'drop' | 'failure';
  performed_at: string;
};

export type PlannedSet = { setIndex: number; weightKg: number | null; reps: number | null; rir: number | null; rpe: number | null; durationSeconds: number | null };

export const DEFAULT_SET_COUNT = 3;

/** The done sets of the most recent other session that included the exercise, by set number. */
export function lastPerformance<T extends PastSet>(history: readonly T[], exerciseId: string, excludeSessionId?: string): T[] {
  let latest: T | undefined;
  for (const set of history) {
    if (set.exercise_id !== exerciseId || !set.done || set.session_id === excludeSessionId) continue;
    if (!latest || set.performed_at > latest.performed_at) latest = set;
  }
  if (!latest) return [];
  const sessionId = latest.session_id;
  return history.filter((s) => s.session_id === sessionId && s.exercise_id === exerciseId && s.done).sort((a, b) => a.set_index - b.set_index);
}

/** A load as the user can put it on the bar: the nearest 2.5 kg, or 5 lb stored as kilograms. */
export function roundToPlate(weightKg: number, unit: WeightUnit = 'kg'): number {
  const step = weightStep(unit);
  return unitToKg(Math.round(kgToUnit(weightKg, unit) / step) * step, unit);
}

/**
 * The load to prefill: a fixed load as the trainer wrote it (in kilograms for a kg user; for a
 * pound user, the nearest 5 lb, so the field shows 155 lb for 70 kg rather than 154.3), or the
 * percentage of the client's e1RM rounded to the plate step of their unit.
 */
export function prescribedWeightKg(prescription: Prescription | null, e1rmKg: number | null, unit: WeightUnit = 'kg'): number | null {
  if (!prescription) return null;
  if (prescription.load_kg !== null) return unit === 'kg' ? prescription.load_kg : roundToPlate(prescription.load_kg, unit);
  if (prescription.load_percent_1rm !== null && e1rmKg !== null) return roundToPlate((e1rmKg * prescription.load_percent_1rm) / 100, unit);
  return null;
}

export function planSets(prescription: Prescription | null, last: readonly PastSet[], e1rmKg: number | null, unit: WeightUnit = 'kg'): PlannedSet[] {
  const working = last.filter((s) => s.set_kind !== 'warmup');
  const count = prescription?.sets ?? (working.length || DEFAULT_SET_COUNT);
  const targetReps = prescription ? (prescription.reps_max ?? prescription.reps_min) : null;
  const targetWeight = prescribedWeightKg(prescription, e1rmKg, unit);
  return Array.from({ length: count }, (_, i) => {
    const previous = working[i] ?? working[working.length - 1];
    if (previous) return { setIndex: i + 1, weightKg: previous.weight_kg, reps: previous.reps, rir: previous.rir, rpe: previous.rpe, durationSeconds: previous.duration_seconds };
    return { setIndex: i + 1, weightKg: targetWeight, reps: targetReps, rir: prescription?.rir ?? null, rpe: prescription?.rpe ?? null, durationSeconds: prescription?.duration_seconds ?? null };
  });
}

/** Timed work (a plank): logged in seconds instead of reps. */
export function isTimed(prescription: Prescription | null, last: readonly PastSet[]): boolean {
  if (prescription) return prescription.duration_seconds !== null && prescription.reps_min === null && prescription.reps_max === null;
  return last.length > 0 && last.every((s) => s.duration_seconds !== null && s.reps === null);
}

/** "3 × 8–10 · 60 kg · RIR 2" */
export function targetText(prescription: Prescription | null, unit: WeightUnit): string | null {
  if (!prescription) return null;
  const parts: string[] = [];
  const reps =
    prescription.reps_min !== null && prescription.reps_max !== null && prescription.reps_min !== prescription.reps_max
      ? `${prescription.reps_min}–${prescription.reps_max}`
      : String(prescription.reps_max ?? prescription.reps_min ?? '');
  if (prescription.sets !== null || reps) parts.push([prescription.sets, reps].filter((p) => p !== null && p !== '').join(' × '));
  if (prescription.duration_seconds !== null) parts.push(`${prescription.duration_seconds} s`);
  if (prescription.load_kg !== null) parts.push(formatPrescribedWeight(prescription.load_kg, unit));
  if (prescription.load_percent_1rm !== null) parts.push(`${prescription.load_percent_1rm}% 1RM`);
  if (prescription.rir !== null) parts.push(`RIR ${prescription.rir}`);
  if (prescription.rpe !== null) parts.push(`RPE ${prescription.rpe}`);
  return parts.filter(Boolean).join(' · ') || null;
}

export type SlotKey = string;

export function slotKeyOf(set: { program_exercise_id: string | null; exercise_id: string }): SlotKey {
  return set.program_exercise_id ?? `x:${set.exercise_id}`;
}

/** Slots in the user's order (kept per session on the device), then any new ones in their natural order. */
export function orderSlots(natural: readonly SlotKey[], preferred: readonly SlotKey[]): SlotKey[] {
  const present = new Set(natural);
  const ordered = preferred.filter((k) => present.has(k));
  const seen = new Set(ordered);
  return [...ordered, ...natural.filter((k) => !seen.has(k))];
}

/** Moves a slot one place up (-1) or down (+1). */
export function moveSlot(order: readonly SlotKey[], key: SlotKey, delta: -1 | 1): SlotKey[] {
  const from = order.indexOf(key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, key);
  return next;
}

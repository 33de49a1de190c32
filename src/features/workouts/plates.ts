/**
 * The plate calculator: for a target weight, the plates to load on each side of the bar, from
 * the plates the gym has (pairs: one of each per side). Greedy from the heaviest plate is exact
 * for the usual plate sets; when the target cannot be made, it answers the nearest weight below
 * it that can, and how much is missing. Weights are in the unit the plates are in (kg or lb).
 */
import type { WeightUnit } from './units';

export type PlateSet = { unit: WeightUnit; barWeight: number; plates: readonly number[] };

export const STANDARD_PLATES: Record<WeightUnit, readonly number[]> = {
  kg: [25, 20, 15, 10, 5, 2.5, 1.25],
  lb: [45, 35, 25, 10, 5, 2.5],
};

export const STANDARD_BARS: Record<WeightUnit, readonly number[]> = { kg: [20, 15, 10], lb: [45, 35, 15] };

export type PlateLoad = {
  /** Plates on one side, heaviest first. */
  perSide: number[];
  /** The weight this loads (bar and both sides). */
  loaded: number;
  /** Target minus loaded: 0 when the target is made exactly. */
  missing: number;
  /** The target is less than the bar. */
  belowBar: boolean;
};

// Hundredths: 1.25 and 2.5 stay exact in sums.
const cents = (value: number) => Math.round(value * 100);

export function platesFor(target: number, set: PlateSet): PlateLoad {
  const bar = cents(set.barWeight);
  const goal = cents(target);
  if (goal < bar) return { perSide: [], loaded: set.barWeight, missing: 0, belowBar: true };
  let side = Math.floor((goal - bar) / 2);
  const perSide: number[] = [];
  for (const plate of [...set.plates]
    .map(cents)
    .filter((p) => p > 0)
    .sort((a, b) => b - a)) {
    while (side >= plate) {
      perSide.push(plate / 100);
      side -= plate;
    }
  }
  const loaded = (bar + 2 * perSide.reduce((sum, p) => sum + cents(p), 0)) / 100;
  return { perSide, loaded, missing: (goal - cents(loaded)) / 100, belowBar: false };
}

/** "20 + 10 + 2.5" for one side, or "Just the bar". */
export function describeSide(load: PlateLoad): string {
  return load.perSide.length === 0 ? 'Just the bar' : load.perSide.join(' + ');
}

/** Plates as typed in the settings ("25, 20, 10, 5, 2.5"): positive numbers, duplicates dropped. */
export function parsePlateList(text: string): { ok: true; plates: number[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'List at least one plate, like 20, 10, 5, 2.5' };
  const plates: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value) || value <= 0 || value > 100)
      return { ok: false, message: `“${part}” is not a plate weight (a number above 0, at most 100)` };
    if (!plates.includes(value)) plates.push(value);
  }
  return { ok: true, plates: plates.sort((a, b) => b - a) };
}

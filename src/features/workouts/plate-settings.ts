/**
 * The gym's plates and bar, saved on this device per user and unit (a preference of the gym
 * the user trains in, not account data): read and written through localStorage.
 */
import { z } from 'zod';
import { STANDARD_BARS, STANDARD_PLATES, type PlateSet } from './plates';
import type { WeightUnit } from './units';

const savedModel = z.object({ barWeight: z.number().positive().max(100), plates: z.array(z.number().positive().max(100)).min(1).max(20) });

const key = (userId: string, unit: WeightUnit) => `fitcoach.plates.${userId}.${unit}`;

export function loadPlateSet(userId: string | null, unit: WeightUnit): PlateSet {
  const standard = { unit, barWeight: STANDARD_BARS[unit][0] as number, plates: STANDARD_PLATES[unit] };
  if (!userId) return standard;
  try {
    const parsed = savedModel.safeParse(JSON.parse(localStorage.getItem(key(userId, unit)) ?? 'null'));
    return parsed.success ? { unit, ...parsed.data } : standard;
  } catch {
    return standard;
  }
}

export function savePlateSet(userId: string | null, set: PlateSet): void {
  if (!userId) return;
  try {
    localStorage.setItem(key(userId, set.unit), JSON.stringify({ barWeight: set.barWeight, plates: [...set.plates] }));
  } catch {
    // No storage: the choice holds for this visit.
  }
}

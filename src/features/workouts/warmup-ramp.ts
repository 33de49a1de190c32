/**
 * Suggested warm-up sets before a working weight, as Strong and Hevy suggest them: the empty
 * bar for 10, then about 40 %, 60 % and 80 % of the working weight for 5, 3 and 2, each rounded
 * down to a weight the plates can make (2.5 kg or 5 lb steps). Steps that would not be above the
 * step before, or not below the working weight, are left out. Weights are in the user's unit.
 */
import type { WeightUnit } from './units';

export type WarmupStep = { weight: number; reps: number };

const STEPS: ReadonlyArray<{ share: number; reps: number }> = [
  { share: 0.4, reps: 5 },
  { share: 0.6, reps: 3 },
  { share: 0.8, reps: 2 },
];

const PLATE_STEP: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };

export function warmupRamp(working: number, unit: WeightUnit, bar: number): WarmupStep[] {
  if (!(working > bar)) return [];
  const step = PLATE_STEP[unit];
  const ramp: WarmupStep[] = [{ weight: bar, reps: 10 }];
  for (const { share, reps } of STEPS) {
    const weight = Math.floor((working * share) / step) * step;
    const previous = ramp[ramp.length - 1] as WarmupStep;
    if (weight > previous.weight && weight < working) ramp.push({ weight: Number(weight.toFixed(2)), reps });
  }
  return ramp;
}

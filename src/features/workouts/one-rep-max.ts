/**
 * Estimated one-rep max with Epley's formula, weight × (1 + reps / 30), the estimate most
 * logging apps show. A single is its own max. Beyond 15 reps the estimate says more about
 * endurance than strength, so no estimate is made (the set still counts for the other
 * records). Weights in kg.
 */
export const MAX_REPS_FOR_ESTIMATE = 15;

export function estimateOneRepMaxKg(weightKg: number | null, reps: number | null): number | null {
  if (weightKg === null || reps === null || weightKg <= 0 || reps <= 0 || reps > MAX_REPS_FOR_ESTIMATE) return null;
  if (reps === 1) return weightKg;
  return Number((weightKg * (1 + reps / 30)).toFixed(2));
}

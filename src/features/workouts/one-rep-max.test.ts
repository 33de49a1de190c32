import { describe, expect, it } from 'vitest';
import { estimateOneRepMaxKg } from './one-rep-max';

describe('estimated 1RM (Epley)', () => {
  it.each<[number | null, number | null, number | null]>([
    [100, 1, 100],
    [100, 5, 116.67],
    [100, 10, 133.33],
    [60, 12, 84],
    [142.5, 3, 156.75],
    [100, 15, 150],
    [100, 16, null],
    [100, 0, null],
    [0, 5, null],
    [null, 5, null],
    [100, null, null],
  ])('%s kg × %s reps → %s kg', (weight, reps, expected) => {
    expect(estimateOneRepMaxKg(weight, reps)).toBe(expected);
  });
});

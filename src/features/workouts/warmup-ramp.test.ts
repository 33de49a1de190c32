import { describe, expect, it } from 'vitest';
import { warmupRamp } from './warmup-ramp';

describe('warm-up ramp', () => {
  it.each([
    ['100 kg', 100, 'kg', 20, ['20×10', '40×5', '60×3', '80×2']],
    ['142.5 kg', 142.5, 'kg', 20, ['20×10', '55×5', '85×3', '112.5×2']],
    ['225 lb', 225, 'lb', 45, ['45×10', '90×5', '135×3', '180×2']],
    ['light: the steps under the bar go', 40, 'kg', 20, ['20×10', '22.5×3', '30×2']],
    ['just above the bar', 22.5, 'kg', 20, ['20×10']],
    ['the bar itself: no warm-up', 20, 'kg', 20, []],
  ] as const)('%s', (_name, working, unit, bar, expected) => {
    expect(warmupRamp(working, unit, bar).map((s) => `${s.weight}×${s.reps}`)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { bodyWeightFromKg, bodyWeightToKg, fromDisplay, lengthFromCm, lengthToCm, toDisplay } from './body-units';

describe('unit conversion', () => {
  it.each([
    // typed, unit, stored kg, shown back
    [80, 'kg', 80, 80],
    [176.4, 'lb', 80, 176.4],
    [200, 'lb', 90.7, 200],
    [150.5, 'lb', 68.3, 150.6],
    [72.25, 'kg', 72.3, 72.3],
  ] as const)('%d %s is stored as %d kg and shown as %d', (typed, unit, kg, shown) => {
    expect(bodyWeightToKg(typed, unit)).toBe(kg);
    expect(bodyWeightFromKg(kg, unit)).toBe(shown);
  });

  it.each([
    [100, 'cm', 100, 100],
    [32, 'in', 81.3, 32],
    [15.5, 'in', 39.4, 15.5],
    [1, 'in', 2.5, 1],
  ] as const)('%d %s is stored as %d cm and shown as %d', (typed, unit, cm, shown) => {
    expect(lengthToCm(typed, unit)).toBe(cm);
    expect(lengthFromCm(cm, unit)).toBe(shown);
  });

  it.each([
    ['weight', 180, { weight: 'lb', length: 'cm' }, 81.6],
    ['length', 30, { weight: 'kg', length: 'in' }, 76.2],
    ['percent', 18.44, { weight: 'lb', length: 'in' }, 18.4],
  ] as const)('a typed %s of %d in %o is stored as %d', (kind, typed, units, stored) => {
    expect(fromDisplay(kind, typed, units)).toBe(stored);
    expect(Math.abs(toDisplay(kind, stored, units) - typed)).toBeLessThanOrEqual(0.1);
  });
});

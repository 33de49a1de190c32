import { describe, expect, it } from 'vitest';
import { displayWeight, formatEstimatedWeight, formatPrescribedWeight, formatVolume, formatWeight, kgToUnit, unitToKg, weightStep, type WeightUnit } from './units';

describe('unit conversion', () => {
  it.each<[number, WeightUnit, number]>([
    [100, 'kg', 100],
    [102.5, 'kg', 102.5],
    [225, 'lb', 102.06],
    [45, 'lb', 20.41],
    [0, 'lb', 0],
    [1, 'lb', 0.45],
    [2000, 'kg', 2000],
  ])('%d %s is stored as %d kg', (typed, unit, kg) => {
    expect(unitToKg(typed, unit)).toBe(kg);
  });

  it.each<[number, WeightUnit, number]>([
    [100, 'kg', 100],
    [102.06, 'lb', 225],
    [20.41, 'lb', 45],
    [60, 'lb', 132.3],
    [0.45, 'lb', 1],
  ])('%d kg is shown as %d %s', (kg, unit, shown) => {
    expect(displayWeight(kg, unit)).toBe(shown);
  });

  it('round-trips every pound value from 0 to 1000 in 0.5 lb steps', () => {
    for (let lb = 0; lb <= 1000; lb += 0.5) expect(displayWeight(unitToKg(lb, 'lb'), 'lb')).toBe(lb);
  });

  it('round-trips kilograms to the hundredth', () => {
    for (const kg of [0.25, 1.25, 17.5, 33.33, 142.5, 999.99]) expect(displayWeight(unitToKg(kg, 'kg'), 'kg')).toBe(kg);
  });

  it('converts exactly with the international pound', () => {
    expect(kgToUnit(0.45359237, 'lb')).toBeCloseTo(1, 12);
  });

  it.each<[number | null, WeightUnit, string]>([
    [null, 'kg', 'BW'],
    [0, 'lb', 'BW'],
    [100, 'kg', '100 kg'],
    [102.06, 'lb', '225 lb'],
  ])('formats %s in %s as %s', (kg, unit, text) => {
    expect(formatWeight(kg, unit)).toBe(text);
  });

  it('steps by the smallest plate pair', () => {
    expect(weightStep('kg')).toBe(2.5);
    expect(weightStep('lb')).toBe(5);
  });

  it('formats volume in the user unit', () => {
    expect(formatVolume(4536, 'kg')).toBe('4,536 kg');
    expect(formatVolume(4535.92, 'lb')).toBe('10,000 lb');
  });
});

describe('prescribed and estimated weights', () => {
  it.each<[number | null, WeightUnit, string]>([
    [70, 'lb', '155 lb'],
    [132.5, 'lb', '290 lb'],
    [102.5, 'kg', '102.5 kg'],
    [null, 'lb', 'BW'],
  ])('%s kg prescribed → %s in %s', (kg, unit, text) => {
    expect(formatPrescribedWeight(kg, unit)).toBe(text);
  });

  it.each<[number, WeightUnit, string]>([
    [116.666, 'kg', '116.7 kg'],
    [100, 'kg', '100 kg'],
    [100, 'lb', '220.5 lb'],
  ])('e1RM %s kg → %s', (kg, unit, text) => {
    expect(formatEstimatedWeight(kg, unit)).toBe(text);
  });
});

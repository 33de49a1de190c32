import { describe, expect, it } from 'vitest';
import { formatSetInput, parseSetInput, setValuesModel, stepValue, type SetValueField } from './set-input';
import type { WeightUnit } from './units';

describe('parseSetInput', () => {
  it.each<[SetValueField, string, WeightUnit, number | null | string]>([
    ['weightKg', '62.5', 'kg', 62.5],
    ['weightKg', '62,5', 'kg', 62.5],
    ['weightKg', '225', 'lb', 102.06],
    ['weightKg', '', 'kg', null],
    ['weightKg', '2000.5', 'kg', 'Weight is at most 2000 kg'],
    ['weightKg', '-5', 'kg', 'Weight cannot be negative'],
    ['weightKg', '-20', 'lb', 'Weight cannot be negative'],
    ['reps', '-3', 'kg', 'Reps cannot be negative'],
    ['weightKg', 'ten', 'kg', 'Enter a number'],
    ['reps', '8', 'kg', 8],
    ['reps', '8.5', 'kg', 'Reps are whole numbers'],
    ['reps', '300', 'kg', 300],
    ['reps', '1000', 'kg', 'Reps are at most 300'],
    ['rir', '2', 'kg', 2],
    ['rir', '11', 'kg', 'RIR is 0 to 10'],
    ['rpe', '8.5', 'kg', 8.5],
    ['rpe', '8.3', 'kg', 'RPE goes in halves'],
    ['rpe', '0', 'kg', 'RPE is 1 to 10'],
    ['durationSeconds', '45', 'kg', 45],
    ['durationSeconds', '0', 'kg', 'At least 1 second'],
  ])('%s %j (%s) → %j', (field, text, unit, expected) => {
    const parsed = parseSetInput(field, text, unit);
    expect(parsed.ok ? parsed.value : parsed.message).toBe(expected);
  });
});

describe('stepValue', () => {
  it.each<[SetValueField, number | null, 1 | -1, WeightUnit, number, number]>([
    ['weightKg', 60, 1, 'kg', 2.5, 62.5],
    ['weightKg', 61, 1, 'kg', 2.5, 62.5],
    ['weightKg', null, 1, 'kg', 2.5, 2.5],
    ['weightKg', 1, -1, 'kg', 2.5, 0],
    ['weightKg', 102.06, 1, 'lb', 5, 104.33],
    ['reps', 8, 1, 'kg', 2.5, 9],
    ['reps', 0, -1, 'kg', 2.5, 0],
    ['reps', null, 1, 'kg', 2.5, 1],
    ['rir', 10, 1, 'kg', 2.5, 10],
    ['rpe', null, 1, 'kg', 2.5, 6],
    ['rpe', 9.5, 1, 'kg', 2.5, 10],
    ['rpe', 10, 1, 'kg', 2.5, 10],
    ['durationSeconds', 30, 1, 'kg', 2.5, 35],
    ['durationSeconds', null, -1, 'kg', 2.5, 1],
  ])('%s %s stepped %d (%s) → %d', (field, value, direction, unit, step, expected) => {
    expect(stepValue(field, value, direction, unit, step)).toBe(expected);
  });
});

describe('set values', () => {
  it('defaults parse: all empty is allowed', () => {
    expect(setValuesModel.parse({ weightKg: null, reps: null, rir: null, rpe: null, durationSeconds: null })).toEqual({ weightKg: null, reps: null, rir: null, rpe: null, durationSeconds: null });
  });
  it('formats stored values for the inputs', () => {
    expect(formatSetInput('weightKg', 102.06, 'lb')).toBe('225');
    expect(formatSetInput('reps', null, 'kg')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { targetsFromForm, type CalculatorFormValues } from './calculator-form';

const base: CalculatorFormValues = { sex: 'male', age: '30', weight: '80', height: '180', activity: 'moderate', goal: 'maintenance' };

describe('calculator form', () => {
  it('gives the worked example in metric and the same in imperial units', () => {
    expect(targetsFromForm(base, { weight: 'kg', length: 'cm' })).toEqual({
      ok: true,
      targets: expect.objectContaining({ bmrKcal: 1780, tdeeKcal: 2759, kcal: 2760 }),
    });
    // 176.4 lb = 80.0 kg; 70.9 in = 180.1 cm (BMR 1780.6)
    const imperial = targetsFromForm({ ...base, weight: '176.4', height: '70.9' }, { weight: 'lb', length: 'in' });
    expect(imperial).toEqual({ ok: true, targets: expect.objectContaining({ bmrKcal: 1781, kcal: 2760 }) });
  });

  it.each([
    [{ age: '' }, 'Enter your age'],
    [{ weight: 'abc' }, 'Enter your weight'],
    [{ age: '10' }, 'Age must be at least 14'],
    [{ height: '20' }, 'Height must be more than 50 cm'],
  ])('%o: %s', (change, message) => {
    expect(targetsFromForm({ ...base, ...change }, { weight: 'kg', length: 'cm' })).toEqual({ ok: false, message });
  });
});

import { describe, expect, it } from 'vitest';
import { ageOn, bmrMifflinStJeor, calculateTargets, calculatorInputModel, macroTargets, tdee } from './calculator';

describe('BMR (Mifflin–St Jeor)', () => {
  it.each([
    // sex, age, kg, cm, kcal/day (worked by hand from the formula)
    ['male', 30, 80, 180, 1780], // 800 + 1125 − 150 + 5
    ['female', 25, 60, 165, 1345.25], // 600 + 1031.25 − 125 − 161
    ['male', 50, 100, 175, 1848.75], // 1000 + 1093.75 − 250 + 5
    ['female', 40, 70, 170, 1401.5], // 700 + 1062.5 − 200 − 161
  ] as const)('%s, %i y, %i kg, %i cm: %d kcal', (sex, ageYears, weightKg, heightCm, bmr) => {
    expect(bmrMifflinStJeor({ sex, ageYears, weightKg, heightCm })).toBeCloseTo(bmr, 6);
  });
});

describe('TDEE', () => {
  it.each([
    [1780, 'sedentary', 2136],
    [1780, 'light', 2447.5],
    [1780, 'moderate', 2759],
    [1780, 'active', 3070.5],
    [1780, 'very_active', 3382],
  ] as const)('%d kcal × %s = %d', (bmr, activity, expected) => {
    expect(tdee(bmr, activity)).toBeCloseTo(expected, 6);
  });
});

describe('targets by goal', () => {
  // Male, 30 y, 80 kg, 180 cm, moderately active: BMR 1780, TDEE 1780 × 1.55 = 2759.
  it.each([
    // goal, kcal (TDEE × factor, to 10 kcal), protein (g/kg × 80), fat (25 % kcal / 9), carbs (rest / 4)
    ['maintenance', 2760, 144, 77, 373], // fat 690/9 = 76.7; carbs (2760 − 576 − 693)/4 = 372.75
    ['fat_loss', 2210, 176, 61, 239], // 2759 × 0.8 = 2207.2; fat 552.5/9 = 61.4; carbs (2210 − 704 − 549)/4 = 239.25
    ['muscle_gain', 3030, 160, 84, 409], // 2759 × 1.1 = 3034.9; fat 757.5/9 = 84.2; carbs (3030 − 640 − 756)/4 = 408.5
  ] as const)('%s: %i kcal, %i g protein, %i g fat, %i g carbs', (goal, kcal, proteinG, fatG, carbsG) => {
    const targets = calculateTargets({ sex: 'male', ageYears: 30, weightKg: 80, heightCm: 180, activity: 'moderate', goal });
    expect(targets).toEqual({ bmrKcal: 1780, tdeeKcal: 2759, kcal, proteinG, fatG, carbsG });
  });

  it('keeps fat at 0.6 g/kg and carbohydrate at 0 or more on a very low intake', () => {
    // 1200 kcal at 100 kg: protein 220 g (880 kcal), fat max(33.3, 60) = 60 g (540 kcal): nothing left.
    expect(macroTargets(1200, 100, 'fat_loss')).toEqual({ proteinG: 220, fatG: 60, carbsG: 0 });
  });
});

describe('inputs', () => {
  it.each([
    [{ ageYears: 13 }, 'Age must be at least 14'],
    [{ weightKg: 20 }, 'Weight must be more than 20 kg'],
    [{ heightCm: 300 }, 'Height must be at most 272 cm'],
  ])('%o is refused: %s', (change, message) => {
    const result = calculatorInputModel.safeParse({
      sex: 'female',
      ageYears: 30,
      weightKg: 60,
      heightCm: 165,
      activity: 'light',
      goal: 'maintenance',
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each([
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s: %i years', (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });
});

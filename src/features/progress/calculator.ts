/**
 * Energy and macro targets.
 * - BMR: Mifflin–St Jeor (1990): 10 × kg + 6.25 × cm − 5 × age + 5 (male) or − 161 (female).
 * - TDEE: BMR × an activity factor (the usual Harris–Benedict multipliers, 1.2 to 1.9).
 * - Calories by goal: fat loss −20 %, maintenance ±0, muscle gain +10 % of TDEE.
 * - Macros: protein by body weight (2.2 g/kg fat loss, 1.8 maintenance, 2.0 gain), fat 25 %
 *   of calories (at least 0.6 g/kg), carbohydrate the rest (never below 0); 4/4/9 kcal per g.
 * Calories round to the nearest 10 kcal, grams to whole grams. Worked examples are in
 * calculator.test.ts.
 */
import { z } from 'zod';

export const sexModel = z.enum(['male', 'female']);
export const activityLevelModel = z.enum(['sedentary', 'light', 'moderate', 'active', 'very_active']);
export const nutritionGoalModel = z.enum(['fat_loss', 'maintenance', 'muscle_gain']);
export type Sex = z.infer<typeof sexModel>;
export type ActivityLevel = z.infer<typeof activityLevelModel>;
export type NutritionGoal = z.infer<typeof nutritionGoalModel>;

export const ACTIVITY_FACTORS: Record<ActivityLevel, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};

export const ACTIVITY_LABELS: Record<ActivityLevel, string> = {
  sedentary: 'Sedentary (desk job, little exercise)',
  light: 'Light (exercise 1–3 days a week)',
  moderate: 'Moderate (exercise 3–5 days a week)',
  active: 'Active (hard exercise 6–7 days a week)',
  very_active: 'Very active (physical job and training)',
};

export const GOAL_LABELS: Record<NutritionGoal, string> = { fat_loss: 'Fat loss', maintenance: 'Maintenance', muscle_gain: 'Muscle gain' };

const CALORIE_FACTOR: Record<NutritionGoal, number> = { fat_loss: 0.8, maintenance: 1, muscle_gain: 1.1 };
const PROTEIN_G_PER_KG: Record<NutritionGoal, number> = { fat_loss: 2.2, maintenance: 1.8, muscle_gain: 2 };

/** What the calculator form takes; checked before anything is computed. */
export const calculatorInputModel = z.object({
  sex: sexModel,
  ageYears: z.number().int().min(14, 'Age must be at least 14').max(100, 'Age must be at most 100'),
  weightKg: z.number().gt(20, 'Weight must be more than 20 kg').max(700, 'Weight must be at most 700 kg'),
  heightCm: z.number().gt(50, 'Height must be more than 50 cm').max(272, 'Height must be at most 272 cm'),
  activity: activityLevelModel,
  goal: nutritionGoalModel,
});
export type CalculatorInput = z.infer<typeof calculatorInputModel>;

export type Targets = { bmrKcal: number; tdeeKcal: number; kcal: number; proteinG: number; carbsG: number; fatG: number };

export function bmrMifflinStJeor(input: { sex: Sex; ageYears: number; weightKg: number; heightCm: number }): number {
  const base = 10 * input.weightKg + 6.25 * input.heightCm - 5 * input.ageYears;
  return input.sex === 'male' ? base + 5 : base - 161;
}

export function tdee(bmrKcal: number, activity: ActivityLevel): number {
  return bmrKcal * ACTIVITY_FACTORS[activity];
}

const round10 = (value: number) => Math.round(value / 10) * 10;

export function macroTargets(kcal: number, weightKg: number, goal: NutritionGoal): { proteinG: number; carbsG: number; fatG: number } {
  const proteinG = Math.round(PROTEIN_G_PER_KG[goal] * weightKg);
  const fatG = Math.round(Math.max((kcal * 0.25) / 9, 0.6 * weightKg));
  const carbsG = Math.max(0, Math.round((kcal - proteinG * 4 - fatG * 9) / 4));
  return { proteinG, carbsG, fatG };
}

export function calculateTargets(input: CalculatorInput): Targets {
  const bmrKcal = bmrMifflinStJeor(input);
  const tdeeKcal = tdee(bmrKcal, input.activity);
  const kcal = round10(tdeeKcal * CALORIE_FACTOR[input.goal]);
  return { bmrKcal: Math.round(bmrKcal), tdeeKcal: Math.round(tdeeKcal), kcal, ...macroTargets(kcal, input.weightKg, input.goal) };
}

/** Whole years from a date of birth (YYYY-MM-DD) to `on` (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

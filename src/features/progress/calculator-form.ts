/** The calculator form: typed in the user's units, checked, then calculated. */
import { bodyWeightToKg, lengthToCm, type BodyUnits } from './body-units';
import { calculateTargets, calculatorInputModel, type ActivityLevel, type NutritionGoal, type Sex, type Targets } from './calculator';

export type CalculatorFormValues = { sex: Sex; age: string; weight: string; height: string; activity: ActivityLevel; goal: NutritionGoal };

export function targetsFromForm(
  form: CalculatorFormValues,
  units: BodyUnits,
): { ok: true; targets: Targets } | { ok: false; message: string } {
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
  const weight = num(form.weight);
  const height = num(form.height);
  const parsed = calculatorInputModel.safeParse({
    sex: form.sex,
    ageYears: num(form.age),
    weightKg: Number.isFinite(weight) ? bodyWeightToKg(weight, units.weight) : weight,
    heightCm: Number.isFinite(height) ? lengthToCm(height, units.length) : height,
    activity: form.activity,
    goal: form.goal,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const names: Record<string, string> = { ageYears: 'age', weightKg: 'weight', heightCm: 'height' };
    return {
      ok: false,
      message: issue?.code === 'invalid_type' ? `Enter your ${names[field] ?? field}` : (issue?.message ?? 'Check the values'),
    };
  }
  return { ok: true, targets: calculateTargets(parsed.data) };
}

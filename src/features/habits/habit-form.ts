/** The new-habit form: what is typed, checked with the habits model's rules. */
import { z } from 'zod';

export const habitFormModel = z
  .object({
    name: z.string().trim().min(1, 'Give the habit a name').max(120, 'Keep the name under 120 characters'),
    description: z
      .string()
      .trim()
      .max(1000, 'Keep the description under 1000 characters')
      .transform((v) => (v === '' ? null : v)),
    cadence: z.enum(['daily', 'weekly']),
    targetPerWeek: z.coerce.number().int('Use a whole number of days').min(1, 'At least 1 day a week').max(7, 'At most 7 days a week'),
  })
  .transform((form) => ({
    name: form.name,
    description: form.description,
    cadence: form.cadence,
    target_per_period: form.cadence === 'weekly' ? form.targetPerWeek : 1,
    target_value: null,
    unit: null,
  }));

export type HabitFormValues = z.input<typeof habitFormModel>;

export const EMPTY_HABIT_FORM: HabitFormValues = { name: '', description: '', cadence: 'daily', targetPerWeek: 3 };

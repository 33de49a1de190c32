import { describe, expect, it } from 'vitest';
import { EMPTY_HABIT_FORM, habitFormModel } from './habit-form';

describe('new habit form', () => {
  it.each([
    [
      { name: '  Drink water ' },
      { name: 'Drink water', description: null, cadence: 'daily', target_per_period: 1, target_value: null, unit: null },
    ],
    [
      { name: 'Yoga', cadence: 'weekly', targetPerWeek: '3' },
      { name: 'Yoga', description: null, cadence: 'weekly', target_per_period: 3, target_value: null, unit: null },
    ],
  ])('%o becomes %o', (input, habit) => {
    expect(habitFormModel.parse({ ...EMPTY_HABIT_FORM, ...input })).toEqual(habit);
  });

  it.each([
    [{ name: '   ' }, 'Give the habit a name'],
    [{ name: 'Yoga', cadence: 'weekly', targetPerWeek: 8 }, 'At most 7 days a week'],
    [{ name: 'Yoga', cadence: 'weekly', targetPerWeek: 1.5 }, 'Use a whole number of days'],
  ])('%o is refused: %s', (input, message) => {
    const result = habitFormModel.safeParse({ ...EMPTY_HABIT_FORM, ...input });
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_GOAL_FORM, goalFromForm } from './goal-form';

const lb = { weight: 'lb', length: 'in' } as const;
const kg = { weight: 'kg', length: 'cm' } as const;

describe('goal form', () => {
  it.each([
    [
      { title: 'Lose weight', target: '170', start: '185' },
      lb,
      { metric: 'body_weight', unit: 'kg', start_value: 83.9, target_value: 77.1, exercise_id: null },
    ],
    [{ title: 'Waist', metric: 'circumference', target: '32' }, lb, { unit: 'cm', start_value: null, target_value: 81.3 }],
    [
      { title: 'Squat', metric: 'exercise_1rm', exerciseId: 'ex-1', target: '140' },
      kg,
      { exercise_id: 'ex-1', unit: 'kg', target_value: 140 },
    ],
    [
      { title: 'Steps', metric: 'custom', unit: 'steps', target: '10000', targetDate: '2027-01-31' },
      kg,
      { unit: 'steps', target_value: 10000, target_date: '2027-01-31' },
    ],
  ] as const)('%o in %o', (change, units, expected) => {
    const result = goalFromForm({ ...EMPTY_GOAL_FORM, ...change }, units);
    expect(result).toEqual({ ok: true, draft: expect.objectContaining(expected) });
  });

  it.each([
    [{ title: '', target: '80' }, 'Give the goal a title'],
    [{ title: 'x', target: '' }, 'Enter the target'],
    [{ title: 'x', target: 'lots' }, 'Enter a number'],
    [{ title: 'x', target: '5', metric: 'exercise_reps' }, 'Choose the exercise'],
  ] as const)('%o is refused: %s', (change, message) => {
    expect(goalFromForm({ ...EMPTY_GOAL_FORM, ...change }, kg)).toEqual({ ok: false, message });
  });
});

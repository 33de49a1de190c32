import { describe, expect, it } from 'vitest';
import { goalProgress, type GoalData, type GoalLike } from './goal-progress';

const data: GoalData = {
  measurements: [
    { measured_at: '2026-01-01T07:00:00.000Z', weight_kg: 90, body_fat_pct: 25, waist_cm: 100 },
    { measured_at: '2026-02-01T07:00:00.000Z', weight_kg: 85, body_fat_pct: null, waist_cm: 96 },
  ],
  sets: [
    { exercise_id: 'squat', weight_kg: 100, reps: 5, done: true, set_kind: 'working' },
    { exercise_id: 'squat', weight_kg: 140, reps: 1, done: true, set_kind: 'warmup' },
    { exercise_id: 'squat', weight_kg: 90, reps: 12, done: true, set_kind: 'working' },
  ],
  sessions: [
    { status: 'completed', started_at: '2026-11-30T18:00:00.000Z' },
    { status: 'completed', started_at: '2026-12-02T18:00:00.000Z' },
    { status: 'in_progress', started_at: '2026-12-03T18:00:00.000Z' },
    { status: 'completed', started_at: '2026-11-27T18:00:00.000Z' },
  ],
  now: new Date('2026-12-03T20:00:00.000Z'),
  timeZone: 'UTC',
};
const goal = (metric: GoalLike['metric'], target: number, extra: Partial<GoalLike> = {}): GoalLike => ({
  metric,
  exercise_id: null,
  start_value: null,
  current_value: null,
  target_value: target,
  ...extra,
});

describe('goal progress', () => {
  it.each<[string, GoalLike, { current: number | null; start: number | null; fraction: number; reached: boolean }]>([
    [
      'weight loss half way (start from the first measurement)',
      goal('body_weight', 80),
      { current: 85, start: 90, fraction: 0.5, reached: false },
    ],
    ['weight loss reached', goal('body_weight', 85), { current: 85, start: 90, fraction: 1, reached: true }],
    [
      'weight gain from a set start',
      goal('body_weight', 95, { start_value: 80 }),
      { current: 85, start: 80, fraction: 1 / 3, reached: false },
    ],
    [
      'body fat uses the latest value that has one',
      goal('body_fat', 20, { start_value: 30 }),
      { current: 25, start: 30, fraction: 0.5, reached: false },
    ],
    ['waist', goal('circumference', 92), { current: 96, start: 100, fraction: 0.5, reached: false }],
    // Epley: 100 × (1 + 5/30) = 116.7; 90 × (1 + 12/30) = 126; the warm-up single does not count
    [
      '1RM from the best working set',
      goal('exercise_1rm', 140, { exercise_id: 'squat', start_value: 112 }),
      { current: 126, start: 112, fraction: 0.5, reached: false },
    ],
    // 126 estimated from 12 reps does not reach 120: nothing was lifted for 1 to 3 reps.
    ['1RM estimated past the target', goal('exercise_1rm', 120, { exercise_id: 'squat', start_value: 112 }), { current: 126, start: 112, fraction: 0.99, reached: false }],
    ['reps', goal('exercise_reps', 12, { exercise_id: 'squat', start_value: 8 }), { current: 12, start: 8, fraction: 1, reached: true }],
    ['workouts this week (Monday 30 Nov to now)', goal('workouts_per_week', 4), { current: 2, start: 0, fraction: 0.5, reached: false }],
    [
      'custom uses the stored value',
      goal('custom', 10, { start_value: 0, current_value: 7 }),
      { current: 7, start: 0, fraction: 0.7, reached: false },
    ],
    ['no data yet', goal('exercise_1rm', 140, { exercise_id: 'bench' }), { current: null, start: null, fraction: 0, reached: false }],
  ])('%s', (_name, g, expected) => {
    const progress = goalProgress(g, data);
    expect({ ...progress, fraction: Number(progress.fraction.toFixed(4)) }).toEqual({
      estimated: g.metric === 'exercise_1rm' && expected.current !== null,
      ...expected,
      fraction: Number(expected.fraction.toFixed(4)),
    });
  });
});

describe('a 1RM goal', () => {
  const sets = (weightKg: number, reps: number) => ({ ...data, sets: [{ exercise_id: 'bench', done: true, set_kind: 'working', weight_kg: weightKg, reps }] as GoalData['sets'] });
  it('is reached by a real single, double or triple at the target', () => {
    expect(goalProgress(goal('exercise_1rm', 100, { exercise_id: 'bench' }), sets(100, 2))).toMatchObject({ reached: true });
    expect(goalProgress(goal('exercise_1rm', 100, { exercise_id: 'bench' }), sets(80, 10))).toMatchObject({ reached: false, estimated: true, current: 106.7 });
  });
});

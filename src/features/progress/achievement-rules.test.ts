import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedAchievements, kgText, newlyEarned, type AchievementInput } from './achievement-rules';

const none: AchievementInput = { sessions: [], sets: [], habits: [], habitLogs: [], goals: [] };
const session = (id: string, status = 'completed', day = '2026-01-01') => ({ id, status, started_at: `${day}T10:00:00.000Z` });
const set = (
  id: string,
  sessionId: string,
  exercise: string,
  weight: number | null,
  reps: number | null,
  at: string,
  extra: Partial<{ done: boolean; set_kind: string }> = {},
) => ({
  id,
  session_id: sessionId,
  exercise_id: exercise,
  weight_kg: weight,
  reps,
  set_kind: extra.set_kind ?? 'working',
  done: extra.done ?? true,
  performed_at: `${at}T10:00:00.000Z`,
});
const days = (habit: string, ...logDates: string[]) => logDates.map((log_date) => ({ habit_id: habit, log_date, done: true }));
const keys = (input: Partial<AchievementInput>) =>
  earnedAchievements({ ...none, ...input })
    .map((a) => a.key)
    .sort();

describe('achievement rules', () => {
  it.each<{ name: string; input: Partial<AchievementInput>; expected: string[] }>([
    { name: 'nothing yet', input: {}, expected: [] },
    { name: 'a workout in progress is not a first workout', input: { sessions: [session('s1', 'in_progress')] }, expected: [] },
    { name: 'a skipped workout is not either', input: { sessions: [session('s1', 'skipped')] }, expected: [] },
    { name: 'first workout (completed)', input: { sessions: [session('s1')] }, expected: ['milestone:first_workout'] },
    { name: 'first workout (partial)', input: { sessions: [session('s1', 'partial')] }, expected: ['milestone:first_workout'] },
    {
      name: '10 workouts',
      input: { sessions: Array.from({ length: 10 }, (_, i) => session(`s${i}`)) },
      expected: ['milestone:first_workout', 'milestone:workouts:10'],
    },
    {
      name: 'a 2-day streak earns nothing',
      input: { habits: [{ id: 'h', name: 'Water', cadence: 'daily' }], habitLogs: days('h', '2026-02-27', '2026-02-28') },
      expected: [],
    },
    {
      name: '3 days across a month end',
      input: { habits: [{ id: 'h', name: 'Water', cadence: 'daily' }], habitLogs: days('h', '2026-02-27', '2026-02-28', '2026-03-01') },
      expected: ['streak:habit:h:3'],
    },
    {
      name: '7 days across the year end, with a duplicate tick',
      input: {
        habits: [{ id: 'h', name: 'Water', cadence: 'daily' }],
        habitLogs: days(
          'h',
          '2026-12-27',
          '2026-12-28',
          '2026-12-29',
          '2026-12-30',
          '2026-12-30',
          '2026-12-31',
          '2027-01-01',
          '2027-01-02',
        ),
      },
      expected: ['streak:habit:h:3', 'streak:habit:h:7'],
    },
    {
      name: 'a broken run does not add up',
      input: {
        habits: [{ id: 'h', name: 'Water', cadence: 'daily' }],
        habitLogs: days('h', '2026-01-01', '2026-01-02', '2026-01-04', '2026-01-05'),
      },
      expected: [],
    },
    {
      name: 'undone ticks do not count',
      input: {
        habits: [{ id: 'h', name: 'Water', cadence: 'daily' }],
        habitLogs: [...days('h', '2026-01-01', '2026-01-02'), { habit_id: 'h', log_date: '2026-01-03', done: false }],
      },
      expected: [],
    },
    {
      name: 'weekly habits earn no day streaks',
      input: { habits: [{ id: 'h', name: 'Yoga', cadence: 'weekly' }], habitLogs: days('h', '2026-01-01', '2026-01-02', '2026-01-03') },
      expected: [],
    },
    {
      name: 'the first workout of an exercise is the baseline, not a PR',
      input: { sets: [set('a', 's1', 'squat', 100, 5, '2026-01-01'), set('b', 's1', 'squat', 110, 3, '2026-01-01')] },
      expected: [],
    },
    {
      name: 'a heavier set in a later workout is a PR',
      input: { sets: [set('a', 's1', 'squat', 100, 5, '2026-01-01'), set('b', 's2', 'squat', 102.5, 5, '2026-01-08')] },
      expected: ['pr:squat:102.5kg'],
    },
    {
      name: 'matching the best is not a PR; warm-ups, undone sets and zero reps do not count',
      input: {
        sets: [
          set('a', 's1', 'squat', 100, 5, '2026-01-01'),
          set('b', 's2', 'squat', 100, 8, '2026-01-08'),
          set('c', 's2', 'squat', 120, 5, '2026-01-08', { set_kind: 'warmup' }),
          set('d', 's2', 'squat', 130, 5, '2026-01-08', { done: false }),
          set('e', 's2', 'squat', 140, 0, '2026-01-08'),
        ],
      },
      expected: [],
    },
    {
      name: 'PRs are per exercise',
      input: { sets: [set('a', 's1', 'squat', 100, 5, '2026-01-01'), set('b', 's2', 'bench', 105, 5, '2026-01-08')] },
      expected: [],
    },
    {
      name: 'goal reached',
      input: {
        goals: [
          { id: 'g1', title: 'Lose 5 kg', status: 'completed' },
          { id: 'g2', title: 'Squat 140', status: 'active' },
        ],
      },
      expected: ['goal:g1'],
    },
  ])('$name', ({ input, expected }) => {
    expect(keys(input)).toEqual(expected);
  });

  it('names the PR with the exercise and a weight without trailing zeros', () => {
    const earned = earnedAchievements({
      ...none,
      sets: [set('a', 's1', 'squat', 100, 5, '2026-01-01'), set('b', 's2', 'squat', 120, 5, '2026-01-08')],
      exerciseName: (id) => (id === 'squat' ? 'Back squat' : undefined),
    });
    expect(earned).toEqual([
      { key: 'pr:squat:120kg', kind: 'pr', title: 'PR: Back squat 120 kg', details: { exercise_id: 'squat', weight_kg: 120 } },
    ]);
    expect(kgText(102.5)).toBe('102.5');
    expect(kgText(100.004)).toBe('100');
  });

  it('is the same whatever order two devices deliver the data in, and lists each key once', () => {
    const input: AchievementInput = {
      ...none,
      sessions: [session('s1'), session('s1')],
      sets: [
        set('a', 's1', 'squat', 100, 5, '2026-01-01'),
        set('b', 's2', 'squat', 105, 5, '2026-01-08'),
        set('b', 's2', 'squat', 105, 5, '2026-01-08'),
      ],
    };
    const forward = earnedAchievements(input).map((a) => a.key);
    const backward = earnedAchievements({ ...input, sessions: [...input.sessions].reverse(), sets: [...input.sets].reverse() }).map(
      (a) => a.key,
    );
    expect(forward.sort()).toEqual(backward.sort());
    expect(new Set(forward).size).toBe(forward.length);
  });

  it('announces only what was not seen before', () => {
    const earned = earnedAchievements({ ...none, sessions: Array.from({ length: 10 }, (_, i) => session(`s${i}`)) });
    expect(newlyEarned(earned, new Set(['milestone:first_workout'])).map((a) => a.key)).toEqual(['milestone:workouts:10']);
  });
});

describe('PR rule', () => {
  /** The rule as written: beats every counted set of other, earlier workouts. */
  function reference(sets: AchievementInput['sets']): string[] {
    const counted = sets.filter((s) => s.done && s.set_kind !== 'warmup' && (s.reps ?? 0) > 0 && (s.weight_kg ?? 0) > 0);
    const keys = new Set<string>();
    for (const set of counted) {
      const earlier = counted.filter(
        (s) => s.exercise_id === set.exercise_id && s.session_id !== set.session_id && s.performed_at < set.performed_at,
      );
      if (earlier.length === 0) continue;
      const weight = Number((set.weight_kg ?? 0).toFixed(2));
      if (weight > Math.max(...earlier.map((s) => Number((s.weight_kg ?? 0).toFixed(2)))))
        keys.add(`pr:${set.exercise_id}:${kgText(weight)}kg`);
    }
    return [...keys].sort();
  }

  it('matches the rule as written on any history', () => {
    const setArb = fc.record({
      session: fc.constantFrom('s1', 's2', 's3', 's4'),
      exercise: fc.constantFrom('squat', 'bench'),
      weight: fc.integer({ min: 0, max: 8 }).map((n) => 95 + n * 2.5),
      reps: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: 1, max: 6 }),
      warmup: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(setArb, { maxLength: 25 }), (raw) => {
        const sets = raw.map((r, i) =>
          set(`x${i}`, r.session, r.exercise, r.weight, r.reps, `2026-01-0${r.day}`, { set_kind: r.warmup ? 'warmup' : 'working' }),
        );
        expect(keys({ sets })).toEqual(reference(sets));
      }),
      { numRuns: 300 },
    );
  });
});

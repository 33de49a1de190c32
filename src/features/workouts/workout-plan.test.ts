import { describe, expect, it } from 'vitest';
import { isTimed, lastPerformance, moveSlot, orderSlots, planSets, prescribedWeightKg, targetText, type PastSet, type Prescription } from './workout-plan';
import { displayWeight, unitToKg } from './units';

const prescription: Prescription = { id: 'pe1', exercise_id: 'squat', position: 'a', sets: 3, reps_min: 8, reps_max: 10, load_kg: 60, load_percent_1rm: null, rir: 2, rpe: null, rest_seconds: 120, duration_seconds: null, notes: null };

function past(session: string, index: number, weight: number, reps: number, at: string, changes: Partial<PastSet> = {}): PastSet {
  return { exercise_id: 'squat', session_id: session, set_index: index, weight_kg: weight, reps, rir: 1, rpe: null, duration_seconds: null, done: true, set_kind: 'working', performed_at: at, ...changes };
}

const history = [
  past('old', 1, 50, 10, '2026-11-01T10:00:00.000Z'),
  past('last', 2, 62.5, 8, '2026-11-20T10:05:00.000Z'),
  past('last', 1, 62.5, 9, '2026-11-20T10:00:00.000Z'),
  past('last', 3, 60, 6, '2026-11-20T10:10:00.000Z', { done: false }),
  past('today', 1, 65, 8, '2026-11-25T10:00:00.000Z'),
];

describe('lastPerformance', () => {
  it('is the done sets of the latest other session, in set order', () => {
    expect(lastPerformance(history, 'squat', 'today').map((s) => [s.session_id, s.set_index])).toEqual([['last', 1], ['last', 2]]);
  });
  it('is empty for an exercise never done', () => {
    expect(lastPerformance(history, 'bench')).toEqual([]);
  });
});

describe('planSets', () => {
  it('prefills from last time, repeating its last set for extra sets', () => {
    expect(planSets(prescription, lastPerformance(history, 'squat', 'today'), null)).toEqual([
      { setIndex: 1, weightKg: 62.5, reps: 9, rir: 1, rpe: null, durationSeconds: null },
      { setIndex: 2, weightKg: 62.5, reps: 8, rir: 1, rpe: null, durationSeconds: null },
      { setIndex: 3, weightKg: 62.5, reps: 8, rir: 1, rpe: null, durationSeconds: null },
    ]);
  });
  it('uses the prescription the first time', () => {
    expect(planSets(prescription, [], null)[0]).toEqual({ setIndex: 1, weightKg: 60, reps: 10, rir: 2, rpe: null, durationSeconds: null });
  });
  it('without a prescription repeats last time\'s set count, or 3', () => {
    expect(planSets(null, lastPerformance(history, 'squat', 'today'), null)).toHaveLength(2);
    expect(planSets(null, [], null)).toEqual([1, 2, 3].map((setIndex) => ({ setIndex, weightKg: null, reps: null, rir: null, rpe: null, durationSeconds: null })));
  });
  it('ignores last time\'s warm-ups', () => {
    const last = [past('l', 1, 20, 10, '2026-11-20T10:00:00.000Z', { set_kind: 'warmup' }), past('l', 2, 80, 5, '2026-11-20T10:01:00.000Z')];
    expect(planSets({ ...prescription, sets: 1 }, last, null)[0]?.weightKg).toBe(80);
  });
});

describe('prescribedWeightKg', () => {
  it.each<[Partial<Prescription>, number | null, number | null]>([
    [{ load_kg: 60 }, null, 60],
    [{ load_kg: null, load_percent_1rm: 75 }, 140, 105],
    [{ load_kg: null, load_percent_1rm: 80 }, 133, 107.5],
    [{ load_kg: null, load_percent_1rm: 80 }, null, null],
    [{ load_kg: null }, 140, null],
  ])('%j with e1RM %s → %s kg', (changes, e1rm, expected) => {
    expect(prescribedWeightKg({ ...prescription, ...changes }, e1rm)).toBe(expected);
  });
});

describe('targetText', () => {
  it.each<[Partial<Prescription>, string | null]>([
    [{}, '3 × 8–10 · 60 kg · RIR 2'],
    [{ reps_min: 5, reps_max: 5, load_kg: null, load_percent_1rm: 80, rir: null, rpe: 8 }, '3 × 5 · 80% 1RM · RPE 8'],
    [{ sets: null, reps_min: null, reps_max: null, load_kg: null, rir: null }, null],
  ])('%j → %s', (changes, text) => {
    expect(targetText({ ...prescription, ...changes }, 'kg')).toBe(text);
  });
  it('shows a timed prescription in seconds', () => {
    expect(targetText({ ...prescription, reps_min: null, reps_max: null, load_kg: null, rir: null, duration_seconds: 45 }, 'kg')).toBe('3 · 45 s');
  });
  it.each<[Partial<Prescription> | null, Partial<PastSet>[], boolean]>([
    [{ reps_min: null, reps_max: null, duration_seconds: 45 }, [], true],
    [{ duration_seconds: 45 }, [], false],
    [null, [{ reps: null, duration_seconds: 60 }], true],
    [null, [{ reps: 10, duration_seconds: null }], false],
    [null, [], false],
  ])('timed: %j with last %j → %s', (changes, last, timed) => {
    expect(isTimed(changes ? { ...prescription, ...changes } : null, last.map((l) => past('l', 1, 0, 0, '2026-11-20T10:00:00.000Z', l)))).toBe(timed);
  });
  it('shows loads in pounds for a pound user', () => {
    expect(targetText({ ...prescription, load_kg: 102.06 }, 'lb')).toBe('3 × 8–10 · 225 lb · RIR 2');
  });
});

describe('slot order', () => {
  it('keeps the user order, then new slots in natural order, and drops gone ones', () => {
    expect(orderSlots(['a', 'b', 'c', 'd'], ['c', 'x', 'a'])).toEqual(['c', 'a', 'b', 'd']);
  });
  it.each<[string, -1 | 1, string[]]>([
    ['b', -1, ['b', 'a', 'c']],
    ['b', 1, ['a', 'c', 'b']],
    ['a', -1, ['a', 'b', 'c']],
    ['c', 1, ['a', 'b', 'c']],
  ])('moves %s by %d', (key, delta, expected) => {
    expect(moveSlot(['a', 'b', 'c'], key, delta)).toEqual(expected);
  });
});

describe('prefilled loads for a pound user', () => {
  it('a fixed kg load prefills the nearest 5 lb (70 kg shows 155 lb, not 154.3)', () => {
    const kg = prescribedWeightKg({ ...prescription, load_kg: 70 }, null, 'lb');
    expect(kg).toBe(70.31);
    expect(displayWeight(kg!, 'lb')).toBe(155);
    expect(planSets({ ...prescription, load_kg: 132.5 }, [], null, 'lb')[0]?.weightKg).toBe(unitToKg(290, 'lb'));
  });

  it('a percentage of e1RM rounds to 5 lb, and a kg user keeps 2.5 kg and the trainer’s exact load', () => {
    const percent = { ...prescription, load_kg: null, load_percent_1rm: 75 };
    expect(displayWeight(prescribedWeightKg(percent, 140, 'lb')!, 'lb')).toBe(230); // 105 kg = 231.5 lb
    expect(prescribedWeightKg(percent, 140, 'kg')).toBe(105);
    expect(prescribedWeightKg({ ...prescription, load_kg: 71.25 }, null, 'kg')).toBe(71.25);
  });

  it('last time’s weights are prefilled as lifted, never rounded', () => {
    expect(planSets(prescription, lastPerformance(history, 'squat', 'today'), null, 'lb')[0]?.weightKg).toBe(62.5);
  });
});

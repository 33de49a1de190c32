import { describe, expect, it } from 'vitest';
import { EMPTY_LAYOUT } from './session-layout';
import { draftSlots, sessionSlots, shareUnchangedSlots, type LoggedSetFields } from './workout-model';
import type { Prescription } from './workout-plan';

const prescription = (id: string, exercise: string, position: string, changes: Partial<Prescription> = {}): Prescription => ({
  id, exercise_id: exercise, position, sets: 2, reps_min: 8, reps_max: 8, load_kg: 40, load_percent_1rm: null, rir: null, rpe: null, rest_seconds: 60, duration_seconds: null, notes: null, ...changes,
});
const logged = (id: string, session: string, exercise: string, index: number, changes: Partial<LoggedSetFields> = {}): LoggedSetFields => ({
  id, session_id: session, exercise_id: exercise, set_index: index, weight_kg: 50, reps: 8, rir: null, rpe: null, duration_seconds: null, done: true, set_kind: 'working',
  performed_at: `2026-11-2${index}T10:00:00.000Z`, program_exercise_id: null, created_at: `2026-11-2${index}T10:00:00.000Z`, ...changes,
});

const plan = [prescription('pe2', 'row', 'b'), prescription('pe1', 'squat', 'a', { sets: 3 })];

describe('draftSlots', () => {
  it('orders by position and prefills from history, else from the prescription', () => {
    const slots = draftSlots(plan, [logged('h1', 'old', 'squat', 1, { weight_kg: 100, reps: 5 })]);
    expect(slots.map((s) => s.exerciseId)).toEqual(['squat', 'row']);
    expect(slots[0]?.rows.map((r) => [r.weightKg, r.reps, r.stored])).toEqual([[100, 5, false], [100, 5, false], [100, 5, false]]);
    expect(slots[1]?.rows.map((r) => [r.weightKg, r.reps])).toEqual([[40, 8], [40, 8]]);
  });
});

describe('sessionSlots', () => {
  const sets = [
    logged('a1', 's', 'curl', 1, { created_at: '2026-11-25T10:05:00.000Z' }),
    logged('r1', 's', 'row', 1, { program_exercise_id: 'pe2' }),
    logged('q2', 's', 'squat', 2, { program_exercise_id: 'pe1', done: false }),
    logged('q1', 's', 'squat', 1, { program_exercise_id: 'pe1' }),
  ];
  it('groups sets into slots: program slots by position, then ad-hoc ones', () => {
    const slots = sessionSlots('s', sets, plan, [], EMPTY_LAYOUT);
    expect(slots.map((s) => s.key)).toEqual(['pe1', 'pe2', 'x:curl']);
    expect(slots[0]?.rows.map((r) => r.key)).toEqual(['q1', 'q2']);
  });
  it('follows the device layout order', () => {
    expect(sessionSlots('s', sets, plan, [], { order: ['x:curl', 'pe2'], skipped: [] }).map((s) => s.key)).toEqual(['x:curl', 'pe2', 'pe1']);
  });
  it('shows a skipped program slot with no sets left as skipped', () => {
    const slots = sessionSlots('s', sets.filter((s) => s.exercise_id !== 'row'), plan, [], { order: [], skipped: ['pe2'] });
    expect(slots.find((s) => s.key === 'pe2')).toMatchObject({ skipped: true, rows: [] });
  });
  it('names a swapped slot after the exercise of its sets still to do', () => {
    const swapped = [logged('q1', 's', 'squat', 1, { program_exercise_id: 'pe1' }), logged('q2', 's', 'leg-press', 2, { program_exercise_id: 'pe1', done: false })];
    expect(sessionSlots('s', swapped, plan, [], EMPTY_LAYOUT)[0]?.exerciseId).toBe('leg-press');
  });
});

describe('shareUnchangedSlots', () => {
  const sets = [logged('q1', 's', 'squat', 1, { program_exercise_id: 'pe1', done: false }), logged('q2', 's', 'squat', 2, { program_exercise_id: 'pe1', done: false }), logged('r1', 's', 'row', 1, { program_exercise_id: 'pe2', done: false })];
  const before = sessionSlots('s', sets, plan, [], EMPTY_LAYOUT);

  it('keeps every object when nothing changed', () => {
    const after = shareUnchangedSlots(before, sessionSlots('s', sets, plan, [], EMPTY_LAYOUT));
    expect(after.every((slot, i) => slot === before[i])).toBe(true);
  });
  it('renews only the ticked row and its slot', () => {
    const ticked = sets.map((s) => (s.id === 'q2' ? { ...s, done: true } : s));
    const after = shareUnchangedSlots(before, sessionSlots('s', ticked, plan, [], EMPTY_LAYOUT));
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]?.rows[0]).toBe(before[0]?.rows[0]);
    expect(after[0]?.rows[1]).not.toBe(before[0]?.rows[1]);
    expect(after[0]?.rows[1]?.done).toBe(true);
    expect(after[1]).toBe(before[1]);
  });
  it('takes added and removed rows and new slots as they are', () => {
    const more = [...sets.filter((s) => s.id !== 'r1'), logged('c1', 's', 'curl', 1, { done: false })];
    const after = shareUnchangedSlots(before, sessionSlots('s', more, plan, [], EMPTY_LAYOUT));
    expect(after.map((s) => s.key)).toEqual(['pe1', 'x:curl']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.rows.map((r) => r.key)).toEqual(['c1']);
  });
});

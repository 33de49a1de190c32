import { describe, expect, it } from 'vitest';
import { exerciseProgress, totalsBySession } from './history';

const set = (session: string, exercise: string, weight: number | null, reps: number | null, at: string, changes: Record<string, unknown> = {}) => ({
  session_id: session, exercise_id: exercise, weight_kg: weight, reps, done: true, set_kind: 'working', performed_at: at, ...changes,
});

describe('history', () => {
  const sets = [
    set('s1', 'squat', 100, 5, '2026-11-01T10:00:00.000Z'),
    set('s1', 'squat', 105, 3, '2026-11-01T10:05:00.000Z'),
    set('s1', 'squat', 20, 10, '2026-11-01T09:55:00.000Z', { set_kind: 'warmup' }),
    set('s1', 'row', 60, 10, '2026-11-01T10:20:00.000Z'),
    set('s2', 'squat', 107.5, 3, '2026-11-08T10:00:00.000Z'),
    set('s2', 'squat', 107.5, 4, '2026-11-08T10:04:00.000Z'),
    set('s2', 'squat', 120, 1, '2026-11-08T10:09:00.000Z', { done: false }),
  ];

  it('totals done sets per session, volume without warm-ups', () => {
    expect(totalsBySession(sets).get('s1')).toEqual({ sets: 4, volumeKg: 1415, exercises: 2 });
    expect(totalsBySession(sets).get('s2')).toEqual({ sets: 2, volumeKg: 752.5, exercises: 1 });
  });

  it('charts the best e1RM and the top set per session', () => {
    expect(exerciseProgress(sets, 'squat')).toEqual([
      { sessionId: 's1', time: Date.parse('2026-11-01T10:00:00.000Z'), e1rmKg: 116.67, topSetKg: 105, topSetReps: 3, sets: 2 },
      { sessionId: 's2', time: Date.parse('2026-11-08T10:00:00.000Z'), e1rmKg: 121.83, topSetKg: 107.5, topSetReps: 4, sets: 2 },
    ]);
  });
});

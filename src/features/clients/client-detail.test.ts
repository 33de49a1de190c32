import { describe, expect, it } from 'vitest';
import { bestLifts, recentSessions, type DetailSet } from './client-detail';

const set = (session: string, exercise: string, weight: number | null, reps: number | null, minute: number, done = true): DetailSet => ({
  session_id: session,
  exercise_id: exercise,
  weight_kg: weight,
  reps,
  done,
  set_index: minute,
  performed_at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
});
const epley = (w: number | null, r: number | null) => (w === null || r === null || r < 1 ? null : w * (1 + r / 30));

describe('client detail', () => {
  it('lists recent sessions newest first, with done sets by exercise in the order done', () => {
    const sessions = [
      { id: 'old', started_at: '2026-11-01T10:00:00.000Z', status: 'completed', name: null, program_day_id: 'd1' },
      { id: 'new', started_at: '2026-12-01T10:00:00.000Z', status: 'partial', name: 'Hotel gym', program_day_id: null },
    ];
    const sets = [set('new', 'squat', 100, 5, 2), set('new', 'squat', 100, 5, 1), set('new', 'row', 60, 10, 3), set('new', 'row', 60, 8, 4, false)];
    const digest = recentSessions(sessions, sets, (id) => (id === 'd1' ? 'Day A' : undefined));
    expect(digest.map((d) => d.title)).toEqual(['Hotel gym', 'Day A']);
    expect(digest[0]?.exercises).toEqual([
      { exerciseId: 'squat', sets: ['100 kg × 5', '100 kg × 5'] },
      { exerciseId: 'row', sets: ['60 kg × 10'] },
    ]);
  });

  it('finds each exercise’s best set by estimated 1RM, ignoring undone and unweighted sets', () => {
    const sets = [set('s', 'squat', 100, 5, 1), set('s', 'squat', 110, 1, 2), set('s', 'squat', 140, 3, 3, false), set('s', 'plank', null, 1, 4)];
    expect(bestLifts(sets, epley)).toEqual([{ exerciseId: 'squat', e1rmKg: 100 * (1 + 5 / 30), weightKg: 100, reps: 5, at: '2026-12-01T10:01:00.000Z' }]);
  });
});

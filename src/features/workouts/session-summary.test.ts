import { describe, expect, it } from 'vitest';
import { formatDuration, summarizeSession, type SummarySet } from './session-summary';

const set = (done: boolean, weight: number | null, reps: number | null, changes: Partial<SummarySet> = {}): SummarySet => ({
  done, set_kind: 'working', weight_kg: weight, reps, exercise_id: 'squat', performed_at: '2026-11-25T10:10:00.000Z', ...changes,
});

describe('summarizeSession', () => {
  const start = '2026-11-25T10:00:00.000Z';
  it('adds up volume of done working sets and suggests partial when sets are left', () => {
    const summary = summarizeSession(start, [set(true, 100, 5), set(true, 100, 5), set(false, 100, 5), set(true, 20, 10, { set_kind: 'warmup' }), set(true, 50, 10, { exercise_id: 'row' })], new Date('2026-11-25T10:45:00.000Z'));
    expect(summary).toEqual({ durationSeconds: 2700, volumeKg: 1500, doneSets: 4, plannedSets: 5, exercises: 2, suggestedStatus: 'partial' });
  });
  it('is completed when every set is done', () => {
    expect(summarizeSession(start, [set(true, null, 10)], new Date('2026-11-25T10:01:00.000Z')).suggestedStatus).toBe('completed');
  });
  it('keeps the duration within what the server accepts', () => {
    expect(summarizeSession(start, [], new Date(start)).durationSeconds).toBe(1);
    expect(summarizeSession(start, [], new Date('2026-11-27T10:00:00.000Z')).durationSeconds).toBe(86_400);
  });
  it.each<[number, string]>([[45, '45 s'], [2520, '42 min'], [3900, '1 h 05 min']])('formats %d s as %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

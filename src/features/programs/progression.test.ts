import { describe, expect, it } from 'vitest';
import { autoAdvance, resizeWeeks, setCurrentWeek, weekProgress, type ProgressionDay, type ProgressionProgram, type ProgressionSession } from './progression';

const program = (changes: Partial<ProgressionProgram> = {}): ProgressionProgram => ({
  id: 'p',
  kind: 'progressive',
  status: 'active',
  weeks: 4,
  current_week: 1,
  auto_advance: true,
  ...changes,
});
const day = (id: string, week: number, rest = false): ProgressionDay => ({ id, program_id: 'p', week_index: week, is_rest_day: rest });
const done = (dayId: string, week: number, status = 'completed'): ProgressionSession => ({ program_day_id: dayId, week_index: week, status });

// Weeks 1 and 2 have their own days (A1, B1, rest R1 / A2, B2); weeks 3-4 have none.
const DAYS = [day('A1', 1), day('B1', 1), day('R1', 1, true), day('A2', 2), day('B2', 2)];

describe('auto-advance', () => {
  it.each<{ name: string; program: ProgressionProgram; sessions: ProgressionSession[]; expected: ReturnType<typeof autoAdvance> }>([
    { name: 'all training days done: next week', program: program(), sessions: [done('A1', 1), done('B1', 1)], expected: { current_week: 2 } },
    { name: 'rest days are not waited for', program: program(), sessions: [done('A1', 1), done('B1', 1, 'partial')], expected: { current_week: 2 } },
    { name: 'one day missing: stays', program: program(), sessions: [done('A1', 1)], expected: null },
    { name: 'a skipped session is not training done', program: program(), sessions: [done('A1', 1), done('B1', 1, 'skipped')], expected: null },
    { name: 'an in-progress session does not count', program: program(), sessions: [done('A1', 1), done('B1', 1, 'in_progress')], expected: null },
    { name: 'sessions of another week do not count', program: program({ current_week: 2 }), sessions: [done('A1', 1), done('B1', 1)], expected: null },
    { name: 'week 2 done: week 3', program: program({ current_week: 2 }), sessions: [done('A2', 2), done('B2', 2)], expected: { current_week: 3 } },
    { name: 'a week without own days repeats week 1', program: program({ current_week: 3 }), sessions: [done('A1', 3), done('B1', 3)], expected: { current_week: 4 } },
    { name: 'last week done: completed', program: program({ current_week: 4 }), sessions: [done('A1', 4), done('B1', 4)], expected: { status: 'completed' } },
    { name: 'auto-advance off: stays', program: program({ auto_advance: false }), sessions: [done('A1', 1), done('B1', 1)], expected: null },
    { name: 'static programs do not advance', program: program({ kind: 'static' }), sessions: [done('A1', 1), done('B1', 1)], expected: null },
    { name: 'a paused (draft) program does not advance', program: program({ status: 'draft' }), sessions: [done('A1', 1), done('B1', 1)], expected: null },
  ])('$name', ({ program: p, sessions, expected }) => {
    expect(autoAdvance(p, DAYS, sessions)).toEqual(expected);
  });

  it('a program with no training days never counts as done', () => {
    expect(autoAdvance(program(), [day('R', 1, true)], [])).toBeNull();
  });
});

describe('week progress (adherence)', () => {
  it('counts done planned days once each', () => {
    expect(weekProgress(program(), DAYS, [done('A1', 1), done('A1', 1), done('B1', 1, 'skipped')])).toEqual({ week: 1, planned: 2, done: 1, complete: false });
  });
});

describe('setting weeks by hand', () => {
  it.each([
    { weeks: 4, week: 1, ok: true },
    { weeks: 4, week: 4, ok: true },
    { weeks: 4, week: 5, ok: false },
    { weeks: 4, week: 0, ok: false },
    { weeks: 4, week: 1.5, ok: false },
  ])('week $week of $weeks: ok=$ok', ({ weeks, week, ok }) => {
    if (ok) expect(setCurrentWeek({ weeks }, week)).toEqual({ current_week: week });
    else expect(() => setCurrentWeek({ weeks }, week)).toThrow(`Week must be between 1 and ${weeks}`);
  });

  it('shortening a program keeps the current week inside it', () => {
    expect(resizeWeeks({ current_week: 6 }, 4)).toEqual({ weeks: 4, current_week: 4 });
    expect(resizeWeeks({ current_week: 2 }, 4)).toEqual({ weeks: 4, current_week: 2 });
    expect(() => resizeWeeks({ current_week: 1 }, 0)).toThrow('1 to 104 weeks');
  });
});

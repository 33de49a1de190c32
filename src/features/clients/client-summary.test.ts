import { describe, expect, it } from 'vitest';
import { adherenceText, startOfWeek, summariseClient, type SummaryDay, type SummarySession } from './client-summary';

// Thursday 4 December 2026, 18:00 local time.
const NOW = new Date(2026, 11, 3, 18, 0);
const at = (day: number, hour = 9) => new Date(2026, 11, day, hour).toISOString();
const program = { id: 'p', client_id: 'c', status: 'active', current_week: 2, updated_at: '2026-11-30T00:00:00.000Z' };
const days: SummaryDay[] = [
  { id: 'w1a', program_id: 'p', week_index: 1, is_rest_day: false },
  { id: 'w2a', program_id: 'p', week_index: 2, is_rest_day: false },
  { id: 'w2b', program_id: 'p', week_index: 2, is_rest_day: false },
  { id: 'w2r', program_id: 'p', week_index: 2, is_rest_day: true },
];
const session = (started: string, status = 'completed', client = 'c'): SummarySession => ({ client_id: client, status, started_at: started });

describe('roster summary', () => {
  it('weeks start on Monday, local time', () => {
    expect(startOfWeek(NOW)).toEqual(new Date(2026, 10, 30));
    expect(startOfWeek(new Date(2026, 10, 30, 0, 0))).toEqual(new Date(2026, 10, 30));
  });

  it.each([
    { name: 'counts done sessions since Monday against the current week’s training days', sessions: [session(at(1)), session(at(2), 'partial')], expected: { doneThisWeek: 2, plannedThisWeek: 2, lastWorkoutAt: at(2) } },
    { name: 'last week’s sessions are not this week’s', sessions: [session(new Date(2026, 10, 29, 9).toISOString())], expected: { doneThisWeek: 0 } },
    { name: 'skipped and in-progress sessions are not done', sessions: [session(at(1), 'skipped'), session(at(3), 'in_progress')], expected: { doneThisWeek: 0, lastWorkoutAt: null } },
    { name: 'another client’s sessions do not count', sessions: [session(at(1), 'completed', 'other')], expected: { doneThisWeek: 0 } },
  ])('$name', ({ sessions, expected }) => {
    expect(summariseClient({ clientId: 'c', programs: [program], days, sessions, checkIns: [], now: NOW })).toMatchObject(expected);
  });

  it('with no active program nothing is planned', () => {
    const summary = summariseClient({ clientId: 'c', programs: [{ ...program, status: 'completed' }], days, sessions: [session(at(1))], checkIns: [], now: NOW });
    expect(summary.plannedThisWeek).toBeNull();
    expect(adherenceText(summary)).toBe('1 session this week');
  });

  it('counts pending check-ins only', () => {
    const checkIns = [
      { client_id: 'c', status: 'pending' },
      { client_id: 'c', status: 'reviewed' },
      { client_id: 'other', status: 'pending' },
    ];
    expect(summariseClient({ clientId: 'c', programs: [], days: [], sessions: [], checkIns, now: NOW }).openCheckIns).toBe(1);
  });

  it('says adherence in words', () => {
    expect(adherenceText({ doneThisWeek: 2, plannedThisWeek: 3 })).toBe('2 of 3 sessions this week');
    expect(adherenceText({ doneThisWeek: 4, plannedThisWeek: 3 })).toBe('4 sessions this week (3 planned)');
  });
});

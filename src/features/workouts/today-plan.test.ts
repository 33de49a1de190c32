import { describe, expect, it } from 'vitest';
import { choosableDays, chooseToday, type PlanDay, type PlanProgram, type PlanSession } from './today-plan';

const CLIENT = 'client-1';
const program: PlanProgram = { id: 'p1', client_id: CLIENT, status: 'active', current_week: 1, updated_at: '2026-11-01T00:00:00.000Z' };

function day(id: string, changes: Partial<PlanDay>): PlanDay {
  return { id, program_id: 'p1', week_index: 1, day_of_week: null, sequence_index: null, position: id, name: id, is_rest_day: false, ...changes };
}
function session(id: string, dayId: string | null, startedAt: string, status = 'completed'): PlanSession {
  return { id, program_day_id: dayId, status, started_at: startedAt };
}

// Wednesday 25 November 2026, 18:00 local time.
const NOW = new Date(2026, 10, 25, 18, 0, 0);
const local = (d: number, h = 9) => new Date(2026, 10, d, h, 0, 0).toISOString();

const weekly = [day('mon', { day_of_week: 1 }), day('wed', { day_of_week: 3 }), day('fri', { day_of_week: 5 })];
const sequence = [day('d1', { sequence_index: 1, position: 'a' }), day('d2', { sequence_index: 2, position: 'b' }), day('rest', { sequence_index: 3, position: 'c', is_rest_day: true }), day('d3', { sequence_index: 4, position: 'd' })];

describe('chooseToday', () => {
  it.each<[string, PlanDay[], PlanSession[], string, string | null]>([
    ['weekday: Wednesday\'s day', weekly, [], 'planned', 'wed'],
    ['weekday: done earlier today', weekly, [session('s', 'wed', local(25, 8))], 'done-today', 'wed'],
    ['weekday: done last week does not count', weekly, [session('s', 'wed', local(18))], 'planned', 'wed'],
    ['weekday: nothing on Wednesday', [day('mon', { day_of_week: 1 })], [], 'rest-day', null],
    ['weekday: Wednesday is a rest day', [day('wed', { day_of_week: 3, is_rest_day: true })], [], 'rest-day', 'wed'],
    ['weekday: Friday\'s day trained instead today', weekly, [session('s', 'fri', local(25, 8))], 'done-today', 'fri'],
    ['weekday: a day skipped on a rest day', [day('mon', { day_of_week: 1 }), day('wed', { day_of_week: 3, is_rest_day: true })], [session('s', 'mon', local(25, 8), 'skipped')], 'done-today', 'mon'],
    ['weekday: another day trained last week does not count', weekly, [session('s', 'fri', local(20))], 'planned', 'wed'],
    ['sequence: first day when never trained', sequence, [], 'planned', 'd1'],
    ['sequence: the day after the last', sequence, [session('s', 'd1', local(23))], 'planned', 'd2'],
    ['sequence: rest days are passed over', sequence, [session('s', 'd2', local(24))], 'planned', 'd3'],
    ['sequence: wraps around', sequence, [session('a', 'd2', local(20)), session('b', 'd3', local(24))], 'planned', 'd1'],
    ['sequence: skipped days count as done', sequence, [session('s', 'd1', local(24), 'skipped')], 'planned', 'd2'],
    ['sequence: done today stays done', sequence, [session('s', 'd2', local(25, 7))], 'done-today', 'd2'],
    ['sequence: ad-hoc sessions do not move it', sequence, [session('s', 'd1', local(22)), session('x', null, local(24))], 'planned', 'd2'],
  ])('%s', (_label, days, sessions, kind, dayId) => {
    const choice = chooseToday({ programs: [program], days, sessions, clientId: CLIENT, now: NOW });
    expect(choice.kind).toBe(kind);
    expect('day' in choice ? (choice.day?.id ?? null) : null).toBe(dayId);
  });

  it('resumes a session in progress', () => {
    const open = session('open', 'd1', local(25, 17), 'in_progress');
    expect(chooseToday({ programs: [program], days: sequence, sessions: [open], clientId: CLIENT, now: NOW })).toEqual({ kind: 'resume', session: open });
  });

  it('does not resume a session left open yesterday morning', () => {
    const stale = session('stale', 'd1', local(24, 8), 'in_progress');
    expect(chooseToday({ programs: [program], days: sequence, sessions: [stale], clientId: CLIENT, now: NOW }).kind).toBe('planned');
  });

  it('uses the current week of a progressive program, or its first week when that week has no days', () => {
    const days = [day('w1', { day_of_week: 3, week_index: 1 }), day('w2', { day_of_week: 3, week_index: 2 })];
    const week2 = { ...program, current_week: 2 };
    const week3 = { ...program, current_week: 3 };
    expect(chooseToday({ programs: [week2], days, sessions: [], clientId: CLIENT, now: NOW })).toMatchObject({ day: { id: 'w2' } });
    expect(chooseToday({ programs: [week3], days, sessions: [], clientId: CLIENT, now: NOW })).toMatchObject({ day: { id: 'w1' } });
  });

  it.each<[string, PlanProgram[]]>([
    ['no program', []],
    ['a draft program', [{ ...program, status: 'draft' }]],
    ['a template (no client)', [{ ...program, client_id: null }]],
    ['someone else\'s program', [{ ...program, client_id: 'other' }]],
  ])('offers an ad-hoc workout with %s', (_label, programs) => {
    expect(chooseToday({ programs, days: weekly, sessions: [], clientId: CLIENT, now: NOW }).kind).toBe('no-program');
  });

  it('picks the most recently updated of two active programs', () => {
    const newer = { ...program, id: 'p2', updated_at: '2026-11-20T00:00:00.000Z' };
    const days = [...weekly, day('p2-wed', { program_id: 'p2', day_of_week: 3 })];
    expect(chooseToday({ programs: [program, newer], days, sessions: [], clientId: CLIENT, now: NOW })).toMatchObject({ kind: 'planned', day: { id: 'p2-wed' } });
  });
});

describe('choosableDays', () => {
  it('lists the training days of every active program of the client, newest program first', () => {
    const older = { ...program, id: 'p0', updated_at: '2026-10-01T00:00:00.000Z' };
    const done = { ...program, id: 'p9', status: 'completed' };
    const days = [...sequence, day('x1', { program_id: 'p0' }), day('z1', { program_id: 'p9' })];
    expect(choosableDays([older, program, done], days, CLIENT).map((c) => `${c.program.id}/${c.day.id}`)).toEqual(['p1/d1', 'p1/d2', 'p1/d3', 'p0/x1']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseFilter, rowMatchesFilter, type ColumnType } from './filters.js';

const columns: ColumnType[] = [
  { name: 'id', type: 'uuid' },
  { name: 'reps', type: 'int4' },
  { name: 'weight_kg', type: 'numeric' },
  { name: 'done', type: 'bool' },
  { name: 'body', type: 'text' },
  { name: 'starts_at', type: 'timestamptz' },
  { name: 'on_day', type: 'date' },
];

const row = {
  id: '6f1c2a7e-0000-4000-8000-000000000001',
  reps: 8,
  weight_kg: 62.5,
  done: true,
  body: 'squat, front',
  starts_at: '2026-03-01T09:00:00+00:00',
  on_day: '2026-03-01',
};

describe('rowMatchesFilter', () => {
  it.each([
    ['reps=eq.8', true],
    ['reps=eq.08', true],
    ['reps=neq.8', false],
    ['reps=lt.10', true],
    ['reps=lte.8', true],
    ['reps=gt.8', false],
    ['reps=gte.8', true],
    ['reps=lt.abc', false],
    ['weight_kg=gt.62.4', true],
    ['done=eq.true', true],
    ['done=eq.t', true],
    ['done=eq.false', false],
    ['body=eq.squat, front', true],
    ['body=in.(bench,"squat, front")', true],
    ['body=in.(bench,deadlift)', false],
    ['id=eq.6F1C2A7E-0000-4000-8000-000000000001', true],
    ['starts_at=gte.2026-03-01 09:00:00+00', true],
    ['starts_at=lt.2026-03-01T08:00:00Z', false],
    ['on_day=lt.2026-03-02', true],
    ['on_day=eq.2026-03-01', true],
    ['reps=in.(1,8,9)', true],
    ['missing=eq.1', false],
  ])('%s → %s', (text, expected) => {
    const parsed = parseFilter(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(rowMatchesFilter(parsed.filter, row, columns)).toBe(expected);
  });

  it('matches nothing on a null value, not even neq', () => {
    const parsed = parseFilter('body=neq.x');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(rowMatchesFilter(parsed.filter, { body: null }, columns)).toBe(false);
  });
});

describe('parseFilter', () => {
  it.each(['reps', 'reps=like.8', '=eq.1', 'body=in.a,b', 'body=in.("a,b)'])('rejects %s', (text) => {
    expect(parseFilter(text).ok).toBe(false);
  });

  it('reads quoted list items with commas and escaped quotes', () => {
    expect(parseFilter('body=in.("a,b",c,"say \\"hi\\"")')).toEqual({
      ok: true,
      filter: { column: 'body', operator: 'in', values: ['a,b', 'c', 'say "hi"'] },
    });
  });
});

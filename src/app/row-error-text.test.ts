import { describe, expect, it } from 'vitest';
import type { RowErrorRecord } from '@/sync';
import { describeRowError, reasonFor } from './row-error-text';

const record = (changes: Partial<RowErrorRecord>): RowErrorRecord => ({
  key: 'k', collection: 'set_logs', rowId: 'r', direction: 'push', code: '23514', message: 'violates check constraint', constraint: null, column: null, row: {}, base: null, at: '', ...changes,
});

describe('refused writes in words', () => {
  it.each<[Partial<RowErrorRecord>, string]>([
    [{ constraint: 'set_logs_reps_range' }, 'The reps is outside the allowed range.'],
    [{ constraint: 'set_logs_weight_kg_range' }, 'The weight is outside the allowed range.'],
    [{ collection: 'workout_sessions', constraint: 'workout_sessions_notes_length' }, 'The notes is too long.'],
    [{ constraint: 'set_logs_set_kind_known' }, 'The set kind is not an allowed value.'],
    [{ constraint: 'something_else' }, 'A value breaks a rule on the server (something_else).'],
    [{ code: '42501' }, 'You are not allowed to change this (your access may have changed).'],
    [{ code: '23503' }, 'It refers to something the server does not have (it may have been deleted, or not reached the server yet). Try again, or discard it.'],
    [{ code: 'XX000', message: 'boom' }, 'boom'],
    [{ direction: 'pull', code: 'invalid', message: 'reps: too big' }, 'The server sent a version this app cannot read (reps: too big).'],
  ])('%j → %s', (changes, reason) => {
    expect(reasonFor(record(changes))).toBe(reason);
  });

  it('names the set by exercise and values', () => {
    const described = describeRowError(record({ row: { exercise_id: 'e1', set_index: 2, weight_kg: 100, reps: 5000 } }), () => 'Bench press');
    expect(described.title).toBe('Set 2 of Bench press (100 kg × 5000 reps)');
  });

  it('names other rows by their name', () => {
    expect(describeRowError(record({ collection: 'workout_sessions', row: { name: 'Leg day' } }), () => undefined).title).toBe('Workout “Leg day”');
  });

  it('names a server-decided row the app could not read', () => {
    const described = describeRowError(record({ collection: 'bookings', direction: 'pull', code: 'invalid', message: 'status: Invalid option' }), () => undefined);
    expect(described).toEqual({ title: 'Booking', reason: 'The server sent a version this app cannot read (status: Invalid option).' });
  });
});

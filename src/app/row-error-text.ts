/**
 * A refused write in words a client understands: what it was (a set of Bench press, 100 kg ×
 * 5) and why the server said no, from the SQLSTATE and the constraint's name (our migrations
 * name checks `<table>_<column>_<rule>`).
 */
import type { RowErrorRecord } from '@/sync';

const WHAT: Record<string, string> = {
  programs: 'Program',
  program_days: 'Program day',
  program_exercises: 'Program exercise',
  workout_sessions: 'Workout',
  set_logs: 'Set',
  habits: 'Habit',
  habit_logs: 'Habit tick',
  measurements: 'Measurement',
  check_ins: 'Check-in',
  goals: 'Goal',
  meal_plans: 'Meal plan',
  food_logs: 'Food log',
  // Server-decided rows (replicas): only ever refused on the way in.
  bookings: 'Booking',
  credit_ledger: 'Credit entry',
  payments: 'Payment',
  trainer_availability: 'Weekly hours',
  availability_exceptions: 'Day off',
  exercises: 'Exercise',
  trainer_clients: 'Roster entry',
  client_profiles: 'Client profile',
  achievements: 'Achievement',
  check_in_forms: 'Questionnaire',
  profiles: 'Person',
};

const field = (name: string) => name.replace(/_kg$/, '').replace(/_/g, ' ');

export function describeRowError(record: RowErrorRecord, exerciseName: (id: string) => string | undefined): { title: string; reason: string } {
  const row = record.row;
  let title = WHAT[record.collection] ?? record.collection.replace(/_/g, ' ');
  if (record.collection === 'set_logs') {
    const name = typeof row.exercise_id === 'string' ? exerciseName(row.exercise_id) : undefined;
    const values = [row.weight_kg !== null && row.weight_kg !== undefined ? `${String(row.weight_kg)} kg` : null, row.reps !== null && row.reps !== undefined ? `${String(row.reps)} reps` : null].filter(Boolean).join(' × ');
    title = `Set ${typeof row.set_index === 'number' ? row.set_index : ''} of ${name ?? 'an exercise'}${values ? ` (${values})` : ''}`.replace('Set  of', 'Set of');
  } else if (typeof row.name === 'string' && row.name) {
    title = `${title} “${row.name}”`;
  }
  return { title, reason: reasonFor(record) };
}

export function reasonFor(record: Pick<RowErrorRecord, 'code' | 'constraint' | 'column' | 'message' | 'collection' | 'direction'>): string {
  if (record.direction === 'pull') return `The server sent a version this app cannot read (${record.message}).`;
  const prefix = `${record.collection}_`;
  const constraint = record.constraint?.startsWith(prefix) ? record.constraint.slice(prefix.length) : record.constraint;
  switch (record.code) {
    case '23514': {
      const rule = constraint?.match(/^(.*)_(range|length|known|format|not_blank)$/);
      if (rule?.[1]) {
        const name = field(rule[1]);
        const how = { range: 'is outside the allowed range', length: 'is too long', known: 'is not an allowed value', format: 'is not in the expected format', not_blank: 'is empty' }[rule[2] as 'range'];
        return `The ${name} ${how}.`;
      }
      return `A value breaks a rule on the server (${constraint ?? record.message}).`;
    }
    case '23503':
      return 'It refers to something the server does not have (it may have been deleted, or not reached the server yet). Try again, or discard it.';
    case '23505':
      return 'The server already has one like it, so this copy cannot be added. Discard it: the server’s one stays and shows here.';
    case '23502':
      return `The ${field(record.column ?? 'value')} is missing.`;
    case '42501':
      return 'You are not allowed to change this (your access may have changed).';
    case '22P02':
    case '22023':
      return `A value has the wrong form (${record.message}).`;
    default:
      return record.message;
  }
}

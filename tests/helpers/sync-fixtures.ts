/** Rows for sync tests: a global exercise, and builders for programs, sessions and set logs. */
import { newRowId } from '../../src/db/ids';
import type { NewRowFields } from '../../src/db/writes';
import { sql } from './device';
import type { TestStack } from './stack';

/** A global exercise (as the dashboard adds them); set logs and prescriptions point at it. */
export async function createExercise(stack: TestStack, name = 'Back squat'): Promise<string> {
  const id = newRowId();
  await sql(stack.superuserUrl, `insert into public.exercises (id, name, body_part) values ($1, $2, 'legs')`, [id, name]);
  return id;
}

export function programFields(trainerId: string, changes: Partial<NewRowFields<'programs'>> = {}): NewRowFields<'programs'> {
  return {
    trainer_id: trainerId,
    client_id: null,
    template_id: null,
    name: 'Strength A',
    description: null,
    kind: 'static',
    status: 'active',
    weeks: 4,
    current_week: 1,
    auto_advance: false,
    starts_on: null,
    ends_on: null,
    ...changes,
  };
}

export function sessionFields(clientId: string, changes: Partial<NewRowFields<'workout_sessions'>> = {}): NewRowFields<'workout_sessions'> {
  return {
    client_id: clientId,
    program_day_id: null,
    name: 'Leg day',
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ended_at: null,
    duration_seconds: null,
    rating: null,
    week_index: null,
    notes: null,
    ...changes,
  };
}

export function setLogFields(
  sessionId: string,
  clientId: string,
  exerciseId: string,
  setIndex: number,
  changes: Partial<NewRowFields<'set_logs'>> = {},
): NewRowFields<'set_logs'> {
  return {
    session_id: sessionId,
    client_id: clientId,
    exercise_id: exerciseId,
    program_exercise_id: null,
    set_index: setIndex,
    set_kind: 'working',
    weight_kg: 100,
    reps: 5,
    rir: 2,
    rpe: null,
    duration_seconds: null,
    distance_m: null,
    done: true,
    performed_at: new Date(Date.now() - 1000 * (1000 - setIndex)).toISOString(),
    notes: null,
    ...changes,
  };
}

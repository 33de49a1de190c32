/** Rows for sync tests: a global exercise, and builders for programs, sessions and set logs. */
import { newRowId } from '../../src/db/ids';
import type { NewRowFields } from '../../src/db/writes';
import { sql } from './device';
import type { TestStack } from './stack';

// Set logs are built where a browser page can import them too (the sync benchmark).
export { setLogFields } from './set-log-fields';

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

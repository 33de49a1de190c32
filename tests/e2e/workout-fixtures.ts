/**
 * A client with a one-day program (a "day 1" of a sequence, so Today always offers it), made
 * the way the trainer's device and the dashboard would leave the database: exercises in the
 * catalogue, a trainer, an active trainer–client link, a program with prescriptions.
 */
import { newRowId } from '../../src/db/ids';
import { createTestUser, linkTrainerAndClient, sql, type TestUser } from '../helpers/device';
import type { TestStack } from '../helpers/stack';

export type PlannedExercise = { name: string; loadKg: number | null; reps: number; sets: number; restSeconds?: number };

export type ClientWithProgram = { client: TestUser; trainer: TestUser; dayName: string; exercises: Array<PlannedExercise & { id: string }> };

export async function createClientWithProgram(stack: TestStack, exercises: PlannedExercise[], dayName = 'Full body A'): Promise<ClientWithProgram> {
  const trainer = await createTestUser(stack, 'trainer', 'coach');
  const client = await createTestUser(stack, 'client', 'lifter');
  await linkTrainerAndClient(stack, trainer, client);
  const withIds = exercises.map((e) => ({ ...e, id: newRowId() }));
  for (const e of withIds) {
    await sql(stack.superuserUrl, `insert into public.exercises (id, name, body_part, equipment) values ($1, $2, 'full_body', 'barbell')`, [e.id, e.name]);
  }
  const programId = newRowId();
  const dayId = newRowId();
  await sql(
    stack.superuserUrl,
    `insert into public.programs (id, trainer_id, client_id, name, kind, status, weeks, current_week) values ($1, $2, $3, 'Test program', 'static', 'active', 1, 1)`,
    [programId, trainer.userId, client.userId],
  );
  await sql(stack.superuserUrl, `insert into public.program_days (id, program_id, week_index, sequence_index, name, position) values ($1, $2, 1, 1, $3, 'a')`, [dayId, programId, dayName]);
  for (const [i, e] of withIds.entries()) {
    await sql(
      stack.superuserUrl,
      `insert into public.program_exercises (program_day_id, exercise_id, position, sets, reps_min, reps_max, load_kg, rest_seconds) values ($1, $2, $3, $4, $5, $5, $6, $7)`,
      [dayId, e.id, `a${String(i).padStart(3, '0')}`, e.sets, e.reps, e.loadKg, e.restSeconds ?? 90],
    );
  }
  return { client, trainer, dayName, exercises: withIds };
}

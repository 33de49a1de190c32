/**
 * The trainer workspace against the real stack (Postgres + RLS, PostgREST, the sync engine on
 * fake-indexeddb), using the builder's own write functions (src/features/programs/program-writes.ts):
 * - a trainer's template and its copy reach only the client it was assigned to: not their other
 *   clients, not another trainer's clients, not another trainer;
 * - once a client is removed, the trainer can no longer read (or change) the client's data, and
 *   the client keeps all of it;
 * - a client cannot edit their program's prescriptions: the push is refused with its reason;
 * - a progressive program moves to the next week when the client's week is done (server rule).
 * Devices open only the collections a case needs, so at most 12 RxDB collections are open.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedTableName } from '../../src/db/collections';
import { editRow, insertRow } from '../../src/db/writes';
import { addDay, addExercise, assignToClient, createTemplate, editExercise, editProgram, loadProgram } from '../../src/features/programs/program-writes';
import { createTestUser, deviceRows, linkTrainerAndClient, openTestDevice, signedInClient, sql, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields } from '../helpers/sync-fixtures';

const PROGRAM_TABLES: readonly SyncedTableName[] = ['programs', 'program_days', 'program_exercises'];

let stack: TestStack;
let coach: TestUser;
let otherCoach: TestUser;
let alex: TestUser; // coach's client, gets the program
let sam: TestUser; // coach's other client
let casey: TestUser; // otherCoach's client
let squatId: string;
let rowId: string;

beforeAll(async () => {
  stack = await startTestStack();
  [coach, otherCoach, alex, sam, casey] = await Promise.all([
    createTestUser(stack, 'trainer', 'coach'),
    createTestUser(stack, 'trainer', 'other-coach'),
    createTestUser(stack, 'client', 'alex'),
    createTestUser(stack, 'client', 'sam'),
    createTestUser(stack, 'client', 'casey'),
  ]);
  await linkTrainerAndClient(stack, coach, alex);
  await linkTrainerAndClient(stack, coach, sam);
  await linkTrainerAndClient(stack, otherCoach, casey);
  squatId = await createExercise(stack, 'Back squat');
  rowId = await createExercise(stack, 'Barbell row');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** Builds "Strength" (2 days) on the coach's device and assigns it to `client`; returns the copy's id. */
async function buildAndAssign(device: TestDevice, client: TestUser): Promise<{ templateId: string; programId: string }> {
  const templateId = await createTemplate(device.db, coach.userId, 'Strength');
  const dayA = await addDay(device.db, templateId, 1, 'Day A', { mode: 'sequence' });
  const dayB = await addDay(device.db, templateId, 1, 'Day B', { mode: 'sequence' });
  await addExercise(device.db, dayA, squatId);
  await addExercise(device.db, dayB, rowId);
  const programId = await assignToClient(device.db, templateId, client.userId, null);
  return { templateId, programId };
}

async function programNames(device: TestDevice): Promise<string[]> {
  return (await deviceRows(device, 'programs')).map((p) => `${String(p.name)}${p.client_id ? ' (client copy)' : ' (template)'}`).sort();
}

async function pullOnce(user: TestUser, name: string): Promise<{ programs: string[]; days: number; exercises: number }> {
  const device = await openTestDevice(stack, user, { name, tables: PROGRAM_TABLES });
  await device.syncNow();
  const result = { programs: await programNames(device), days: (await deviceRows(device, 'program_days')).length, exercises: (await deviceRows(device, 'program_exercises')).length };
  await device.close();
  return result;
}

describe("a trainer's edits reach only their own clients", () => {
  it('the assigned client gets the copy and later edits; other clients and trainers get nothing', { timeout: 120_000 }, async () => {
    const phone = await openTestDevice(stack, coach, { name: 'coach-phone', tables: PROGRAM_TABLES });
    const { programId } = await buildAndAssign(phone, alex);
    await phone.syncNow();
    expect(await phone.localStore.rowErrors.count()).toBe(0);

    expect(await pullOnce(alex, 'alex-phone')).toEqual({ programs: ['Strength (client copy)'], days: 2, exercises: 2 });
    expect(await pullOnce(sam, 'sam-phone')).toEqual({ programs: [], days: 0, exercises: 0 });
    expect(await pullOnce(casey, 'casey-phone')).toEqual({ programs: [], days: 0, exercises: 0 });
    expect(await pullOnce(otherCoach, 'other-coach-laptop')).toEqual({ programs: [], days: 0, exercises: 0 });

    // A later edit of the client's copy reaches the client.
    const copy = await loadProgram(phone.db, programId);
    const squat = copy.exercises.find((e) => e.exercise_id === squatId);
    await editExercise(phone.db, squat?.id as string, { sets: 5, reps_min: 5, reps_max: 5 });
    await phone.syncNow();
    const alexPhone = await openTestDevice(stack, alex, { name: 'alex-phone-2', tables: PROGRAM_TABLES });
    await alexPhone.syncNow();
    const seen = (await deviceRows(alexPhone, 'program_exercises')).find((e) => e.exercise_id === squatId);
    expect(seen).toMatchObject({ sets: 5, reps_min: 5, reps_max: 5 });
    await alexPhone.close();

    // Editing the template later leaves the client's copy as it was.
    const template = await loadProgram(phone.db, (await deviceRows(phone, 'programs')).find((p) => p.client_id === null)?.id as string);
    const templateSquat = template.exercises.find((e) => e.exercise_id === squatId);
    await editExercise(phone.db, templateSquat?.id as string, { sets: 8 });
    await phone.syncNow();
    expect(await sql(stack.superuserUrl, `select sets from public.program_exercises where exercise_id = $1 and not deleted order by client_id nulls first`, [squatId])).toEqual([{ sets: 8 }, { sets: 5 }]);

    // Assigning to someone else's client is refused by the server with its reason, and stays off it.
    await assignToClient(phone.db, (await deviceRows(phone, 'programs')).find((p) => p.client_id === null)?.id as string, casey.userId, null);
    await phone.syncNow();
    const refused = await phone.localStore.rowErrors.where('collection').equals('programs').toArray();
    expect(refused.map((e) => e.code)).toEqual(['42501']);
    expect(await sql(stack.superuserUrl, `select id from public.programs where client_id = $1`, [casey.userId])).toEqual([]);
    await phone.close();
  });
});

describe('removing a client', () => {
  it('ends the trainer’s access to the client’s data; the client keeps it', { timeout: 120_000 }, async () => {
    const client = await createTestUser(stack, 'client', 'jordan');
    await linkTrainerAndClient(stack, coach, client);
    const phone = await openTestDevice(stack, coach, { name: 'coach-phone-removal', tables: PROGRAM_TABLES });
    const { programId } = await buildAndAssign(phone, client);
    await phone.syncNow();
    // The client logs a workout.
    const clientDevice = await openTestDevice(stack, client, { name: 'jordan-phone', tables: ['workout_sessions'] });
    await insertRow(clientDevice.db, 'workout_sessions', sessionFields(client.userId, { name: 'Ad hoc', status: 'completed', started_at: new Date(Date.now() - 3600_000).toISOString(), ended_at: new Date().toISOString() }));
    await clientDevice.syncNow();
    await clientDevice.close();

    const coachApi: SupabaseClient = await signedInClient(stack, coach);
    const readable = async () => ({
      programs: (await coachApi.from('programs').select('id').eq('client_id', client.userId)).data?.length,
      days: (await coachApi.from('program_days').select('id').eq('client_id', client.userId)).data?.length,
      sessions: (await coachApi.from('workout_sessions').select('id').eq('client_id', client.userId)).data?.length,
      profile: (await coachApi.from('profiles').select('id').eq('id', client.userId)).data?.length,
      details: (await coachApi.from('client_profiles').select('id').eq('client_id', client.userId)).data?.length,
    });
    expect(await readable()).toEqual({ programs: 1, days: 2, sessions: 1, profile: 1, details: 1 });

    // The trainer removes the client (as the roster screen does).
    const removed = await coachApi.from('trainer_clients').update({ status: 'removed' }).eq('client_id', client.userId).select('status');
    expect(removed.error).toBeNull();
    expect(await readable()).toEqual({ programs: 0, days: 0, sessions: 0, profile: 0, details: 0 });

    // A fresh trainer device pulls none of it; an edit from the old device is refused.
    const laptop = await openTestDevice(stack, coach, { name: 'coach-laptop-removal', tables: PROGRAM_TABLES });
    await laptop.syncNow();
    expect((await deviceRows(laptop, 'programs')).filter((p) => p.client_id === client.userId)).toEqual([]);
    await laptop.close();
    await editProgram(phone.db, programId, { name: 'Edited after removal' });
    await phone.syncNow();
    expect((await phone.localStore.rowErrors.toArray()).find((e) => e.rowId === programId)?.code).toBe('42501');
    expect(await sql(stack.superuserUrl, `select name from public.programs where id = $1`, [programId])).toEqual([{ name: 'Strength' }]);
    await phone.close();

    // The client still has everything.
    const clientApi = await signedInClient(stack, client);
    expect((await clientApi.from('programs').select('name').eq('id', programId)).data).toEqual([{ name: 'Strength' }]);
    expect((await clientApi.from('workout_sessions').select('name')).data).toEqual([{ name: 'Ad hoc' }]);
  });
});

describe("a client cannot edit their program's prescriptions", () => {
  it('refuses the push from the client’s device with its reason and through the API', { timeout: 120_000 }, async () => {
    const phone = await openTestDevice(stack, coach, { name: 'coach-phone-rights', tables: PROGRAM_TABLES });
    const client = await createTestUser(stack, 'client', 'riley');
    await linkTrainerAndClient(stack, coach, client);
    const { programId } = await buildAndAssign(phone, client);
    await phone.syncNow();
    await phone.close();

    const clientPhone = await openTestDevice(stack, client, { name: 'riley-phone', tables: PROGRAM_TABLES });
    await clientPhone.syncNow();
    const [prescription] = (await deviceRows(clientPhone, 'program_exercises')).filter((e) => e.exercise_id === squatId);
    expect(prescription).toMatchObject({ sets: 3 });
    await editRow(clientPhone.db, 'program_exercises', prescription?.id as string, { sets: 1, load_kg: 20 });
    await editRow(clientPhone.db, 'programs', programId, { current_week: 1, name: 'My own plan' });
    await clientPhone.syncNow();
    const errors = await clientPhone.localStore.rowErrors.toArray();
    expect(errors.map((e) => [e.collection, e.code]).sort()).toEqual([
      ['program_exercises', '42501'],
      ['programs', '42501'],
    ]);
    expect(errors[0]?.message).toMatch(/row-level security/);
    await clientPhone.close();

    const onServer = await sql<{ sets: number; load_kg: string | null }>(stack.superuserUrl, `select sets, load_kg from public.program_exercises where id = $1`, [prescription?.id]);
    expect(onServer).toEqual([{ sets: 3, load_kg: null }]);

    // Straight through PostgREST: nothing is changed, added or deleted.
    const api = await signedInClient(stack, client);
    const update = await api.from('program_exercises').update({ sets: 1 }).eq('id', prescription?.id).select('id');
    expect(update.data ?? []).toEqual([]);
    const dayId = (await sql<{ id: string }>(stack.superuserUrl, `select id from public.program_days where program_id = $1 limit 1`, [programId]))[0]?.id;
    const insert = await api.from('program_exercises').insert({ program_day_id: dayId, exercise_id: rowId, position: 'a9', sets: 1 });
    expect(insert.error?.code).toBe('42501');
    await api.from('program_exercises').delete().eq('id', prescription?.id);
    expect(await sql(stack.superuserUrl, `select sets, deleted from public.program_exercises where id = $1`, [prescription?.id])).toEqual([{ sets: 3, deleted: false }]);
  });
});

describe('auto-advance', () => {
  it('moves a progressive program to week 2 when the client has done every day of week 1, and the trainer sees it', { timeout: 120_000 }, async () => {
    const client = await createTestUser(stack, 'client', 'morgan');
    await linkTrainerAndClient(stack, coach, client);
    const phone = await openTestDevice(stack, coach, { name: 'coach-phone-advance', tables: PROGRAM_TABLES });
    const { programId } = await buildAndAssign(phone, client);
    await editProgram(phone.db, programId, { kind: 'progressive', weeks: 3, auto_advance: true });
    await phone.syncNow();
    const days = (await loadProgram(phone.db, programId)).days.sort((a, b) => (a.position < b.position ? -1 : 1));

    const clientPhone = await openTestDevice(stack, client, { name: 'morgan-phone', tables: ['workout_sessions'] });
    const done = (dayId: string) => sessionFields(client.userId, { program_day_id: dayId, week_index: 1, status: 'completed', started_at: new Date(Date.now() - 3600_000).toISOString(), ended_at: new Date().toISOString() });
    await insertRow(clientPhone.db, 'workout_sessions', done(days[0]?.id as string));
    await clientPhone.syncNow();
    expect(await sql(stack.superuserUrl, `select current_week from public.programs where id = $1`, [programId])).toEqual([{ current_week: 1 }]);
    await insertRow(clientPhone.db, 'workout_sessions', done(days[1]?.id as string));
    await clientPhone.syncNow();
    await clientPhone.close();
    expect(await sql(stack.superuserUrl, `select current_week, status from public.programs where id = $1`, [programId])).toEqual([{ current_week: 2, status: 'active' }]);

    await phone.syncNow();
    expect((await deviceRows(phone, 'programs')).find((p) => p.id === programId)).toMatchObject({ current_week: 2 });
    await phone.close();
  });
});

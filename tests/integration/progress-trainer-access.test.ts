/**
 * A client's measurements and weekly check-ins reach their trainer's device, and the
 * trainer's response reaches the client's; a trainer the client never worked with sees none
 * of it and cannot respond. The client answers offline; the check-in is submitted when the
 * device reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editRow, insertRow } from '../../src/db/writes';
import { normaliseAnswers } from '../../src/features/progress/check-in-answers';
import { defaultQuestions } from '../../src/features/progress/check-in-model';
import { createTestUser, deviceRows, linkTrainerAndClient, openTestDevice, sql, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let trainer: TestUser;
let stranger: TestUser;
let client: TestUser;
const TABLES = ['measurements', 'check_ins'] as const;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  stranger = await createTestUser(stack, 'trainer', 'stranger');
  client = await createTestUser(stack, 'client', 'alex');
  await linkTrainerAndClient(stack, trainer, client);
});

afterAll(async () => {
  await stack?.stop();
});

describe("a client's check-ins and measurements", () => {
  it('reach their trainer, who responds; an unrelated trainer sees nothing and cannot respond', { timeout: 120_000 }, async () => {
    // The trainer's questionnaire, as the trainer's screen saves it.
    const trainerDevice = await openTestDevice(stack, trainer, { name: 'coach-laptop', tables: TABLES });
    const questions = defaultQuestions();
    const { data: form, error: formError } = await trainerDevice.supabase
      .from('check_in_forms')
      .insert({ trainer_id: trainer.userId, name: 'Weekly check-in', questions, active: true })
      .select('id')
      .single();
    expect(formError).toBeNull();

    // The client, offline: a measurement and a check-in answering the form.
    const phone = await openTestDevice(stack, client, { name: 'phone', tables: TABLES });
    const { data: forms } = await phone.supabase.from('check_in_forms').select('id, questions').eq('active', true);
    expect(forms?.map((f) => f.id)).toEqual([form?.id]);
    const measurement = await insertRow(phone.db, 'measurements', {
      client_id: client.userId,
      measured_at: '2026-11-30T07:00:00.000Z',
      weight_kg: 81.4,
      body_fat_pct: 18.5,
      neck_cm: null,
      chest_cm: 102,
      arm_cm: 36.5,
      waist_cm: 84,
      hips_cm: null,
      thigh_cm: 58,
      calf_cm: null,
      skinfolds: { triceps: 12 },
      notes: null,
    });
    const checkIn = await insertRow(phone.db, 'check_ins', {
      client_id: client.userId,
      trainer_id: trainer.userId,
      form_id: form?.id ?? null,
      week_start: '2026-11-30',
      questions,
      answers: normaliseAnswers(questions, { energy: 7, sleep_hours: 7.5, on_plan: true, notes: 'Knee felt better' }),
      status: 'pending',
      submitted_at: new Date().toISOString(),
      trainer_response: null,
      reviewed_at: null,
    });
    expect(await sql(stack.superuserUrl, `select id from public.check_ins where client_id = $1`, [client.userId])).toEqual([]);
    await phone.syncNow();

    // The trainer sees both and responds.
    await trainerDevice.syncNow();
    const seen = await deviceRows(trainerDevice, 'check_ins');
    expect(seen.map((c) => [c.id, c.status, (c.answers as Record<string, unknown>).notes])).toEqual([
      [checkIn.id, 'pending', 'Knee felt better'],
    ]);
    expect((await deviceRows(trainerDevice, 'measurements')).map((m) => [m.id, m.weight_kg, m.waist_cm])).toEqual([
      [measurement.id, 81.4, 84],
    ]);
    await editRow(trainerDevice.db, 'check_ins', checkIn.id, {
      trainer_response: 'Great week, keep the knee work going.',
      status: 'reviewed',
      reviewed_at: new Date().toISOString(),
    });
    await trainerDevice.syncNow();
    expect(await trainerDevice.engine?.pendingChangeCount()).toBe(0);

    // The client's device gets the response.
    await phone.syncNow();
    const [answered] = await deviceRows(phone, 'check_ins');
    expect([answered?.status, answered?.trainer_response]).toEqual(['reviewed', 'Great week, keep the knee work going.']);
    expect(answered?.reviewed_at).toEqual(expect.any(String));

    // An unrelated trainer's device pulls nothing, and cannot respond by any route.
    const strangerDevice = await openTestDevice(stack, stranger, { name: 'stranger-laptop', tables: TABLES });
    await strangerDevice.syncNow();
    expect(await deviceRows(strangerDevice, 'check_ins')).toEqual([]);
    expect(await deviceRows(strangerDevice, 'measurements')).toEqual([]);
    const { data: read } = await strangerDevice.supabase.from('check_ins').select('id').eq('client_id', client.userId);
    expect(read).toEqual([]);
    const { data: updated } = await strangerDevice.supabase
      .from('check_ins')
      .update({ trainer_response: 'Hijacked' })
      .eq('id', checkIn.id)
      .select('id');
    expect(updated).toEqual([]);
    const { data: pushed } = await strangerDevice.supabase.rpc('sync_push', {
      p_table: 'check_ins',
      p_rows: [
        {
          doc: { ...answered, trainer_id: stranger.userId, trainer_response: 'Hijacked', deleted: false },
          assumed_rev: answered?.server_rev,
        },
      ],
    });
    expect((pushed as { errors: Array<{ code: string }> }).errors.map((e) => e.code)).toEqual(['42501']);
    const { data: forms2 } = await strangerDevice.supabase.from('check_in_forms').select('id').eq('trainer_id', trainer.userId);
    expect(forms2).toEqual([]);
    const [stored] = await sql<{ trainer_response: string; status: string }>(
      stack.superuserUrl,
      `select trainer_response, status from public.check_ins where id = $1`,
      [checkIn.id],
    );
    expect(stored).toEqual({ trainer_response: 'Great week, keep the knee work going.', status: 'reviewed' });

    // The trainer may respond but not rewrite the client's answers.
    const { error: rewrite } = await trainerDevice.supabase
      .from('check_ins')
      .update({ answers: { energy: 1 } })
      .eq('id', checkIn.id);
    expect(rewrite?.code).toBe('42501');

    await strangerDevice.close();
    await trainerDevice.close();
    await phone.close();
  });
});

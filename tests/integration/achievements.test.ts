/**
 * Achievements are granted by the server as the rows that earn them arrive, and never twice:
 * two devices of one client that finish the same workout and tick the same habit days
 * offline, then sync, leave exactly one of each achievement. The server's grants agree with
 * the device's rules (src/features/progress/achievement-rules.ts), key for key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { habitLogId } from '../../src/db/ids';
import { editRow, insertRow } from '../../src/db/writes';
import { earnedAchievements } from '../../src/features/progress/achievement-rules';
import { createTestUser, deviceRows, openTestDevice, sql, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields, setLogFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let client: TestUser;
let squatId: string;

const TABLES = ['workout_sessions', 'set_logs', 'habits', 'habit_logs', 'goals'] as const;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
  squatId = await createExercise(stack, 'Back squat');
});

afterAll(async () => {
  await stack?.stop();
});

async function achievementKeys(clientId: string): Promise<string[]> {
  const rows = await sql<{ key: string }>(stack.superuserUrl, `select key from public.achievements where client_id = $1 order by key`, [
    clientId,
  ]);
  return rows.map((r) => r.key);
}

describe('achievements', () => {
  it('are granted once when two devices sync the same workout and the same habit ticks', { timeout: 120_000 }, async () => {
    const phone = await openTestDevice(stack, client, { name: 'phone', tables: TABLES });
    const tablet = await openTestDevice(stack, client, { name: 'tablet', tables: TABLES });

    // The phone starts a workout and creates a habit online; the tablet pulls both.
    const session = await insertRow(phone.db, 'workout_sessions', sessionFields(client.userId));
    const habit = await insertRow(phone.db, 'habits', {
      client_id: client.userId,
      trainer_id: null,
      name: 'Drink water',
      description: null,
      cadence: 'daily',
      target_per_period: 1,
      target_value: null,
      unit: null,
      starts_on: '2026-11-01',
      ends_on: null,
      archived: false,
    });
    await phone.syncNow();
    await tablet.syncNow();
    expect((await deviceRows(tablet, 'workout_sessions')).map((s) => s.id)).toEqual([session.id]);
    await phone.goOffline();
    await tablet.goOffline();

    // Offline, both finish the same workout and tick the same three days.
    for (const device of [phone, tablet]) {
      await editRow(device.db, 'workout_sessions', session.id, {
        status: 'completed',
        ended_at: new Date().toISOString(),
        duration_seconds: 3600,
      });
      for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) {
        await insertRow(device.db, 'habit_logs', {
          id: habitLogId(habit.id, day),
          habit_id: habit.id,
          client_id: client.userId,
          log_date: day,
          done: true,
          value: null,
          notes: null,
        });
      }
    }
    expect(await achievementKeys(client.userId)).toEqual([]);

    // Both reconnect at the same time.
    await Promise.all([phone.syncNow(), tablet.syncNow()]);
    await Promise.all([phone.syncNow(), tablet.syncNow()]);

    const rows = await sql<{ key: string; kind: string; title: string }>(
      stack.superuserUrl,
      `select key, kind, title from public.achievements where client_id = $1 order by key`,
      [client.userId],
    );
    expect(rows).toEqual([
      { key: 'milestone:first_workout', kind: 'milestone', title: 'First workout' },
      { key: `streak:habit:${habit.id}:3`, kind: 'streak', title: '3-day streak: Drink water' },
    ]);
    expect(await sql(stack.superuserUrl, `select count(*)::int as n from public.habit_logs where habit_id = $1`, [habit.id])).toEqual([
      { n: 3 },
    ]);

    // Syncing again, editing the workout again or re-ticking changes nothing.
    await editRow(phone.db, 'workout_sessions', session.id, { rating: 4 });
    await phone.syncNow();
    expect(await achievementKeys(client.userId)).toEqual(rows.map((r) => r.key));

    // The device's rules give the same keys from the device's own replica.
    const local = earnedAchievements({
      sessions: (await deviceRows(phone, 'workout_sessions')) as never,
      sets: (await deviceRows(phone, 'set_logs')) as never,
      habits: (await deviceRows(phone, 'habits')) as never,
      habitLogs: (await deviceRows(phone, 'habit_logs')) as never,
      goals: (await deviceRows(phone, 'goals')) as never,
    });
    expect(local.map((a) => a.key).sort()).toEqual(rows.map((r) => r.key));

    await phone.close();
    await tablet.close();
  });

  it('grants a PR and a reached goal with the same keys as the device rules, once each', { timeout: 60_000 }, async () => {
    const lifter = await createTestUser(stack, 'client', 'presser');
    const device = await openTestDevice(stack, lifter, { name: 'phone', tables: TABLES });
    const first = await insertRow(
      device.db,
      'workout_sessions',
      sessionFields(lifter.userId, { status: 'completed', started_at: '2026-11-20T10:00:00.000Z' }),
    );
    await insertRow(
      device.db,
      'set_logs',
      setLogFields(first.id, lifter.userId, squatId, 1, { weight_kg: 100, reps: 5, done: true, performed_at: '2026-11-20T10:10:00.000Z' }),
    );
    const second = await insertRow(
      device.db,
      'workout_sessions',
      sessionFields(lifter.userId, { status: 'completed', started_at: '2026-11-27T10:00:00.000Z' }),
    );
    await insertRow(
      device.db,
      'set_logs',
      setLogFields(second.id, lifter.userId, squatId, 1, {
        weight_kg: 102.5,
        reps: 3,
        done: true,
        performed_at: '2026-11-27T10:10:00.000Z',
      }),
    );
    await insertRow(
      device.db,
      'set_logs',
      setLogFields(second.id, lifter.userId, squatId, 2, { weight_kg: 100, reps: 6, done: true, performed_at: '2026-11-27T10:15:00.000Z' }),
    );
    const goal = await insertRow(device.db, 'goals', {
      client_id: lifter.userId,
      trainer_id: null,
      title: 'Squat 102.5',
      metric: 'exercise_1rm',
      exercise_id: squatId,
      unit: 'kg',
      start_value: 100,
      current_value: 100,
      target_value: 102.5,
      target_date: null,
      status: 'active',
      achieved_at: null,
      notes: null,
    });
    await device.syncNow();
    await editRow(device.db, 'goals', goal.id, { status: 'completed', achieved_at: new Date().toISOString(), current_value: 102.5 });
    await device.syncNow();

    const server = await achievementKeys(lifter.userId);
    expect(server).toEqual([`goal:${goal.id}`, 'milestone:first_workout', `pr:${squatId}:102.5kg`].sort());
    const local = earnedAchievements({
      sessions: (await deviceRows(device, 'workout_sessions')) as never,
      sets: (await deviceRows(device, 'set_logs')) as never,
      habits: [],
      habitLogs: [],
      goals: (await deviceRows(device, 'goals')) as never,
    });
    expect(local.map((a) => a.key).sort()).toEqual(server);
    const [pr] = await sql<{ title: string }>(
      stack.superuserUrl,
      `select title from public.achievements where client_id = $1 and kind = 'pr'`,
      [lifter.userId],
    );
    expect(pr?.title).toBe('PR: Back squat 102.5 kg');

    // No device may write achievements itself (granted by the server only).
    const { error } = await device.supabase
      .from('achievements')
      .insert({ client_id: lifter.userId, kind: 'fun', key: 'fun:self-made', title: 'Made it up' });
    expect(error?.code).toBe('42501');
    await device.close();
  });

  it('date a personal record by when its set was lifted, not when the server heard of it', async () => {
    const lifter = await createTestUser(stack, 'client', 'historian');
    // A history imported today: a workout 30 days ago, and a heavier one 10 days ago.
    for (const [daysAgo, kg] of [[30, 100], [10, 110]] as const) {
      await sql(
        stack.superuserUrl,
        `with s as (insert into public.workout_sessions (client_id, status, started_at, ended_at) values ($1, 'completed', now() - make_interval(days => $3), now() - make_interval(days => $3) + interval '1 hour') returning id)
         insert into public.set_logs (session_id, client_id, exercise_id, set_index, weight_kg, reps, done, performed_at) select s.id, $1, $2, 1, $4, 3, true, now() - make_interval(days => $3) from s`,
        [lifter.userId, squatId, daysAgo, kg],
      );
    }
    const [pr] = await sql<{ days_ago: number }>(
      stack.superuserUrl,
      `select round(extract(epoch from now() - earned_at) / 86400)::int as days_ago from public.achievements where client_id = $1 and key = $2`,
      [lifter.userId, `pr:${squatId}:110kg`],
    );
    expect(pr?.days_ago).toBe(10);
  });
});

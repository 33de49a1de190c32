/**
 * Issue 24.10: a trainer's weekly windows never overlap, whoever writes them (the trainer's
 * device through /rest/v1 here): the same day and zone for overlapping dates is refused with a
 * message naming both windows; touching windows, other days, other zones, other seasons and a
 * removed window are fine; an edit into an overlap is refused too, and nothing stored changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWindows, createUsers } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let T: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  [T] = (await createUsers(stack, 'trainer', 1)) as [TestUser];
  await addWindows(T, [{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', timezone: 'Europe/London' }]);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const insert = (row: Record<string, unknown>) =>
  T.client.from('trainer_availability').insert({ trainer_id: T.id, timezone: 'Europe/London', session_minutes: 60, break_minutes: 0, day_of_week: 1, ...row });

async function liveWindows(): Promise<string[]> {
  const { data } = await T.client.from('trainer_availability').select('day_of_week, start_time, end_time, timezone').eq('deleted', false);
  return (data ?? []).map((w) => `${w.day_of_week} ${w.start_time}-${w.end_time} ${w.timezone}`).sort();
}

describe('weekly windows', () => {
  it('refuses hours overlapping others on the same day, naming both', async () => {
    const { error } = await insert({ start_time: '11:00', end_time: '13:00' });
    expect(error?.code).toBe('23P01');
    expect(error?.message).toBe('trainer_availability: 11:00–13:00 overlaps your hours 09:00–12:00 on the same day');
    expect((await insert({ start_time: '10:00', end_time: '11:00' })).error?.code).toBe('23P01');
    expect((await insert({ start_time: '08:00', end_time: '24:00' })).error?.code).toBe('23P01');
  });

  it('accepts touching hours, other days, other zones and seasons that do not meet', async () => {
    expect((await insert({ start_time: '12:00', end_time: '14:00' })).error).toBeNull();
    expect((await insert({ start_time: '09:00', end_time: '12:00', day_of_week: 2 })).error).toBeNull();
    expect((await insert({ start_time: '09:00', end_time: '12:00', timezone: 'America/New_York' })).error).toBeNull();
    expect((await insert({ start_time: '06:00', end_time: '08:00', effective_until: '2026-01-31' })).error).toBeNull();
    expect((await insert({ start_time: '06:00', end_time: '08:00', effective_from: '2026-02-01' })).error).toBeNull();
    expect((await insert({ start_time: '07:00', end_time: '08:00', effective_from: '2026-01-15', effective_until: '2026-02-15' })).error?.code).toBe(
      '23P01',
    );
  });

  it('refuses an edit into an overlap and keeps the window as it was; a removed window frees its hours', async () => {
    const before = await liveWindows();
    const { data } = await T.client.from('trainer_availability').select('id').eq('day_of_week', 1).eq('start_time', '12:00:00').single();
    const edit = await T.client.from('trainer_availability').update({ start_time: '11:30' }).eq('id', data!.id);
    expect(edit.error?.code).toBe('23P01');
    expect(await liveWindows()).toEqual(before);
    await T.client.from('trainer_availability').update({ deleted: true }).eq('id', data!.id);
    expect((await insert({ start_time: '12:00', end_time: '13:00' })).error).toBeNull();
  });
});

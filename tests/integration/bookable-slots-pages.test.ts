/**
 * Issue 16.8: PostgREST answers at most 1,000 rows, locally as on hosted. A trainer with
 * 5-minute sessions all day has 288 free slots a day, 8,000 in the 4 weeks a client's device
 * keeps: one call is cut at 1,000 without a word, and the device reads them page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBookableSlots, SLOT_DAYS_AHEAD } from '@/features/bookings/bookings-api';
import { addAllDayWindows, connectAll, createUsers } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let trainer: TestUser;
let client: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  [trainer] = (await createUsers(stack, 'trainer', 1, 'Robin')) as [TestUser];
  [client] = (await createUsers(stack, 'client', 1)) as [TestUser];
  await connectAll([trainer], [client]);
  await addAllDayWindows(trainer, 5);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('free slots past 1,000', () => {
  it('reads every free slot of 4 weeks, in order and without repeats, where one call stops at 1,000', async () => {
    const from = day(1);
    const to = day(SLOT_DAYS_AHEAD - 1);
    const single = await client.client.rpc('bookable_slots', { p_trainer_id: trainer.id, p_from: from, p_to: to });
    expect(single.error).toBeNull();
    expect(single.data).toHaveLength(1000);

    const { data, error } = await readBookableSlots(client.client, trainer.id, from, to);
    expect(error).toBeNull();
    const starts = (data as Array<{ starts_at: string }>).map((s) => new Date(s.starts_at).getTime());
    expect(starts).toHaveLength((SLOT_DAYS_AHEAD - 1) * 288);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts.every((t, i) => i === 0 || t - (starts[i - 1] as number) === 5 * 60_000)).toBe(true);
  });
});

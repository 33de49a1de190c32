/**
 * The demo world of supabase/seed.sql reaches every demo device whole: each synced row passes
 * the device's zod models (a seed row the app refuses would show as a sync error to anyone
 * trying the demo), and each demo user receives the rows RLS lets them read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLE_NAMES } from '../../src/db/collections';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { deviceRows, openTestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ seed: 'supabase/seed.sql' });
});

afterAll(async () => {
  await stack?.stop();
});

const demoUsers: TestUser[] = DEMO_ACCOUNTS.filter((a) => !a.label.includes('admin')).map((a) => ({
  userId: a.id,
  email: a.email,
  password: a.password,
  role: a.label.includes('trainer') ? 'trainer' : 'client',
}));

describe('the demo seed on a device', () => {
  it.each(demoUsers.map((u) => [u.email, u] as const))('%s syncs every row with no refused row', { timeout: 90_000 }, async (_email, user) => {
    const device = await openTestDevice(stack, user, { name: user.email.split('@')[0] ?? 'demo' });
    await device.syncNow();
    expect(await device.localStore.rowErrors.toArray()).toEqual([]);
    const counts = Object.fromEntries(await Promise.all(SYNCED_TABLE_NAMES.map(async (t) => [t, (await deviceRows(device, t)).length] as const)));
    // Every demo user has a program, logged workouts and habits to look at.
    expect(counts.programs).toBeGreaterThan(0);
    expect(counts.set_logs).toBeGreaterThan(0);
    expect(counts.habit_logs).toBeGreaterThan(0);
    await device.close();
  });
});

/**
 * Issue 16.3: a device drops what its user may no longer read. A trainer's device holds two
 * clients' workouts; the trainer removes one client, and the other client leaves: at the next
 * check the device has neither one's rows, the third client's are still there, and the server
 * lost nothing (the device's removals are never pushed). A row an admin moves away goes at the
 * daily re-check. The device's own unsent rows are never dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow } from '../../src/db/writes';
import { checkAccess } from '../../src/sync/lost-access';
import { supabaseRpc } from '../../src/sync/rpc';
import {
  createTestUser,
  deviceRows,
  linkTrainerAndClient,
  openTestDevice,
  serverRows,
  signedInClient,
  sql,
  type TestUser,
} from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { sessionFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let trainer: TestUser;
let removed: TestUser;
let leaving: TestUser;
let staying: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  [removed, leaving, staying] = (await Promise.all(['removed', 'leaving', 'staying'].map((n) => createTestUser(stack, 'client', n)))) as [TestUser, TestUser, TestUser];
  for (const client of [removed, leaving, staying]) await linkTrainerAndClient(stack, trainer, client);
});

afterAll(async () => {
  await stack?.stop();
});

const heldBy = async (device: Awaited<ReturnType<typeof openTestDevice>>) =>
  new Set((await deviceRows(device, 'workout_sessions')).map((r) => String(r.client_id)));

describe('lost access', () => {
  it('drops a removed client’s and a departed client’s rows from the trainer’s device, and nothing on the server', { timeout: 90_000 }, async () => {
    for (const client of [removed, leaving, staying]) {
      const phone = await openTestDevice(stack, client, { name: `phone-${client.userId.slice(0, 8)}`, tables: ['workout_sessions'] });
      await insertRow(phone.db, 'workout_sessions', sessionFields(client.userId, { name: 'Legs' }));
      await phone.syncNow();
      await phone.close();
    }
    const laptop = await openTestDevice(stack, trainer, { name: 'laptop', tables: ['workout_sessions'] });
    await laptop.syncNow();
    expect(await heldBy(laptop)).toEqual(new Set([removed.userId, leaving.userId, staying.userId]));
    expect(await laptop.engine!.checkAccess()).toBe(0);

    // The trainer removes one client; another leaves from their own device.
    const coach = await signedInClient(stack, trainer);
    expect((await coach.from('trainer_clients').update({ status: 'removed' }).eq('client_id', removed.userId)).error).toBeNull();
    const leaver = await signedInClient(stack, leaving);
    expect((await leaver.from('trainer_clients').update({ status: 'removed' }).eq('trainer_id', trainer.userId)).error).toBeNull();

    // The trainer's own unsent work stays, whatever happens.
    await laptop.goOffline();
    const draft = await insertRow(laptop.db, 'workout_sessions', sessionFields(staying.userId, { name: 'Planned by coach' }));
    await laptop.goOnline();
    expect(await laptop.engine!.checkAccess()).toBe(2);
    await laptop.syncNow();
    expect(await heldBy(laptop)).toEqual(new Set([staying.userId]));
    expect((await deviceRows(laptop, 'workout_sessions')).map((r) => r.id)).toContain(draft.id);

    // The server kept everyone's rows: the device's removals were never sent.
    const onServer = await serverRows(stack, 'workout_sessions', 'not deleted');
    for (const client of [removed, leaving, staying]) expect(onServer.some((r) => r.client_id === client.userId)).toBe(true);
    await laptop.close();
  });

  it('a row an admin moved to someone else goes at the daily re-check', { timeout: 60_000 }, async () => {
    const laptop = await openTestDevice(stack, trainer, { name: 'laptop-2', tables: ['workout_sessions'] });
    await laptop.syncNow();
    await laptop.engine!.checkAccess();
    const [row] = (await deviceRows(laptop, 'workout_sessions')).filter((r) => r.client_id === staying.userId);
    const stranger = await createTestUser(stack, 'client', 'stranger');
    await sql(stack.superuserUrl, `begin; set local sync.allow_owner_change = on; update public.workout_sessions set client_id = $1 where id = $2; commit;`.replace(/\$1/, `'${stranger.userId}'`).replace(/\$2/, `'${row!.id}'`));

    const rpc = supabaseRpc(laptop.supabase);
    const stores = { rpc, store: laptop.localStore, replications: laptop.engine!.replications as never };
    expect((await checkAccess(stores)).checked).toBe(false); // same fingerprint, checked just now
    expect(await checkAccess({ ...stores, now: () => Date.now() + 25 * 3_600_000 })).toEqual({ checked: true, dropped: 1 });
    expect((await deviceRows(laptop, 'workout_sessions')).map((r) => r.id)).not.toContain(row!.id);
    await laptop.close();
  });
});

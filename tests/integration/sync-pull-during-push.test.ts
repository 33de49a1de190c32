/**
 * A pull that runs while this device's own push is finishing: the server has committed the
 * pushed rows (with new revisions) and serves them to the pull before the device has recorded
 * that the push went through. The device must still end with the server's revisions: RxDB
 * skips a pulled row that looks like an unsent local edit, and the checkpoint moves past it,
 * so without waiting for the push to be recorded the device kept its pre-push revision until
 * the row changed again (and its next edit was refused once as a conflict).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../../src/db/writes';
import { newRowId } from '../../src/db/ids';
import { supabaseRpc, type SyncRpc } from '../../src/sync/rpc';
import { createTestUser, deviceRows, openTestDevice, serverRows, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { programFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let trainer: TestUser;
let device: TestDevice;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  device = await openTestDevice(stack, trainer, { name: 'laptop', tables: ['programs'] });
});

afterAll(async () => {
  await device?.close();
  await stack?.stop();
});

describe('a pull during the device’s own push', () => {
  it('leaves the device with the revisions the server gave its rows', { timeout: 60_000 }, async () => {
    const real = supabaseRpc(device.supabase);
    const deferred = () => {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    };
    const pushCommitted = deferred();
    const pulled = deferred();
    let delayedPushes = 0;
    // At start the first pull and the first push run side by side. Here the pull reads the
    // server just after the push committed, and the push's answer comes back only after that.
    const rpc: SyncRpc = async (fn, args) => {
      if (fn === 'sync_pull') {
        await Promise.race([pushCommitted.promise, sleep(5000)]);
        const answer = await real(fn, args);
        pulled.resolve();
        return answer;
      }
      const answer = await real(fn, args);
      if (fn !== 'sync_push' || delayedPushes > 0) return answer;
      delayedPushes += 1;
      pushCommitted.resolve();
      await Promise.race([pulled.promise, sleep(5000)]);
      await sleep(300);
      return answer;
    };

    const ids = [newRowId(), newRowId(), newRowId()];
    await insertRows(device.db, 'programs', ids.map((id, i) => ({ ...programFields(trainer.userId, { name: `Block ${i}` }), id })));
    const engine = await device.goOnline({ rpc });
    await engine.awaitInSync();
    await engine.awaitInSync();

    expect(delayedPushes).toBe(1);
    const server = await serverRows(stack, 'programs');
    expect(server.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of server) expect(typeof row.server_rev).toBe('number');
    expect(await deviceRows(device, 'programs')).toEqual(server);
  });
});

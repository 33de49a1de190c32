/**
 * Revisions after a push. A row's server_rev counts its writes on the server (1 when inserted,
 * one more per update), and a device stamps its new rows 1 too. So:
 * - a row made on the device and pushed comes back from the pull equal, and the device does
 *   not write it again (in a browser, that second write of every pushed set was most of a
 *   push's time);
 * - an edited row comes back with the server's next revision, and the device's next edit is
 *   conditional on that one, so it lands without a conflict.
 */
import type { RxCollection } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { editRow, insertRows } from '../../src/db/writes';
import { supabaseRpc, type SyncRpc } from '../../src/sync/rpc';
import { createTestUser, deviceRows, openTestDevice, serverRows, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { programFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let trainer: TestUser;
let device: TestDevice;
/** What every sync_push answered, in order. */
const pushAnswers: Array<{ conflicts: unknown[]; errors: unknown[]; written: number }> = [];

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  device = await openTestDevice(stack, trainer, { name: 'laptop', tables: ['programs'] });
  const real = supabaseRpc(device.supabase);
  const rpc: SyncRpc = async (fn, args) => {
    const answer = await real(fn, args);
    if (fn === 'sync_push' && !answer.error) pushAnswers.push(answer.data as (typeof pushAnswers)[number]);
    return answer;
  };
  await device.goOnline({ rpc });
});

afterAll(async () => {
  await device?.close();
  await stack?.stop();
});

/** How many times the device's storage has written each row (RxDB's revision height). */
async function storageWrites(ids: string[]): Promise<number[]> {
  const collection = device.db.rx.collections.programs as unknown as RxCollection<Record<string, unknown>>;
  const docs = await collection.findByIds(ids).exec();
  return ids.map((id) => Number(docs.get(id)?.revision.split('-')[0]));
}

describe('revisions after a push', () => {
  it('keeps a pushed new row as it was written, and takes the next revision after each edit', { timeout: 60_000 }, async () => {
    const ids = [newRowId(), newRowId(), newRowId()];
    await insertRows(
      device.db,
      'programs',
      ids.map((id, i) => ({ ...programFields(trainer.userId, { name: `Block ${i}` }), id })),
    );
    await device.syncNow();

    let server = await serverRows(stack, 'programs');
    expect(server.map((r) => [r.id, r.server_rev])).toEqual([...ids].sort().map((id) => [id, 1]));
    expect(await deviceRows(device, 'programs')).toEqual(server);
    // Written once, by the insert: the pull after the push changed nothing.
    expect(await storageWrites(ids)).toEqual([1, 1, 1]);

    const edited = ids[0] as string;
    await editRow(device.db, 'programs', edited, { name: 'Block 0, heavier' });
    await device.syncNow();
    await editRow(device.db, 'programs', edited, { name: 'Block 0, deload' });
    await device.syncNow();

    server = await serverRows(stack, 'programs');
    expect(server.find((r) => r.id === edited)).toMatchObject({ name: 'Block 0, deload', server_rev: 3 });
    expect(await deviceRows(device, 'programs')).toEqual(server);
    // Each edit went out conditional on the revision the pull brought: never a conflict.
    expect(pushAnswers.length).toBeGreaterThanOrEqual(3);
    expect(pushAnswers.filter((a) => a.conflicts.length > 0 || a.errors.length > 0)).toEqual([]);
  });
});

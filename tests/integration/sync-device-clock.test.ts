/**
 * Issue 16.6: a device clock in the future does not win every conflict. The server stores an
 * edit time more than 5 minutes ahead of its clock as its now; a later honest edit of the same
 * field from another device then wins the merge, on the server and on both devices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editRow, insertRow } from '../../src/db/writes';
import { createTestUser, deviceRows, openTestDevice, serverRows, sql, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { sessionFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let client: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
});

afterAll(async () => {
  await stack?.stop();
});

/** A device edit as a device whose clock says 2125 makes it: the edit time is 2125. */
async function editIn2125(device: TestDevice, id: string, changes: { name: string }): Promise<void> {
  const doc = await device.db.rx.collections.workout_sessions.findOne(id).exec();
  if (!doc) throw new Error('no such row');
  await doc.incrementalModify((data) => ({
    ...data,
    ...changes,
    updated_at: '2125-01-01T00:00:00.000Z',
    updated_by_device: device.deviceId,
  }));
}

describe('a device whose clock says 2125', () => {
  it('has its edit time stored as the server’s now, and loses to a later honest edit', { timeout: 60_000 }, async () => {
    const wrong = await openTestDevice(stack, client, { name: 'wrong-clock', tables: ['workout_sessions'] });
    const honest = await openTestDevice(stack, client, { name: 'honest', tables: ['workout_sessions'] });
    const row = await insertRow(wrong.db, 'workout_sessions', sessionFields(client.userId, { name: 'Legs' }));
    await wrong.syncNow();
    await honest.syncNow();

    // Both edit the name while apart; the wrong clock stamps its edit a century ahead.
    await wrong.goOffline();
    await editIn2125(wrong, row.id, { name: 'From the future' });
    expect((await deviceRows(wrong, 'workout_sessions')).find((r) => r.id === row.id)?.updated_at).toMatch(/^2125-/);
    await editRow(honest.db, 'workout_sessions', row.id, { name: 'Heavy legs' });
    await honest.syncNow();
    await wrong.syncNow();
    await honest.syncNow();

    const [stored] = await sql<{ name: string; updated_at: Date }>(stack.superuserUrl, `select name, updated_at from public.workout_sessions where id = $1`, [row.id]);
    expect(stored?.updated_at.getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    expect(stored?.name).toBe('Heavy legs');
    for (const device of [wrong, honest]) {
      expect((await deviceRows(device, 'workout_sessions')).find((r) => r.id === row.id)?.name).toBe('Heavy legs');
    }
    await wrong.close();
    await honest.close();
  });

  it('a new row pushed with a future time is stored with the server’s now', async () => {
    const device = await openTestDevice(stack, client, { name: 'phone', tables: ['workout_sessions'] });
    const row = await insertRow(device.db, 'workout_sessions', sessionFields(client.userId, { name: 'Arms' }));
    await editIn2125(device, row.id, { name: 'Arms, later' });
    await device.syncNow();
    const [stored] = await serverRows(stack, 'workout_sessions', 'id = $1', [row.id]);
    expect(new Date(String(stored?.updated_at)).getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    await device.close();
  });
});

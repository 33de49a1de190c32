/**
 * A push batch holding one row that breaks a CHECK constraint and one that RLS refuses: the
 * other rows land in the same round trip, the two come back as per-row errors with their
 * reasons, the queue moves on (later edits sync), and the refused rows stay visible until the
 * user fixes one (it then syncs and its error clears) or discards the other. Rows that reach
 * the server before their parent (a set before its session) are not refused for that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { editRow, insertRow, insertRows } from '../../src/db/writes';
import { discardRefusedChange } from '../../src/sync/row-errors';
import { supabaseRpc, type SyncRpc } from '../../src/sync/rpc';
import { createTestUser, deviceRows, openTestDevice, serverRows, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields, setLogFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let client: TestUser;
let otherClient: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
  otherClient = await createTestUser(stack, 'client', 'stranger');
});

afterAll(async () => {
  await stack?.stop();
});

describe('per-row push errors', () => {
  it('lands the good rows, reports the two bad ones, and keeps the queue moving', { timeout: 60_000 }, async () => {
    const device = await openTestDevice(stack, client, { name: 'phone', tables: ['workout_sessions'] });
    const start = new Date('2026-11-20T10:00:00.000Z');
    const good = Array.from({ length: 8 }, (_, i) => ({ ...sessionFields(client.userId), id: newRowId(), name: `Session ${i + 1}` }));
    // ended_at before started_at: the device's model cannot see it (two fields); the CHECK can.
    const badCheck = { ...sessionFields(client.userId, { started_at: start.toISOString(), ended_at: new Date(start.getTime() - 60_000).toISOString() }), id: newRowId(), name: 'Backwards' };
    // Someone else's client_id: RLS refuses the insert.
    const badRls = { ...sessionFields(otherClient.userId), id: newRowId(), name: 'Not mine' };
    await insertRows(device.db, 'workout_sessions', [...good.slice(0, 4), badCheck, badRls, ...good.slice(4)]);

    await device.syncNow();
    expect(device.calls.get('sync_push')).toBe(1); // one round trip for the whole batch

    const onServer = await serverRows(stack, 'workout_sessions');
    expect(onServer.map((r) => r.id).sort()).toEqual(good.map((r) => r.id).sort());

    const errors = await device.localStore.rowErrors.toArray();
    expect(errors).toHaveLength(2);
    const byRow = new Map(errors.map((e) => [e.rowId, e]));
    expect(byRow.get(badCheck.id)).toMatchObject({ code: '23514', constraint: 'workout_sessions_ended_at_after_started_at', collection: 'workout_sessions' });
    expect(byRow.get(badRls.id)).toMatchObject({ code: '42501' });
    expect(byRow.get(badRls.id)?.message).toMatch(/row-level security/);
    expect(device.status.getState().rowErrors.map((e) => e.rowId).sort()).toEqual([badCheck.id, badRls.id].sort());

    // The queue moved on: nothing is pending, and a later edit syncs.
    expect(await device.engine?.pendingChanges()).toEqual({ rows: 0, requests: 0, refused: 2, total: 2 });
    const later = await insertRow(device.db, 'workout_sessions', sessionFields(client.userId, { name: 'Later' }));
    await device.syncNow();
    expect((await serverRows(stack, 'workout_sessions')).map((r) => r.id)).toContain(later.id);

    // The refused rows are still on the device, with their reasons, until dealt with.
    expect((await deviceRows(device, 'workout_sessions')).map((r) => r.id)).toEqual(expect.arrayContaining([badCheck.id, badRls.id]));

    // Fix one: the next push succeeds and its error clears.
    await editRow(device.db, 'workout_sessions', badCheck.id, { ended_at: new Date(start.getTime() + 3_600_000).toISOString() });
    await device.syncNow();
    expect((await serverRows(stack, 'workout_sessions')).map((r) => r.id)).toContain(badCheck.id);
    expect((await device.localStore.rowErrors.toArray()).map((e) => e.rowId)).toEqual([badRls.id]);

    // Discard the other: it leaves the device and never reaches the server.
    const [refused] = await device.localStore.rowErrors.toArray();
    if (!refused) throw new Error('expected the RLS-refused row');
    await discardRefusedChange(device.localStore, device.db.rx.collections.workout_sessions as never, refused);
    await device.syncNow();
    expect((await deviceRows(device, 'workout_sessions')).map((r) => r.id)).not.toContain(badRls.id);
    expect(await device.localStore.rowErrors.count()).toBe(0);
    expect((await serverRows(stack, 'workout_sessions', 'true')).map((r) => r.id)).not.toContain(badRls.id);
    expect(await device.engine?.pendingChangeCount()).toBe(0);
    await device.close();
  });
});

describe('rows pushed before their parent', () => {
  it('land once the parent has reached the server, and a row whose parent never comes is refused', { timeout: 90_000 }, async () => {
    const exerciseId = await createExercise(stack);
    const device = await openTestDevice(stack, client, { name: 'gym', tables: ['workout_sessions', 'set_logs'] });
    // The sessions' push is slow (a bad connection): the sets' push reaches the server first.
    const real = supabaseRpc(device.supabase);
    const slowSessions: SyncRpc = async (fn, args) => {
      if (fn === 'sync_push' && args.p_table === 'workout_sessions') await new Promise((r) => setTimeout(r, 1500));
      return real(fn, args);
    };
    const session = await insertRow(device.db, 'workout_sessions', sessionFields(client.userId, { name: 'Leg day' }));
    const sets = [1, 2, 3, 4, 5].map((i) => ({ ...setLogFields(session.id, client.userId, exerciseId, i), id: newRowId() }));
    await insertRows(device.db, 'set_logs', sets);
    const orphan = { ...setLogFields(newRowId(), client.userId, exerciseId, 1), id: newRowId() };
    await insertRows(device.db, 'set_logs', [orphan]);

    await device.goOnline({ rpc: slowSessions, parentWaitMs: 5000 });
    await device.syncNow();

    const onServer = await serverRows(stack, 'set_logs', 'session_id = $1', [session.id]);
    expect(onServer.map((r) => r.set_index)).toEqual([1, 2, 3, 4, 5]);
    const errors = await device.localStore.rowErrors.toArray();
    expect(errors.map((e) => [e.rowId, e.code])).toEqual([[orphan.id, '23503']]);
    await device.close();
  });
});


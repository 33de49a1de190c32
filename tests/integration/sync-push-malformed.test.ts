/**
 * Issue 16.1: one malformed item never poisons a push batch. Through /rest/v1 with a real JWT:
 * items whose doc is a string, a number or missing come back as their own errors and the 20
 * good set logs land. Through a device: a row the server cannot even parse (U+0000 in a note,
 * which jsonb refuses, so PostgREST refuses the whole call) is isolated by splitting the batch;
 * the 20 others land, that one is parked as a row error, and the queue moves on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { insertRow, insertRows } from '../../src/db/writes';
import { createTestUser, openTestDevice, serverRows, signedInClient, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields, setLogFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let client: TestUser;
let exerciseId: string;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
  exerciseId = await createExercise(stack);
});

afterAll(async () => {
  await stack?.stop();
});

describe('a push batch with malformed items', () => {
  it('answers each malformed item as its own error and stores the 20 good set logs', async () => {
    const supabase = await signedInClient(stack, client);
    const sessionId = newRowId();
    const session = await supabase.rpc('sync_push', {
      p_table: 'workout_sessions',
      p_rows: [{ doc: { ...sessionFields(client.userId), id: sessionId }, assumed_rev: null }],
    });
    expect(session.error).toBeNull();
    const good = Array.from({ length: 20 }, (_, i) => ({ doc: { ...setLogFields(sessionId, client.userId, exerciseId, i + 1), id: newRowId() }, assumed_rev: null }));
    const items = [...good.slice(0, 10), { doc: 'not an object', assumed_rev: null }, 42, { assumed_rev: null }, ...good.slice(10)];
    const { data, error } = await supabase.rpc('sync_push', { p_table: 'set_logs', p_rows: items });
    expect(error).toBeNull();
    expect(data.written).toBe(20);
    expect(data.errors).toHaveLength(3);
    expect(data.errors.every((e: { code: string; message: string }) => e.code === '22023' && /json object/.test(e.message))).toBe(true);
    const stored = await serverRows(stack, 'set_logs', 'session_id = $1', [sessionId]);
    expect(stored.map((r) => r.id).sort()).toEqual(good.map((g) => g.doc.id).sort());
  });

  it('a device splits a batch the server cannot parse, parks the one bad row, and lands the rest', { timeout: 60_000 }, async () => {
    const device = await openTestDevice(stack, client, { name: 'phone', tables: ['workout_sessions', 'set_logs'] });
    const session = await insertRow(device.db, 'workout_sessions', sessionFields(client.userId));
    const sets = Array.from({ length: 21 }, (_, i) => ({ ...setLogFields(session.id, client.userId, exerciseId, i + 1), id: newRowId() }));
    const bad = sets[13]!;
    bad.notes = 'felt good\u0000';
    await insertRows(device.db, 'set_logs', sets);

    await device.syncNow();
    const stored = await serverRows(stack, 'set_logs', 'session_id = $1', [session.id]);
    expect(stored.map((r) => r.id).sort()).toEqual(sets.filter((s) => s !== bad).map((s) => s.id).sort());
    const errors = await device.localStore.rowErrors.toArray();
    expect(errors.map((e) => [e.rowId, e.collection])).toEqual([[bad.id, 'set_logs']]);
    expect(errors[0]?.message).toMatch(/^the server could not take this change: /);
    // Halving 21 rows down to the bad one: a handful of calls, not a retry loop.
    expect(device.calls.get('sync_push') ?? 0).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(21)));
    expect(await device.engine?.pendingChanges()).toMatchObject({ rows: 0, refused: 1 });

    // The queue moved on: a later set syncs in one more push.
    const later = await insertRow(device.db, 'set_logs', setLogFields(session.id, client.userId, exerciseId, 22));
    await device.syncNow();
    expect((await serverRows(stack, 'set_logs', 'id = $1', [later.id])).length).toBe(1);
    await device.close();
  });
});

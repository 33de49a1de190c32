/**
 * A change made as the service role (an admin in the Supabase dashboard), including a delete,
 * reaches the device. The device is subscribed to Realtime and polls only once a minute, so
 * the changes arrive through Realtime pokes followed by checkpoint pulls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { insertRows } from '../../src/db/writes';
import type { NewRowFields } from '../../src/db/writes';
import { createTestUser, deviceRows, openTestDevice, serviceClient, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let client: TestUser;
let device: TestDevice;

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
  device = await openTestDevice(stack, client, { name: 'phone', tables: ['measurements'] });
});

afterAll(async () => {
  await device?.close();
  await stack?.stop();
});

function measurement(weightKg: number, day: number): NewRowFields<'measurements'> & { id: string } {
  return {
    id: newRowId(),
    client_id: client.userId,
    measured_at: new Date(Date.UTC(2026, 10, day, 7)).toISOString(),
    weight_kg: weightKg,
    body_fat_pct: null,
    neck_cm: null,
    chest_cm: null,
    arm_cm: null,
    waist_cm: null,
    hips_cm: null,
    thigh_cm: null,
    calf_cm: null,
    skinfolds: null,
    notes: null,
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}

describe('admin changes reach the device', () => {
  it('brings an admin edit, insert and delete to the device through Realtime pokes', { timeout: 60_000 }, async () => {
    const kept = measurement(80.5, 1);
    const edited = measurement(81, 2);
    const deleted = measurement(82, 3);
    await insertRows(device.db, 'measurements', [kept, edited, deleted]);
    const engine = await device.goOnline({ realtime: true, pollIntervalMs: 60_000 });
    await engine.awaitInSync();
    await eventually(async () => device.status.getState().live);
    const pullsBefore = device.calls.get('sync_pull') ?? 0;

    const admin = serviceClient(stack);
    const inserted = { ...measurement(79.9, 4), notes: 'entered by the gym' };
    const update = await admin.from('measurements').update({ weight_kg: 81.4, notes: 'corrected by admin' }).eq('id', edited.id);
    expect(update.error).toBeNull();
    const insert = await admin.from('measurements').insert({ ...inserted, updated_by_device: null });
    expect(insert.error).toBeNull();
    const remove = await admin.from('measurements').delete().eq('id', deleted.id);
    expect(remove.error).toBeNull();

    await eventually(async () => {
      const rows = await deviceRows(device, 'measurements');
      const byId = new Map(rows.map((r) => [r.id, r]));
      return !byId.has(deleted.id) && byId.get(edited.id)?.notes === 'corrected by admin' && byId.has(inserted.id);
    });
    const rows = await deviceRows(device, 'measurements');
    expect(rows.map((r) => r.id).sort()).toEqual([kept.id, edited.id, inserted.id].sort());
    expect(rows.find((r) => r.id === edited.id)).toMatchObject({ weight_kg: 81.4, notes: 'corrected by admin' });
    // The delete arrived as a tombstone: gone from queries, kept as deleted for the replication.
    const tombstone = await device.db.rx.collections.measurements.storageInstance.findDocumentsById([deleted.id], true);
    expect(tombstone[0]?._deleted).toBe(true);
    // Pokes, not the one-minute timer, brought the changes.
    expect((device.calls.get('sync_pull') ?? 0) - pullsBefore).toBeGreaterThan(0);
  });
});

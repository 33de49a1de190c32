/**
 * Property: any interleaving of offline edits, deletes and syncs on two devices converges.
 * Two devices of one trainer edit the same programs (fields, deletes) while offline, syncing
 * at random moments; after both have synced at the end (until the server is quiet), both hold
 * the same rows as the server, and a field only one device ever edited holds that device's
 * last value.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRow, editRow, insertRows } from '../../src/db/writes';
import { newRowId } from '../../src/db/ids';
import { createTestUser, deviceRows, openTestDevice, serverRows, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { programFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let trainer: TestUser;
let devices: [TestDevice, TestDevice];

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  devices = [
    await openTestDevice(stack, trainer, { name: 'phone', tables: ['programs'] }),
    await openTestDevice(stack, trainer, { name: 'laptop', tables: ['programs'] }),
  ];
});

afterAll(async () => {
  for (const device of devices ?? []) await device.close();
  await stack?.stop();
});

type Field = 'name' | 'weeks' | 'description' | 'status';
type Step =
  | { kind: 'edit'; device: 0 | 1; program: number; field: Field; value: string | number | null }
  | { kind: 'delete'; device: 0 | 1; program: number }
  | { kind: 'sync'; device: 0 | 1 };

const PROGRAMS = 3;
const device01 = fc.constantFrom<0 | 1>(0, 1);
const program = fc.integer({ min: 0, max: PROGRAMS - 1 });
const edit = fc.oneof(
  fc.record({ field: fc.constant<Field>('name'), value: fc.constantFrom('Push', 'Pull', 'Legs', 'Full body') }),
  fc.record({ field: fc.constant<Field>('weeks'), value: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ field: fc.constant<Field>('description'), value: fc.constantFrom(null, 'Heavy', 'Light', 'Deload week') }),
  fc.record({ field: fc.constant<Field>('status'), value: fc.constantFrom('draft', 'active', 'archived') }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: device01, program, edit }).map(({ kind, device, program, edit }) => ({ kind, device, program, ...edit })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device: device01, program }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: device01 }) },
);

async function syncOnce(device: TestDevice): Promise<void> {
  await device.syncNow();
  await device.goOffline();
}

describe('random offline interleavings on two devices', () => {
  it('always converge', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        // Fresh programs for this run, on both devices.
        const ids = Array.from({ length: PROGRAMS }, () => newRowId());
        await insertRows(devices[0].db, 'programs', ids.map((id, i) => ({ ...programFields(trainer.userId, { name: `Program ${i}` }), id })));
        await syncOnce(devices[0]);
        await syncOnce(devices[1]);

        const editedBy = new Map<string, Set<number>>();
        const lastValue = new Map<string, unknown>();
        const deletedPrograms = new Set<number>();
        for (const s of steps) {
          const device = devices[s.device];
          if (s.kind === 'sync') {
            await syncOnce(device);
            continue;
          }
          const id = ids[s.program] as string;
          if (s.kind === 'delete') {
            deletedPrograms.add(s.program);
            await deleteRow(device.db, 'programs', id);
          } else {
            const doc = await device.db.rx.collections.programs.findOne(id).exec();
            if (!doc) continue; // deleted on this device
            await editRow(device.db, 'programs', id, { [s.field]: s.value });
            const key = `${s.program}:${s.field}`;
            editedBy.set(key, (editedBy.get(key) ?? new Set()).add(s.device));
            lastValue.set(`${key}:${s.device}`, s.value);
          }
        }
        // Both reconnect; the first to sync needs one more round to get the second's merge.
        const inRun = (rows: Record<string, unknown>[]) => rows.filter((r) => ids.includes(String(r.id)));
        await syncOnce(devices[0]);
        await syncOnce(devices[1]);
        await syncOnce(devices[0]);
        // A device can send a row it has just pulled back once more (same values, a new
        // server_rev): the last device to sync may then be one revision behind. Online long
        // enough, both settle: sync rounds until a whole round leaves the server unchanged.
        for (let round = 0; round < 3; round += 1) {
          const before = JSON.stringify(inRun(await serverRows(stack, 'programs')));
          await syncOnce(devices[1]);
          await syncOnce(devices[0]);
          if (JSON.stringify(inRun(await serverRows(stack, 'programs'))) === before) break;
        }

        const server = inRun(await serverRows(stack, 'programs'));
        expect(inRun(await deviceRows(devices[0], 'programs'))).toEqual(server);
        expect(inRun(await deviceRows(devices[1], 'programs'))).toEqual(server);

        // Nothing typed on one side only is lost (deletes aside: they may win or resurrect).
        for (const [key, editors] of editedBy) {
          const [index, field] = key.split(':') as [string, Field];
          if (editors.size !== 1 || deletedPrograms.has(Number(index))) continue;
          const [editor] = [...editors];
          const row = server.find((r) => r.id === ids[Number(index)]);
          expect(row?.[field], key).toEqual(lastValue.get(`${key}:${editor}`));
        }
      }),
      { numRuns: 25 },
    );
  });
});

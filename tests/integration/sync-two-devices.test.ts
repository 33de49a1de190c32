/**
 * Two devices of one trainer (phone A, laptop B), each a full 12-collection device database,
 * taking turns so that at most 12 RxDB collections are open at once. A, offline, logs a
 * 500-set workout of their own and renames a program; B, offline, edits other fields of the
 * same program. Both reconnect; both end equal to each other and to the server, with every
 * edit present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editRow, insertRow, insertRows } from '../../src/db/writes';
import { createTestUser, deviceRows, openTestDevice, serverRows, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, programFields, sessionFields, setLogFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let trainer: TestUser;
let exerciseId: string;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  exerciseId = await createExercise(stack);
});

afterAll(async () => {
  await stack?.stop();
});

describe('two devices converge', () => {
  it('keeps 500 offline set logs and both sides of a program edit', { timeout: 120_000 }, async () => {
    // A creates the program online; B gets it.
    const phone: TestDevice = await openTestDevice(stack, trainer, { name: 'phone' });
    const program = await insertRow(phone.db, 'programs', programFields(trainer.userId, { name: 'Strength A', weeks: 4 }));
    await phone.syncNow();
    await phone.close();

    const laptop: TestDevice = await openTestDevice(stack, trainer, { name: 'laptop' });
    await laptop.syncNow();
    expect((await deviceRows(laptop, 'programs')).map((p) => p.name)).toEqual(['Strength A']);
    await laptop.goOffline();
    // B, offline: other fields of the same program.
    await editRow(laptop.db, 'programs', program.id, { description: 'Heavy triples, long rests', status: 'draft' });
    await laptop.close();

    // A, offline: a 500-set workout and its own edit of the program.
    await phone.reopen();
    const session = await insertRow(phone.db, 'workout_sessions', sessionFields(trainer.userId));
    await insertRows(
      phone.db,
      'set_logs',
      Array.from({ length: 500 }, (_, i) => setLogFields(session.id, trainer.userId, exerciseId, i + 1, { reps: 1 + (i % 10) })),
    );
    await editRow(phone.db, 'programs', program.id, { name: 'Strength A (deload)', weeks: 6 });

    // Both reconnect, in turn; then A once more to receive B's merge.
    await phone.syncNow();
    await phone.close();
    await laptop.reopen();
    await laptop.syncNow();
    const laptopState = {
      programs: await deviceRows(laptop, 'programs'),
      sessions: await deviceRows(laptop, 'workout_sessions'),
      sets: await deviceRows(laptop, 'set_logs'),
    };
    expect(await laptop.engine?.pendingChangeCount()).toBe(0);
    await laptop.close();
    await phone.reopen();
    await phone.syncNow();
    const phoneState = {
      programs: await deviceRows(phone, 'programs'),
      sessions: await deviceRows(phone, 'workout_sessions'),
      sets: await deviceRows(phone, 'set_logs'),
    };
    expect(await phone.engine?.pendingChangeCount()).toBe(0);
    await phone.close();

    const serverState = {
      programs: await serverRows(stack, 'programs'),
      sessions: await serverRows(stack, 'workout_sessions'),
      sets: await serverRows(stack, 'set_logs'),
    };
    expect(serverState.sets).toHaveLength(500);
    expect(serverState.programs).toHaveLength(1);
    expect(serverState.programs[0]).toMatchObject({
      name: 'Strength A (deload)',
      weeks: 6,
      description: 'Heavy triples, long rests',
      status: 'draft',
    });
    expect(phoneState).toEqual(serverState);
    expect(laptopState).toEqual(serverState);
  });
});

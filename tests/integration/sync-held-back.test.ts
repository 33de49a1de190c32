/**
 * Rows held back for an open transaction. The pull serves only rows from transactions older
 * than the oldest one still running; a poke that arrives while some other transaction is open
 * (an autovacuum, another user's push) serves nothing of the new row. The server says it is
 * `behind`, and the device pulls again until the row arrives, with no further change or poke.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { callSyncPull } from '../../src/sync/pull';
import { supabaseRpc } from '../../src/sync/rpc';
import { createTestUser, openTestDevice, signedInClient, sql, type TestDevice, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let trainer: TestUser;
let device: TestDevice | undefined;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
});

afterAll(async () => {
  await device?.close();
  await stack?.stop();
});

/** Another session's transaction, open (with a transaction id) until released. */
async function holdTransactionOpen(): Promise<{ release: () => Promise<void> }> {
  const connection = new pg.Client({ connectionString: stack.superuserUrl });
  await connection.connect();
  await connection.query('begin');
  await connection.query('select pg_current_xact_id()');
  return {
    release: async () => {
      await connection.query('commit');
      await connection.end();
    },
  };
}

async function insertProgramAsAdmin(name: string): Promise<string> {
  const id = newRowId();
  await sql(
    stack.superuserUrl,
    `insert into public.programs (id, trainer_id, name, weeks, status, created_at, updated_at) values ($1, $2, $3, 4, 'draft', now(), now())`,
    [id, trainer.userId, name],
  );
  return id;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('rows held back for an open transaction', () => {
  it('the pull says it is behind while another transaction is open, and not after', async () => {
    const rpc = supabaseRpc(await signedInClient(stack, trainer));
    const start = await callSyncPull(rpc, 'programs', undefined, 100, null);
    const holder = await holdTransactionOpen();
    const id = await insertProgramAsAdmin('Held back');
    const held = await callSyncPull(rpc, 'programs', start.checkpoint, 100, null);
    await holder.release();
    const after = await callSyncPull(rpc, 'programs', held.checkpoint, 100, null);

    expect(held.documents.map((row) => row.id)).not.toContain(id);
    expect(held.behind).toBe(true);
    expect(after.documents.map((row) => row.id)).toContain(id);
    expect(after.behind).toBe(false);
  });

  it('a device poked while the row is held back still receives it once the transaction ends', { timeout: 60_000 }, async () => {
    device = await openTestDevice(stack, trainer, { name: 'phone', tables: ['programs'] });
    await device.syncNow();
    const engine = await device.goOnline(); // no Realtime, polls once a minute

    const holder = await holdTransactionOpen();
    const id = await insertProgramAsAdmin('Written during an autovacuum');
    engine.resync(); // the Realtime poke for that insert
    await new Promise((resolve) => setTimeout(resolve, 500));
    const onDeviceWhileHeld = await device.db.rx.collections.programs.findOne(id).exec();
    await holder.release();

    const arrived = await waitFor(async () => (await device!.db.rx.collections.programs.findOne(id).exec()) !== null, 15_000);
    expect(onDeviceWhileHeld).toBeNull();
    expect(arrived).toBe(true);
  });
});

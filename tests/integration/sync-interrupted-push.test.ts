/**
 * Interrupted pushes lose nothing and duplicate nothing:
 * 1. the database connection running a 1,000-row sync_push is killed mid-batch (the server
 *    side of "stopped mid-batch": the transaction rolls back), and the device retries;
 * 2. a push commits but its answer never reaches the device (the gateway dies after the
 *    server finished), and the device sends the same batch again;
 * 3. the gateway is down while the device pushes, then comes back.
 * Every time the server ends with each row exactly once, equal to the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow, insertRows } from '../../src/db/writes';
import { createTestUser, deviceRows, openTestDevice, serverRows, sql, type TestDevice, type TestUser } from '../helpers/device';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields, setLogFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let proxy: FlakyProxy;
let client: TestUser;
let exerciseId: string;
let device: TestDevice;
let sessionId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startTestStack();
  proxy = await startFlakyProxy(stack.apiUrl);
  client = await createTestUser(stack, 'client', 'lifter');
  exerciseId = await createExercise(stack);
  device = await openTestDevice(stack, client, { name: 'phone', tables: ['workout_sessions', 'set_logs'], apiUrl: proxy.url, engine: { pushBatchSize: 1000 } });
  sessionId = (await insertRow(device.db, 'workout_sessions', sessionFields(client.userId))).id;
  await device.syncNow();
  await device.goOffline();
});

afterAll(async () => {
  await device?.close();
  await proxy?.close();
  await stack?.stop();
});

let nextSetIndex = 1;
async function logSetsOffline(count: number): Promise<void> {
  const rows = Array.from({ length: count }, () => setLogFields(sessionId, client.userId, exerciseId, nextSetIndex++ % 1000 || 1000));
  await insertRows(device.db, 'set_logs', rows);
}

async function expectServerEqualsDevice(expectedCount: number): Promise<void> {
  const server = await serverRows(stack, 'set_logs');
  const counted = await sql<{ rows: string; ids: string }>(stack.superuserUrl, 'select count(*) as rows, count(distinct id) as ids from public.set_logs');
  expect(counted[0]).toEqual({ rows: String(expectedCount), ids: String(expectedCount) });
  expect(server).toHaveLength(expectedCount);
  expect(await deviceRows(device, 'set_logs')).toEqual(server);
  expect(await device.localStore.rowErrors.count()).toBe(0);
  expect(await device.engine?.pendingChangeCount()).toBe(0);
}

describe('interrupted push', () => {
  it('survives a connection killed mid-batch', { timeout: 60_000 }, async () => {
    // Slow each insert down so the 1,000-row batch is surely still running when it is killed.
    await sql(
      stack.superuserUrl,
      `create function public.test_slow_insert() returns trigger language plpgsql as $$ begin perform pg_sleep(0.002); return new; end $$;
       create trigger test_slow_insert before insert on public.set_logs for each row execute function public.test_slow_insert();`,
    );
    await logSetsOffline(1000);
    await device.goOnline();

    let killed = false;
    for (let i = 0; i < 200 && !killed; i += 1) {
      const running = await sql<{ pid: number; ms: number }>(
        stack.superuserUrl,
        `select pid, extract(epoch from now() - query_start) * 1000 as ms from pg_stat_activity
         where state = 'active' and query like '%sync_push%' and pid <> pg_backend_pid()`,
      );
      const victim = running.find((r) => r.ms > 300);
      if (victim) {
        const [result] = await sql<{ killed: boolean }>(stack.superuserUrl, 'select pg_terminate_backend($1) as killed', [victim.pid]);
        killed = result?.killed === true;
        const [during] = await sql<{ n: string }>(stack.superuserUrl, 'select count(*) as n from public.set_logs');
        expect(during?.n).toBe('0'); // the killed transaction wrote nothing
      } else {
        await sleep(25);
      }
    }
    expect(killed).toBe(true);
    await device.syncNow();
    expect(device.calls.get('sync_push')).toBeGreaterThanOrEqual(3); // session, killed batch, retry
    await sql(stack.superuserUrl, 'drop trigger test_slow_insert on public.set_logs; drop function public.test_slow_insert();');
    await expectServerEqualsDevice(1000);
    await device.goOffline();
  });

  it('sends a batch again after its answer was lost, without duplicating or conflicting', { timeout: 60_000 }, async () => {
    await logSetsOffline(300);
    const lost = proxy.loseNextResponse('"p_rows"');
    const pushesBefore = proxy.forwarded('"p_rows"');
    const engine = await device.goOnline();
    let conflicts = 0;
    const watching = engine.replications.get('set_logs')?.conflict$.subscribe(() => (conflicts += 1));
    await lost; // the server committed the batch; the device heard nothing
    await device.syncNow();
    watching?.unsubscribe();
    expect(conflicts).toBe(0); // the repeat found its own rows already stored: a no-op
    expect(proxy.forwarded('"p_rows"') - pushesBefore).toBeGreaterThanOrEqual(2);
    await expectServerEqualsDevice(1300);
    await device.goOffline();
  });

  it('keeps pushing until the gateway is back', { timeout: 60_000 }, async () => {
    proxy.mode = 'down';
    await logSetsOffline(200);
    await device.goOnline();
    await sleep(1000);
    expect((await serverRows(stack, 'set_logs')).length).toBe(1300);
    expect((await device.engine?.pendingChanges())?.rows).toBe(200);
    proxy.mode = 'pass';
    await device.syncNow();
    await expectServerEqualsDevice(1500);
  });
});

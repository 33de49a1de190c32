/**
 * The gap test (ARCHITECTURE.md "Sync"): writers whose transactions commit out of start order
 * (one held open while others commit), pullers running throughout. Every puller that uses the
 * (txid, id) checkpoint below pg_snapshot_xmin ends with every row; the same pulls with a
 * timestamp checkpoint (`updated_at > last`, the stock plugin's way) lose the rows of the
 * transaction that was held open.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { insertRow } from '../../src/db/writes';
import type { PullCheckpoint } from '../../src/sync/checkpoint';
import { callSyncPull } from '../../src/sync/pull';
import { supabaseRpc } from '../../src/sync/rpc';
import { createTestUser, deviceRows, openTestDevice, signedInClient, type TestUser } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise, sessionFields } from '../helpers/sync-fixtures';

let stack: TestStack;
let client: TestUser;
let exerciseId: string;
let sessionId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startTestStack();
  client = await createTestUser(stack, 'client', 'lifter');
  exerciseId = await createExercise(stack);
  const setup = await openTestDevice(stack, client, { name: 'setup', tables: ['workout_sessions'] });
  sessionId = (await insertRow(setup.db, 'workout_sessions', sessionFields(client.userId))).id;
  await setup.syncNow();
  await setup.close();
});

afterAll(async () => {
  await stack?.stop();
});

/** One writer transaction: insert a set log, wait `holdMs` with the transaction open, commit. */
async function writeHeld(setIndex: number, holdMs: number, startedAt: Date): Promise<string> {
  const connection = new pg.Client({ connectionString: stack.superuserUrl });
  await connection.connect();
  const id = newRowId();
  try {
    await connection.query('begin');
    await connection.query(
      `insert into public.set_logs (id, session_id, exercise_id, set_index, weight_kg, reps, done, performed_at, created_at, updated_at)
       values ($1, $2, $3, $4, 100, 5, true, $5, $5, $5)`,
      [id, sessionId, exerciseId, setIndex, startedAt.toISOString()],
    );
    await sleep(holdMs);
    await connection.query('commit');
  } finally {
    await connection.end();
  }
  return id;
}

type Puller = { name: string; seen: Set<string>; pullOnce: () => Promise<number> };

function gapFreePuller(name: string, supabase: SupabaseClient): Puller {
  const rpc = supabaseRpc(supabase);
  let checkpoint: PullCheckpoint | undefined;
  const seen = new Set<string>();
  return {
    name,
    seen,
    async pullOnce() {
      const page = await callSyncPull(rpc, 'set_logs', checkpoint, 50, null);
      for (const row of page.documents) seen.add(String(row.id));
      checkpoint = page.checkpoint;
      return page.documents.length;
    },
  };
}

/** The naive checkpoint: rows whose `column` is greater than the last one seen. */
function naivePuller(name: string, supabase: SupabaseClient, column: 'updated_at'): Puller {
  let last: string | number | undefined;
  const seen = new Set<string>();
  return {
    name,
    seen,
    async pullOnce() {
      let query = supabase.from('set_logs').select(`id, ${column}`).order(column).order('id').limit(50);
      if (last !== undefined) query = query.gt(column, last);
      const { data, error } = await query;
      if (error) throw new Error(error.message);
      const rows = data as unknown as Array<Record<string, string | number>>;
      for (const row of rows) seen.add(String(row.id));
      const tail = rows[rows.length - 1];
      if (tail) last = tail[column];
      return rows.length;
    },
  };
}

async function runUntil(puller: Puller, done: () => boolean): Promise<void> {
  while (!done()) {
    await puller.pullOnce();
    await sleep(10);
  }
  // Drain: pull until two empty pages in a row.
  let empty = 0;
  while (empty < 2) empty = (await puller.pullOnce()) === 0 ? empty + 1 : 0;
}

describe('gap-free pull', () => {
  it('serves every row to every puller while transactions commit out of order; timestamp checkpoints lose rows', { timeout: 120_000 }, async () => {
    const supabase = await signedInClient(stack, client);
    const pullers = [gapFreePuller('txid-1', supabase), gapFreePuller('txid-2', supabase), gapFreePuller('txid-3', supabase)];
    // (server_rev counts each row's own writes, so it is no checkpoint at all.)
    const naive = [naivePuller('updated_at', supabase, 'updated_at')];
    // A real device pulls throughout too, poked by a fast timer.
    const device = await openTestDevice(stack, client, { name: 'phone', tables: ['set_logs'] });
    await device.goOnline({ pollIntervalMs: 25 });

    let writing = true;
    const pulling = [...pullers, ...naive].map((p) => runUntil(p, () => !writing));

    const written: Promise<string>[] = [];
    // The held writer starts first and commits last.
    written.push(writeHeld(1, 1500, new Date()));
    await sleep(50);
    // Then 60 writers, overlapping, with random hold times: commits out of start order.
    for (let i = 0; i < 60; i += 1) {
      written.push(writeHeld(2 + i, Math.floor(Math.random() * 200), new Date()));
      await sleep(15);
    }
    const ids = await Promise.all(written);
    writing = false;
    await Promise.all(pulling);
    await device.syncNow();

    const all = new Set(ids);
    for (const puller of pullers) expect([...all].filter((id) => !puller.seen.has(id)), puller.name).toEqual([]);
    const onDevice = new Set((await deviceRows(device, 'set_logs')).map((r) => String(r.id)));
    expect([...all].filter((id) => !onDevice.has(id)), 'device').toEqual([]);
    await device.close();

    // The held transaction's row is what the naive checkpoints skip.
    const heldId = ids[0] as string;
    for (const puller of naive) {
      const missing = [...all].filter((id) => !puller.seen.has(id));
      expect(missing.length, `${puller.name} checkpoint should lose rows`).toBeGreaterThan(0);
      expect(missing, puller.name).toContain(heldId);
    }
  });
});

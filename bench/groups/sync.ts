/**
 * Sync benchmark (issue 5), same machine, same run, same seeded data:
 * - first sync of 10,000 set logs from the server into an empty device, and a push of 1,000
 *   set logs made offline, with this project's sync (sync_pull / sync_push through supabase.rpc);
 * - the same two with RxDB's stock `replicateSupabase` plugin (timestamp checkpoint, one
 *   request per pushed row) on the same table.
 * The devices (bench/sync/devices.ts) run where users run them: in Chromium, on its IndexedDB
 * and its fetch, in a production build. The same devices then run in Node on fake-indexeddb
 * (the `node_` figures, where this benchmark ran before): there IndexedDB is JavaScript in
 * memory, several times faster than Chromium's on this machine, so the server's share shows.
 */
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import WebSocket from 'ws';
import { newRowId } from '../../src/db/ids';
import { startStack, type LocalStack } from '../../supabase/local/stack.js';
import { freePort } from '../../supabase/local/ports.js';
import { launchPersistentContext } from '../../tests/helpers/browser.js';
import { createTestUser, sql } from '../../tests/helpers/device.js';
import type { TestStack } from '../../tests/helpers/stack.js';
import { countPrs, insertSetLogHistory, prepareHistoryClient } from '../../tests/helpers/set-log-history.js';
import { createExercise } from '../../tests/helpers/sync-fixtures.js';
import { report } from '../report.js';
import { benchOurs, benchStock, type DeviceTimes, type SyncBenchFixture } from '../sync/devices';
import type { SyncBenchPage } from '../sync/page/main';

const SEEDED_SET_LOGS = 10_000;
const OFFLINE_SET_LOGS = 1_000;
const PAGE_ROOT = join(import.meta.dirname, '../sync/page');

/** A client with 10,000 logged sets of one exercise, and an empty workout for today. */
async function seedClient(localStack: LocalStack): Promise<SyncBenchFixture> {
  const stack: TestStack = { ...localStack, postgresUrl: localStack.dbUrl };
  const client = await createTestUser(stack, 'client', 'bench');
  const exerciseId = await createExercise(stack, `Back squat ${client.email}`);
  const sessionId = newRowId();
  const offlineSessionId = newRowId();
  await sql(
    stack.superuserUrl,
    `insert into public.workout_sessions (id, client_id, name) values ($1, $2, 'Bench session'), ($3, $2, 'Today')`,
    [sessionId, client.userId, offlineSessionId],
  );
  await sql(
    stack.superuserUrl,
    `insert into public.set_logs (id, session_id, exercise_id, set_index, weight_kg, reps, rir, done, performed_at, created_at, updated_at, updated_by_device)
     select extensions.gen_random_uuid(), $1, $2, 1 + (i % 1000), 60 + (i % 80), 1 + (i % 12), i % 4, true,
            t, t, t, 'seed'
     from generate_series(1, $3) as i, lateral (select now() - interval '200 days' + i * interval '1 second' as t) as ts`,
    [sessionId, exerciseId, SEEDED_SET_LOGS],
  );
  // A database in use has planner statistics (autovacuum gathers them within a minute of a
  // bulk load); without them the PR trigger's queries pick a poor index and every push pays.
  await sql(stack.superuserUrl, 'analyze public.set_logs');
  return {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    userId: client.userId,
    email: client.email,
    password: client.password,
    offlineSessionId,
    exerciseId,
    serverRows: SEEDED_SET_LOGS,
    offlineSets: OFFLINE_SET_LOGS,
  };
}

type BothDevices = { ours: DeviceTimes; stock: DeviceTimes };

/** Ours first, then stock on the same rows plus the 1,000 ours pushed (its pull serves 11,000). */
async function runBoth(
  fixture: SyncBenchFixture,
  run: (device: 'ours' | 'stock', fixture: SyncBenchFixture) => Promise<DeviceTimes>,
): Promise<BothDevices> {
  const ours = await run('ours', fixture);
  const stock = await run('stock', { ...fixture, serverRows: fixture.serverRows + fixture.offlineSets });
  return { ours, stock };
}

/** The benchmark page, built for production (no RxDB dev-mode) and served on a free port. */
async function servePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'fitcoach-sync-bench-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: PAGE_ROOT,
      configFile: false,
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server = await preview({
    root: PAGE_ROOT,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

type BenchTab = { syncBench: SyncBenchPage };

/**
 * Runs `call` in the benchmark page of a fresh browser profile on disk: an empty IndexedDB, as
 * on a new phone. (An incognito context keeps IndexedDB in memory, and Chromium's in-memory
 * store is many times slower than its on-disk one for indexed writes: not what an installed
 * PWA uses.)
 */
async function inFreshProfile<T>(url: string, what: string, call: (tab: Page) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'fitcoach-sync-bench-profile-'));
  const context = await launchPersistentContext(profile);
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(url);
    await tab.waitForFunction(() => document.body.dataset.ready === 'true');
    try {
      return await call(tab);
    } catch (error) {
      const pageErrors = errors.length ? `\npage errors: ${errors.join('\n')}` : '';
      throw new Error(`${what} in Chromium: ${error instanceof Error ? error.message : String(error)}${pageErrors}`, { cause: error });
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

type ChromiumRun = BothDevices & { putStraightMs: number };

async function inChromium(fixture: SyncBenchFixture): Promise<ChromiumRun> {
  const page = await servePage();
  try {
    const devices = await runBoth(fixture, (device, deviceFixture) =>
      inFreshProfile(page.url, device, (tab) =>
        tab.evaluate(([which, f]) => (window as unknown as BenchTab).syncBench[which](f), [device, deviceFixture] as const),
      ),
    );
    const putStraightMs = await inFreshProfile(page.url, 'IndexedDB floor', (tab) =>
      tab.evaluate((count) => (window as unknown as BenchTab).syncBench.putSetLogsStraight(count), fixture.serverRows),
    );
    return { ...devices, putStraightMs };
  } finally {
    await page.close();
  }
}

/** The same devices in Node, each with its own fake-indexeddb. */
async function inNode(fixture: SyncBenchFixture): Promise<BothDevices> {
  return runBoth(fixture, (device, deviceFixture) => {
    const runtime = { dexie: { indexedDB: new IDBFactory(), IDBKeyRange }, webSocket: WebSocket };
    return device === 'ours' ? benchOurs(deviceFixture, runtime) : benchStock(deviceFixture, runtime);
  });
}

function reportBoth(prefix: string, { ours, stock }: BothDevices): void {
  report(`${prefix}sync_first_pull_10k_ms`, ours.pullMs, 'ms');
  report(`${prefix}sync_push_1k_ms`, ours.pushMs, 'ms');
  report(`${prefix}stock_first_pull_10k_ms`, stock.pullMs, 'ms');
  report(`${prefix}stock_push_1k_ms`, stock.pushMs, 'ms');
  report(`${prefix}sync_push_speedup_vs_stock`, stock.pushMs / ours.pushMs, 'x');
}

type BulkInsert = { rows: number; ms: number; prs: number };

/** Times one insert of `rows` set logs of a new client's history (tests/helpers/set-log-history.ts). */
async function timeBulkInsert(db: pg.Client, rows: number): Promise<BulkInsert> {
  const client = await prepareHistoryClient(db, rows);
  const started = performance.now();
  const written = await insertSetLogHistory(db, client, rows);
  const ms = performance.now() - started;
  return { rows: written, ms, prs: await countPrs(db, client.clientId) };
}

/**
 * One statement of 10,000 and one of 100,000 set logs (issue 16.9): the two rates differ by
 * less than 1.5× when the triggers' work (PR judging above all) is linear in the rows.
 */
async function reportBulkInserts(stack: LocalStack): Promise<void> {
  const db = new pg.Client({ connectionString: stack.superuserUrl });
  await db.connect();
  try {
    const small = await timeBulkInsert(db, 10_000);
    const large = await timeBulkInsert(db, 100_000);
    progress(`bulk inserts ${JSON.stringify({ small, large })}`);
    const rate = (r: BulkInsert) => (r.rows / r.ms) * 1000;
    report('bulk_insert_set_logs_per_s', rate(large), 'rows/s');
    report('bulk_insert_10k_per_s', rate(small), 'rows/s');
    report('bulk_insert_100k_per_s', rate(large), 'rows/s');
    report('bulk_insert_10k_vs_100k_rate_ratio', rate(small) / rate(large), 'x');
    report('bulk_insert_100k_prs_granted', large.prs, 'achievements');
  } finally {
    await db.end();
  }
}

const progress = (line: string) => process.env.BENCH_DEBUG && console.error(`[sync bench] ${line}`);

export async function run(): Promise<void> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, authRateLimits: LOAD_TEST_RATE_LIMITS });
  try {
    // One client per runtime, so each starts from the same 10,000 rows. Node first: after the
    // page's build and the browser, this process's own heap makes its devices slower.
    const nodeRun = await inNode(await seedClient(stack));
    progress(`node ${JSON.stringify(nodeRun)}`);
    const browserRun = await inChromium(await seedClient(stack));
    progress(`chromium ${JSON.stringify(browserRun)}`);
    reportBoth('', browserRun);
    // What the browser alone needs to store the 10,000 rows: the floor under the first pull.
    report('idb_put_10k_set_logs_ms', browserRun.putStraightMs, 'ms');
    reportBoth('node_', nodeRun);
    await reportBulkInserts(stack);
  } finally {
    await stack.stop();
  }
}

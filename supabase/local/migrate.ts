/**
 * Applies Supabase's setup (once per cluster), then the project's migrations in order as the
 * non-superuser `postgres` role (as hosted Supabase does), recording each in
 * supabase_migrations.schema_migrations so a restart applies only new ones; then seed.sql once.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

const MIGRATION_FILE = /^(\d{14})_(.+)\.sql$/;

export type MigrationFile = { version: string; name: string; path: string };

export async function listMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return names.map((file) => {
    const match = MIGRATION_FILE.exec(file);
    if (!match?.[1] || !match[2]) {
      throw new Error(`migration file name must be <14-digit timestamp>_<name>.sql: ${file}`);
    }
    return { version: match[1], name: match[2], path: join(dir, file) };
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const IDEMPOTENT = '.idempotent.sql';

/**
 * Runs the SQL files in `sqlDir` as the superuser, in name order, on a cluster not set up yet;
 * on one set up before, only the `*.idempotent.sql` files (so older data folders get them).
 */
export async function bootstrapSupabase(superuserUrl: string, sqlDir: string): Promise<boolean> {
  return withClient(superuserUrl, async (client) => {
    const done = await client.query(`select 1 from pg_namespace where nspname = 'supabase_migrations'`);
    const fresh = !done.rowCount;
    const files = (await readdir(sqlDir)).filter((n) => n.endsWith('.sql') && (fresh || n.endsWith(IDEMPOTENT))).sort();
    await client.query('begin');
    try {
      for (const file of files) await client.query(await readFile(join(sqlDir, file), 'utf8'));
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`bootstrap ${sqlDir} failed: ${(error as Error).message}`, { cause: error });
    }
    return fresh;
  });
}

export type MigrationResult = { applied: string[]; seeded: boolean };

export async function applyMigrations(postgresRoleUrl: string, migrationsDir: string): Promise<string[]> {
  const migrations = await listMigrations(migrationsDir);
  return withClient(postgresRoleUrl, async (client) => {
    const done = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      const sql = await readFile(migration.path, 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          migration.version,
          migration.name,
          [sql],
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      newlyApplied.push(`${migration.version}_${migration.name}`);
    }
    if (newlyApplied.length) await client.query(`notify pgrst, 'reload schema'`);
    return newlyApplied;
  });
}

/** Applies seed.sql once per cluster (recorded by path and hash in supabase_migrations.seed_files). */
export async function applySeed(postgresRoleUrl: string, seedPath: string): Promise<boolean> {
  const sql = await readFile(seedPath, 'utf8');
  const hash = createHash('sha256').update(sql).digest('hex');
  return withClient(postgresRoleUrl, async (client) => {
    const seeded = await client.query('select 1 from supabase_migrations.seed_files where path = $1', ['supabase/seed.sql']);
    if (seeded.rowCount) return false;
    await client.query('begin');
    try {
      await client.query(sql);
      await client.query('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', ['supabase/seed.sql', hash]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`seed.sql failed: ${(error as Error).message}`, { cause: error });
    }
    return true;
  });
}

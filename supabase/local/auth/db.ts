/** Postgres helpers for the Auth server: one transaction per state change, error codes. */
import type pg from 'pg';

/** A pool or a checked-out client: both run `query`. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let brokenConnection = false;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {
      brokenConnection = true;
    });
    throw error;
  } finally {
    client.release(brokenConnection);
  }
}

function postgresCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

export const isUniqueViolation = (error: unknown): boolean => postgresCodeOf(error) === '23505';
export const isForeignKeyViolation = (error: unknown): boolean => postgresCodeOf(error) === '23503';

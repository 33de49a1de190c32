/**
 * Private channels, as hosted Realtime authorises them: RLS policies on `realtime.messages`,
 * evaluated as the subscriber (their role and JWT claims) with `realtime.topic()` set to the
 * channel's topic. Receiving needs a select policy that shows a message of the topic (one is
 * inserted for the question, as the superuser, and rolled back); sending needs an insert
 * policy that lets the subscriber write one. service_role may do both.
 */
import type pg from 'pg';
import type { Subscriber } from './rls.js';

export type ChannelRights = { read: boolean; write: boolean };

export type ChannelAuthorizer = (subscriber: Subscriber, topic: string) => Promise<ChannelRights>;

async function asSubscriber(client: pg.PoolClient, subscriber: Subscriber, topic: string): Promise<void> {
  await client.query(
    `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('realtime.topic', $3, true)`,
    [subscriber.role, JSON.stringify(subscriber.claims), topic],
  );
}

/** Whether the question itself failed (a policy that errors denies, as the query would). */
async function allowed(client: pg.PoolClient, question: () => Promise<boolean>): Promise<boolean> {
  await client.query('savepoint question');
  try {
    const answer = await question();
    await client.query('release savepoint question');
    return answer;
  } catch {
    await client.query('rollback to savepoint question');
    return false;
  }
}

export function createChannelAuthorizer(pool: pg.Pool, log: (line: string) => void): ChannelAuthorizer {
  return async (subscriber, topic) => {
    if (subscriber.role === 'service_role') return { read: true, write: true };
    const client = await pool.connect();
    try {
      await client.query(`begin; set local statement_timeout = '5s'`);
      const { rows } = await client.query<{ id: string }>(
        `insert into realtime.messages (topic, extension, event, private) values ($1, 'broadcast', 'authorization', true) returning id`,
        [topic],
      );
      const probe = rows[0]?.id;
      await asSubscriber(client, subscriber, topic);
      const read = await allowed(client, async () => {
        const seen = await client.query(`select 1 from realtime.messages where id = $1`, [probe]);
        return seen.rowCount === 1;
      });
      const write = await allowed(client, async () => {
        await client.query(
          `insert into realtime.messages (topic, extension, event, private) values ($1, 'broadcast', 'authorization', true)`,
          [topic],
        );
        return true;
      });
      return { read, write };
    } catch (error) {
      log(`[realtime] authorising ${topic} failed: ${(error as Error).message}`);
      return { read: false, write: false };
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
    }
  };
}

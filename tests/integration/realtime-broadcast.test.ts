/**
 * Issue 16.8: the local Realtime authorises Broadcast as hosted does. A private channel is
 * joined, and written, only as RLS on realtime.messages allows (with realtime.topic() set to
 * the channel's topic): user:<id> is its user's alone (20261203220000). realtime.send from SQL
 * reaches the private channel of its topic and not a public channel of the same name. Public
 * channels relay between their members, as on hosted.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestStack, type TestStack } from '../helpers/stack.js';

type Received = { event: string; payload: unknown };
type Joined = { channel: RealtimeChannel; received: Received[] };
type Member = { client: SupabaseClient; userId: string };

let stack: TestStack;
let admin: pg.Pool;
const clients: SupabaseClient[] = [];
let alice: Member;
let bob: Member;

function device(): SupabaseClient {
  const client = createClient(stack.apiUrl, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  clients.push(client);
  return client;
}

async function signedUp(label: string): Promise<Member> {
  const client = device();
  const { data, error } = await client.auth.signUp({
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: 'correct horse battery',
  });
  if (error || !data.user || !data.session) throw new Error(`sign-up failed: ${error?.message}`);
  return { client, userId: data.user.id };
}

/** Joins `topic`; resolves once subscribed, rejects with the server's reason when refused. */
async function join(client: SupabaseClient, topic: string, isPrivate: boolean): Promise<Joined> {
  const channel = client.channel(topic, { config: { private: isPrivate, broadcast: { ack: true } } });
  const received: Received[] = [];
  channel.on('broadcast', { event: '*' }, (message: { event: string; payload: unknown }) =>
    received.push({ event: message.event, payload: message.payload }),
  );
  await new Promise<void>((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve();
      else reject(new Error(`${status}: ${error?.message ?? ''}`));
    });
  });
  return { channel, received };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function send(topic: string, event: string, payload: unknown, isPrivate = true): Promise<void> {
  await admin.query(`select realtime.send($1::jsonb, $2, $3, $4)`, [JSON.stringify(payload), event, topic, isPrivate]);
}

beforeAll(async () => {
  stack = await startTestStack();
  admin = new pg.Pool({ connectionString: stack.superuserUrl, max: 2 });
  admin.on('error', () => undefined);
  [alice, bob] = await Promise.all([signedUp('alice'), signedUp('bob')]);
}, 90_000);

// realtime-js keeps one channel per topic and client: each test joins afresh.
afterEach(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
});

afterAll(async () => {
  await admin?.end();
  await stack?.stop();
});

describe('private channels', () => {
  it('lets a user join their own user: channel and refuses another user and anon, naming the topic', async () => {
    await join(alice.client, `user:${alice.userId}`, true);
    await expect(join(bob.client, `user:${alice.userId}`, true)).rejects.toThrow(/Unauthorized.*read.*user:/);
    await expect(join(device(), `user:${alice.userId}`, true)).rejects.toThrow(/Unauthorized/);
  });

  it('delivers realtime.send to the private channel of its topic only, in order', async () => {
    const own = await join(alice.client, `user:${alice.userId}`, true);
    const bobsOwn = await join(bob.client, `user:${bob.userId}`, true);
    // Anyone may join a public channel of the same name: it is another channel.
    const lookalike = await join(bob.client, `user:${alice.userId}`, false);
    await send(`user:${alice.userId}`, 'poke', { table: 'bookings' });
    await send(`user:${alice.userId}`, 'poke', { table: 'credit_ledger' });
    await send(`user:${bob.userId}`, 'poke', { table: 'payments' });
    await until(() => own.received.length === 2 && bobsOwn.received.length === 1, 'the pokes');
    expect(own.received).toEqual([
      { event: 'poke', payload: { table: 'bookings' } },
      { event: 'poke', payload: { table: 'credit_ledger' } },
    ]);
    expect(bobsOwn.received).toEqual([{ event: 'poke', payload: { table: 'payments' } }]);
    // A public broadcast on the same topic reaches the public channel, after everything above.
    await send(`user:${alice.userId}`, 'sentinel', {}, false);
    await until(() => lookalike.received.length === 1, 'the public sentinel');
    expect(lookalike.received).toEqual([{ event: 'sentinel', payload: {} }]);
    expect(own.received).toHaveLength(2);
  });

  it('refuses a device broadcast on a private channel without an insert policy; public channels relay', async () => {
    const phone = await join(alice.client, `user:${alice.userId}`, true);
    const laptopClient = device();
    await laptopClient.auth.signInWithPassword({
      email: (await alice.client.auth.getUser()).data.user!.email!,
      password: 'correct horse battery',
    });
    const laptop = await join(laptopClient, `user:${alice.userId}`, true);
    const answer = await phone.channel.send({ type: 'broadcast', event: 'spoof', payload: { table: 'bookings' } });
    expect(answer).toBe('error');

    const room = `room:${randomUUID()}`;
    const one = await join(alice.client, room, false);
    const two = await join(bob.client, room, false);
    expect(await one.channel.send({ type: 'broadcast', event: 'hello', payload: { n: 1 } })).toBe('ok');
    await until(() => two.received.length === 1, 'the public broadcast');
    expect(two.received).toEqual([{ event: 'hello', payload: { n: 1 } }]);
    // The refused spoof reached nobody: the laptop heard only what the server sent after it.
    await send(`user:${alice.userId}`, 'sentinel', {});
    await until(() => laptop.received.length === 1, 'the private sentinel');
    expect(laptop.received).toEqual([{ event: 'sentinel', payload: {} }]);
  });
});

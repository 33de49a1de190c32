/**
 * Issue 17's pokes: a change to a synced table is broadcast on the private channel user:<id>
 * of the row's client and of their active trainers, naming only the table, and on nobody
 * else's (20261203230000_sync_pokes.sql). One poke per user and statement, however many rows.
 * "Nothing arrived" is proven without sleeping: messages are sent in commit order, so once a
 * later sentinel has arrived, an earlier poke would have arrived before it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { connectTrainerAndClient, createUser, type TestUser } from '../helpers/users.js';

type Heard = { event: string; payload: { table?: string } };

let stack: TestStack;
let admin: pg.Pool;
let client: TestUser;
let trainer: TestUser;
let stranger: TestUser;
const heard = new Map<string, Heard[]>();

async function listen(user: TestUser): Promise<void> {
  const received: Heard[] = [];
  heard.set(user.id, received);
  const channel = user.client.channel(`user:${user.id}`, { config: { private: true } });
  channel.on('broadcast', { event: '*' }, (message: Heard) => received.push({ event: message.event, payload: message.payload }));
  await new Promise<void>((resolve, reject) =>
    channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : reject(new Error(`${status} ${error?.message ?? ''}`)))),
  );
}

/** Sends a sentinel to every listener and waits for it: everything committed before has arrived. */
async function settle(): Promise<void> {
  const users = [...heard.keys()];
  for (const id of users) await admin.query(`select realtime.send('{}'::jsonb, 'sentinel', $1, true)`, [`user:${id}`]);
  const deadline = Date.now() + 5_000;
  while (!users.every((id) => heard.get(id)?.some((m) => m.event === 'sentinel'))) {
    if (Date.now() > deadline) throw new Error('the sentinels did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What each user heard since the last call, sentinels left out. */
function take(user: TestUser): string[] {
  const received = heard.get(user.id) ?? [];
  const tables = received.filter((m) => m.event === 'poke').map((m) => m.payload.table ?? '?');
  received.length = 0;
  return tables;
}

beforeAll(async () => {
  stack = await startTestStack();
  admin = new pg.Pool({ connectionString: stack.superuserUrl, max: 2 });
  admin.on('error', () => undefined);
  [client, trainer, stranger] = await Promise.all([
    createUser(stack, { role: 'client', fullName: 'Casey' }),
    createUser(stack, { role: 'trainer', fullName: 'Terry' }),
    createUser(stack, { role: 'trainer', fullName: 'Stranger' }),
  ]);
  await connectTrainerAndClient(trainer, client);
  await Promise.all([client, trainer, stranger].map(listen));
}, 90_000);

afterAll(async () => {
  await Promise.all([client, trainer, stranger].map((user) => user?.client.removeAllChannels()));
  await admin?.end();
  await stack?.stop();
});

describe('pokes', () => {
  it("reach the client and their trainer on a client's change, once per statement, and not a stranger", async () => {
    const { rows } = await admin.query<{ id: string }>(
      `insert into public.workout_sessions (client_id, status) values ($1, 'in_progress') returning id`,
      [client.id],
    );
    const { rows: exercises } = await admin.query<{ id: string }>(
      `insert into public.exercises (name, body_part, equipment) values ('Poke squat', 'legs', 'barbell') returning id`,
    );
    await admin.query(
      `insert into public.set_logs (session_id, exercise_id, set_index, weight_kg, reps, done)
       select $1, $2, n, 100, 5, true from generate_series(1, 300) n`,
      [rows[0]?.id, exercises[0]?.id],
    );
    await settle();
    expect(take(client)).toEqual(['workout_sessions', 'set_logs']);
    expect(take(trainer)).toEqual(['workout_sessions', 'set_logs']);
    expect(take(stranger)).toEqual([]);
  });

  it('reach both sides of a credit, the server-decided data the bookings replica keeps', async () => {
    await admin.query(`insert into public.credit_ledger (client_id, trainer_id, delta, reason, note) values ($1, $2, 3, 'adjustment', 'welcome')`, [
      client.id,
      trainer.id,
    ]);
    await settle();
    expect(take(client)).toEqual(['credit_ledger']);
    expect(take(trainer)).toEqual(['credit_ledger']);
    expect(take(stranger)).toEqual([]);
  });

  it("reach a trainer's clients when the trainer publishes (exercises, questionnaires, hours), and the people who see a changed name", async () => {
    await trainer.client.from('exercises').insert({ trainer_id: trainer.id, name: 'Poke row', body_part: 'back', equipment: 'cable' });
    await admin.query(
      `insert into public.trainer_availability (trainer_id, day_of_week, start_time, end_time, timezone, session_minutes, break_minutes)
       values ($1, 2, '09:00', '12:00', 'UTC', 60, 0)`,
      [trainer.id],
    );
    await settle();
    expect(take(client)).toEqual(['exercises', 'trainer_availability']);
    expect(take(trainer)).toEqual(['exercises', 'trainer_availability']);
    expect(take(stranger)).toEqual([]);

    await admin.query(`update public.profiles set full_name = 'Casey Jones' where id = $1`, [client.id]);
    await settle();
    expect(take(client)).toEqual(['profiles']);
    expect(take(trainer)).toEqual(['profiles']);
    expect(take(stranger)).toEqual([]);
  });

  it("reach the client on their trainer's change to their plan, and nobody once the client has left", async () => {
    await trainer.client.from('habits').insert({ client_id: client.id, trainer_id: trainer.id, name: 'Walk' });
    await settle();
    expect(take(client)).toEqual(['habits']);
    expect(take(trainer)).toEqual(['habits']);
    expect(take(stranger)).toEqual([]);

    await admin.query(`update public.trainer_clients set status = 'removed', removed_at = now() where trainer_id = $1 and client_id = $2`, [
      trainer.id,
      client.id,
    ]);
    await settle();
    // The roster changed for both of them; after that, the trainer hears nothing of the client.
    expect(take(client)).toEqual(['trainer_clients']);
    expect(take(trainer)).toEqual(['trainer_clients']);
    await admin.query(`insert into public.measurements (client_id, weight_kg) values ($1, 80)`, [client.id]);
    await settle();
    expect(take(client)).toEqual(['measurements']);
    expect(take(trainer)).toEqual([]);
  });
});

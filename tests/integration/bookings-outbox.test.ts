/**
 * Issue 9, the device side of booking offline: two devices queue a booking of the same slot in
 * their outbox (src/sync/outbox.ts) while offline; each request is stored as pending, with its
 * idempotency key. Back online, the first is booked and the second refused; the stored answers
 * read, for the person, as "Booked ... Confirmed." and "Not booked ... That time has just been
 * booked by someone else." (outbox-outcome.ts). A request whose answer was lost (left
 * 'sending') is sent again with the same key and books once.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOutboxRecord } from '@/features/bookings/outbox-outcome';
import { openSyncLocalStore, type SyncLocalStore } from '@/sync/local-store';
import { createOutbox, type Outbox } from '@/sync/outbox';
import { supabaseRpc, type SyncRpc } from '@/sync/rpc';
import { addAllDayWindows, connectAll, createUsers, openDb, type Db } from '../helpers/bookings.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import type { TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let trainer: TestUser;
let clients: TestUser[];

const HOUR = 3_600_000;
/** A slot on the hour, two days ahead (the trainer works all day, 60-minute sessions). */
const slotAt = (n: number): string => new Date((Math.floor(Date.now() / HOUR) + 48 + n) * HOUR).toISOString();

/** A device: its own IndexedDB, outbox and a switch that cuts its network. */
function device(user: TestUser): { outbox: Outbox; store: SyncLocalStore; setOnline: (online: boolean) => void } {
  let online = false;
  const real = supabaseRpc(user.client);
  const rpc: SyncRpc = async (fn, args) =>
    online ? real(fn, args) : { data: null, error: { message: 'TypeError: Failed to fetch', status: 0 } };
  const store = openSyncLocalStore(user.id, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { outbox: createOutbox({ store, rpc }), store, setOnline: (value) => (online = value) };
}

beforeAll(async () => {
  stack = await startTestStack();
  db = openDb(stack);
  [trainer] = (await createUsers(stack, 'trainer', 1, 'Casey')) as [TestUser];
  clients = await createUsers(stack, 'client', 2);
  await connectAll([trainer], clients);
  await addAllDayWindows(trainer, 60);
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('booking through the outbox', () => {
  it('keeps offline requests pending, then books the first and refuses the second with the reason', async () => {
    const [alex, sam] = clients.map(device) as [ReturnType<typeof device>, ReturnType<typeof device>];
    const slot = slotAt(1);
    const label = 'Thu 3 Dec, 10:00 with Casey';
    const a = await alex.outbox.enqueue({ fn: 'book_session', args: { p_trainer_id: trainer.id, p_starts_at: slot }, label });
    const b = await sam.outbox.enqueue({ fn: 'book_session', args: { p_trainer_id: trainer.id, p_starts_at: slot }, label });
    await alex.outbox.flush();
    await sam.outbox.flush();
    for (const d of [alex, sam]) {
      const [record] = await d.outbox.list();
      expect(record).toMatchObject({ status: 'pending', attempts: 1 });
      expect(describeOutboxRecord(record!).title).toBe(`Waiting to send: ${label}`);
    }
    const { rows: none } = await db.query(`select id from public.bookings where trainer_id = $1`, [trainer.id]);
    expect(none).toEqual([]);

    alex.setOnline(true);
    await alex.outbox.flush();
    sam.setOnline(true);
    await sam.outbox.flush();

    const alexRecord = await alex.store.outbox.get(a.key);
    const samRecord = await sam.store.outbox.get(b.key);
    expect(alexRecord?.status).toBe('done');
    expect(samRecord?.status).toBe('refused');
    expect(describeOutboxRecord(alexRecord!)).toMatchObject({
      state: 'done',
      title: `Booked: ${label}`,
      detail: 'Confirmed. You have 0 credits left.',
    });
    expect(describeOutboxRecord(samRecord!)).toMatchObject({
      state: 'refused',
      title: `Not booked: ${label}`,
      detail: 'That time has just been booked by someone else.',
      refusal: 'slot_taken',
    });

    const { rows } = await db.query<{ client_id: string; status: string; idempotency_key: string }>(
      `select client_id, status, idempotency_key from public.bookings where trainer_id = $1 and not deleted`,
      [trainer.id],
    );
    expect(rows).toEqual([{ client_id: clients[0]!.id, status: 'confirmed', idempotency_key: a.key }]);
  });

  it('sends a request whose answer was lost again with the same key, and books once', async () => {
    // Sam still has this month's free meeting (the refused booking spent nothing).
    const sam = device(clients[1]!);
    sam.setOnline(true);
    const slot = slotAt(5);
    const request = await sam.outbox.enqueue({ fn: 'book_session', args: { p_trainer_id: trainer.id, p_starts_at: slot }, label: 'retry' });
    await sam.outbox.flush();
    expect(await sam.store.outbox.get(request.key)).toMatchObject({ status: 'done', result: { replayed: false } });
    // The tab closed before the answer was stored: the record is back to 'sending'.
    await sam.store.outbox.update(request.key, { status: 'sending', result: null });
    await sam.outbox.flush();
    const again = await sam.store.outbox.get(request.key);
    expect(again).toMatchObject({ status: 'done', attempts: 2, result: { replayed: true } });
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.bookings where starts_at = $1 and not deleted`, [
      slot,
    ]);
    expect(rows[0]?.n).toBe(1);
  });
});

/**
 * Outbox for server functions a device may call offline (bookings and credits): the request is
 * stored with an idempotency key and shown as pending; it is sent when the device is online,
 * and the server's answer (a result, or a refusal with its reason) is stored for the UI.
 *
 * The key is sent as the function's `p_idempotency_key` argument: the server function must
 * treat a repeated key as the same request (ARCHITECTURE.md "Server functions"), so a send
 * whose answer was lost can be repeated safely.
 */
import { newIdempotencyKey } from '../db/ids';
import type { OutboxRecord, SyncLocalStore } from './local-store';
import type { SyncRpc } from './rpc';
import { isTransient } from './server-errors';

export const IDEMPOTENCY_ARGUMENT = 'p_idempotency_key';

export type OutboxRequest = { fn: string; args: Record<string, unknown>; label: string };

export type Outbox = {
  /** Stores the request (pending) and returns its record; call flush() to send now. */
  enqueue: (request: OutboxRequest) => Promise<OutboxRecord>;
  /** Sends every pending request in the order made; stops at the first transient failure. */
  flush: () => Promise<void>;
  list: () => Promise<OutboxRecord[]>;
  /** Forgets a finished request (done or refused) once the user has seen it. */
  dismiss: (key: string) => Promise<void>;
};

export function createOutbox(options: { store: SyncLocalStore; rpc: SyncRpc; onChange?: (records: OutboxRecord[]) => void }): Outbox {
  const { store, rpc } = options;
  let flushing: Promise<void> | null = null;

  async function notify(): Promise<void> {
    options.onChange?.(await store.outbox.orderBy('createdAt').toArray());
  }

  async function sendOne(record: OutboxRecord): Promise<'sent' | 'retry-later'> {
    const now = new Date().toISOString();
    await store.outbox.update(record.key, { status: 'sending', attempts: record.attempts + 1, lastAttemptAt: now });
    const { data, error } = await rpc(record.fn, { ...record.args, [IDEMPOTENCY_ARGUMENT]: record.key });
    if (error && isTransient(error)) {
      await store.outbox.update(record.key, { status: 'pending' });
      return 'retry-later';
    }
    if (error) {
      await store.outbox.update(record.key, { status: 'refused', error: { code: error.code ?? String(error.status ?? ''), message: error.message } });
    } else {
      await store.outbox.update(record.key, { status: 'done', result: data ?? null, error: null });
    }
    return 'sent';
  }

  async function flushOnce(): Promise<void> {
    // A request left 'sending' by a closed tab or a crash is sent again (same key: safe).
    const waiting = await store.outbox.where('status').anyOf('pending', 'sending').sortBy('createdAt');
    for (const record of waiting) {
      const outcome = await sendOne(record);
      await notify();
      if (outcome === 'retry-later') return;
    }
  }

  return {
    async enqueue(request) {
      const record: OutboxRecord = {
        key: newIdempotencyKey(),
        fn: request.fn,
        args: request.args,
        label: request.label,
        status: 'pending',
        createdAt: new Date().toISOString(),
        attempts: 0,
        lastAttemptAt: null,
        result: null,
        error: null,
      };
      await store.outbox.add(record);
      await notify();
      return record;
    },
    flush() {
      flushing ??= flushOnce().finally(() => {
        flushing = null;
      });
      return flushing;
    },
    list: () => store.outbox.orderBy('createdAt').toArray(),
    async dismiss(key) {
      const record = await store.outbox.get(key);
      if (record && (record.status === 'done' || record.status === 'refused')) await store.outbox.delete(key);
      await notify();
    },
  };
}

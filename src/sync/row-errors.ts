/**
 * Rows the server refused (a CHECK, a foreign key, RLS): recorded with the reason and kept
 * visible until the user fixes the row (the next successful push clears it) or discards the
 * change (the row goes back to the server's version, or away if the server never had it).
 * The push itself treats such a row as done, so one bad row never blocks the queue.
 */
import type { RxCollection } from 'rxdb';
import type { RowErrorRecord, SyncLocalStore } from './local-store';

export type PushRowError = { id: string; code: string; message: string; constraint: string | null; column: string | null };

export function rowErrorKey(collection: string, rowId: string): string {
  return `${collection}:${rowId}`;
}

export async function recordPushErrors(
  store: SyncLocalStore,
  collection: string,
  errors: readonly PushRowError[],
  rows: ReadonlyMap<string, { doc: Record<string, unknown>; base: Record<string, unknown> | null }>,
): Promise<void> {
  if (errors.length === 0) return;
  const at = new Date().toISOString();
  await store.rowErrors.bulkPut(
    errors.map((error) => ({
      key: rowErrorKey(collection, error.id),
      collection,
      rowId: error.id,
      direction: 'push',
      code: error.code,
      message: error.message,
      constraint: error.constraint,
      column: error.column,
      row: rows.get(error.id)?.doc ?? {},
      base: rows.get(error.id)?.base ?? null,
      at,
    })),
  );
}

export async function recordPullError(store: SyncLocalStore, collection: string, rowId: string, message: string, row: Record<string, unknown>): Promise<void> {
  await store.rowErrors.put({
    key: rowErrorKey(collection, rowId),
    collection,
    rowId,
    direction: 'pull',
    code: 'invalid',
    message,
    constraint: null,
    column: null,
    row,
    base: null,
    at: new Date().toISOString(),
  });
}

/** Rows the server accepted: any earlier error about them is resolved. */
export async function clearRowErrors(store: SyncLocalStore, collection: string, rowIds: readonly string[]): Promise<void> {
  if (rowIds.length === 0) return;
  await store.rowErrors.bulkDelete(rowIds.map((id) => rowErrorKey(collection, id)));
}

export function listRowErrors(store: SyncLocalStore): Promise<RowErrorRecord[]> {
  return store.rowErrors.orderBy('at').toArray();
}

/**
 * Gives up the refused change: the row returns to the server's version the edit started from,
 * or is removed when the server never had it (such a removal is never sent: see
 * row-mapping.ts neverReachedServer).
 */
export async function discardRefusedChange(store: SyncLocalStore, collection: RxCollection, record: RowErrorRecord): Promise<void> {
  const doc = await collection.findOne(record.rowId).exec();
  if (record.base) {
    // Back to the server's version: pushed with the revision it came with, the server sees
    // its own values and writes nothing.
    const { deleted, ...base } = record.base;
    if (deleted === true) {
      if (doc) await doc.incrementalRemove();
    } else if (doc) {
      await doc.incrementalModify((data: Record<string, unknown>) => ({ ...data, ...base }));
    } else {
      await collection.upsert(base);
    }
    await store.rowErrors.delete(record.key);
  } else if (doc) {
    // Never on the server: removing it is all (the push recognises the removal and drops it,
    // together with this record).
    await doc.incrementalRemove();
  } else {
    await store.rowErrors.delete(record.key);
  }
}

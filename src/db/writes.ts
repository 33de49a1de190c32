/**
 * How screens write synced rows. Every write stamps the device's edit time and id, which the
 * merge uses to order edits of the same field (later edit wins, ties by device id): write
 * through these helpers, never with a bare insert/patch, or a merge could drop the edit.
 */
import type { RxCollection, RxDocument } from 'rxdb';
import type { SyncedTableName } from './collections';
import type { SyncedRowFieldName } from './schema/synced-row';
import type { DeviceCollections, DeviceDatabase } from './database';
import { newRowId } from './ids';

type DocOf<T extends SyncedTableName> = DeviceCollections[T] extends RxCollection<infer D> ? D : never;

/** The fields a screen provides for a new row; id and created_at may be given (habit logs). */
export type NewRowFields<T extends SyncedTableName> = Omit<DocOf<T>, SyncedRowFieldName> & { id?: string; created_at?: string };
export type RowChanges<T extends SyncedTableName> = Partial<Omit<DocOf<T>, SyncedRowFieldName>>;

/** An edit time after `previous`, so a device's own edits of a row always move forward. */
export function editTimeAfter(previous: string | undefined, now: Date = new Date()): string {
  const before = previous ? Date.parse(previous) : Number.NaN;
  const time = Number.isNaN(before) ? now.getTime() : Math.max(now.getTime(), before + 1);
  return new Date(time).toISOString();
}

export function stampNewRow<T extends SyncedTableName>(deviceId: string, fields: NewRowFields<T>, now: Date = new Date()): DocOf<T> {
  const at = now.toISOString();
  return {
    ...fields,
    id: fields.id ?? newRowId(),
    created_at: fields.created_at ?? at,
    updated_at: at,
    updated_by_device: deviceId,
    // The revision the server gives a new row (sync.stamp_row): the pull after the push then
    // brings the row back equal, and the device does not write it a second time.
    server_rev: 1,
  } as DocOf<T>;
}

function collectionOf(db: DeviceDatabase, table: SyncedTableName) {
  const collection = db.rx.collections[table];
  if (!collection) throw new Error(`collection ${table} is not open on this device`);
  return collection as unknown as RxCollection<Record<string, unknown>>;
}

export async function insertRow<T extends SyncedTableName>(db: DeviceDatabase, table: T, fields: NewRowFields<T>): Promise<DocOf<T>> {
  const row = stampNewRow<T>(db.deviceId, fields);
  await collectionOf(db, table).insert(row as Record<string, unknown>);
  return row;
}

/** Many new rows in one storage write (a whole workout's sets). */
export async function insertRows<T extends SyncedTableName>(db: DeviceDatabase, table: T, rows: readonly NewRowFields<T>[]): Promise<void> {
  const now = new Date();
  const result = await collectionOf(db, table).bulkInsert(rows.map((fields) => stampNewRow<T>(db.deviceId, fields, now) as Record<string, unknown>));
  if (result.error.length > 0) throw new Error(`insert into ${table} failed: ${JSON.stringify(result.error[0])}`);
}

export async function editRow<T extends SyncedTableName>(db: DeviceDatabase, table: T, id: string, changes: RowChanges<T>): Promise<void> {
  const doc = (await collectionOf(db, table).findOne(id).exec()) as RxDocument<Record<string, unknown>> | null;
  if (!doc) throw new Error(`${table} ${id} is not on this device`);
  await doc.incrementalModify((data) => ({
    ...data,
    ...(changes as Record<string, unknown>),
    updated_at: editTimeAfter(data.updated_at as string | undefined),
    updated_by_device: db.deviceId,
  }));
}

/** Soft delete: the row leaves every query here and is marked deleted on the server. */
export async function deleteRow(db: DeviceDatabase, table: SyncedTableName, id: string): Promise<void> {
  const doc = (await collectionOf(db, table).findOne(id).exec()) as RxDocument<Record<string, unknown>> | null;
  if (!doc) return;
  const stamped = await doc.incrementalModify((data) => ({
    ...data,
    updated_at: editTimeAfter(data.updated_at as string | undefined),
    updated_by_device: db.deviceId,
  }));
  await stamped.incrementalRemove();
}

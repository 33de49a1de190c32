import { defaultConflictHandler } from 'rxdb';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getChangedDocumentsSinceQuery, prepareQuery, type RxStorageInstance } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceDatabase, type DeviceDatabase } from './database';
import { newRowId } from './ids';
import { deleteRow, editRow, insertRows } from './writes';
import { programFields } from '../../tests/helpers/sync-fixtures';
import { type ChangedSinceCheckpoint } from './changed-since';

type Instance = RxStorageInstance<Record<string, unknown>, unknown, unknown, ChangedSinceCheckpoint>;

let db: DeviceDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function openDatabase(): Promise<DeviceDatabase> {
  db = await createDeviceDatabase({
    name: `changed-since-${newRowId().slice(-12)}`,
    userId: 'u1',
    deviceId: 'phone',
    storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }) as never,
    tables: ['programs'],
    multiInstance: false,
    conflictHandler: defaultConflictHandler,
  });
  return db;
}

function rawInstance(database: DeviceDatabase): Instance {
  const wrapped = database.rx.collections.programs.storageInstance as unknown as { originalStorageInstance: Instance };
  return wrapped.originalStorageInstance;
}

/** RxDB's own answer: its general query on the same storage instance. */
async function rxdbAnswer(instance: Instance, limit: number, checkpoint?: ChangedSinceCheckpoint) {
  const query = prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance, limit, checkpoint));
  return (await instance.query(query)).documents;
}

/** Pages through every change from the start, `limit` at a time; the ids in order. */
async function pageAll(instance: Instance, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let checkpoint: ChangedSinceCheckpoint | undefined;
  for (;;) {
    const page = await instance.getChangedDocumentsSince!(limit, checkpoint);
    expect(page.documents.map((d) => d.id)).toEqual((await rxdbAnswer(instance, limit, checkpoint)).map((d) => d.id));
    if (page.documents.length === 0) return ids;
    ids.push(...page.documents.map((d) => String(d.id)));
    checkpoint = page.checkpoint;
  }
}

const program = (name: string) => ({ ...programFields('7f6c1c9e-4b7e-4c1e-9d0a-1f2e3d4c5b6a', { name }), id: newRowId() });

describe('documents changed since a checkpoint', () => {
  it('answers as RxDB does, page by page, across writes that share one write time', async () => {
    const database = await openDatabase();
    // Three bulk writes (each one write time for all its rows), then edits and a delete.
    const batches = [30, 7, 25].map((n, b) => Array.from({ length: n }, (_, i) => program(`B${b}-${i}`)));
    for (const batch of batches) await insertRows(database, 'programs', batch);
    const first = batches[0]![3]!.id;
    const second = batches[2]![0]!.id;
    await editRow(database, 'programs', first, { name: 'Edited' });
    await deleteRow(database, 'programs', second);

    const instance = rawInstance(database);
    expect(instance.getChangedDocumentsSince).toBeTypeOf('function');
    for (const limit of [1, 4, 10, 100]) {
      const ids = await pageAll(instance, limit);
      // Every document once, the edited and the deleted one last (their writes came last).
      expect(ids).toHaveLength(62);
      expect(new Set(ids).size).toBe(62);
      expect(ids.slice(-2).sort()).toEqual([first, second].sort());
    }
  });

  it('keeps booleans as booleans and brings deleted documents', async () => {
    const database = await openDatabase();
    const rows = [program('A'), program('B')];
    await insertRows(database, 'programs', rows);
    await deleteRow(database, 'programs', rows[1]!.id);
    const page = await rawInstance(database).getChangedDocumentsSince!(10);
    const deleted = page.documents.find((d) => d.id === rows[1]!.id);
    expect(deleted?._deleted).toBe(true);
    expect(page.documents.find((d) => d.id === rows[0]!.id)?._deleted).toBe(false);
  });
});

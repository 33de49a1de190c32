/**
 * The least IndexedDB work a first sync of `count` set logs can take in this browser: the rows
 * put straight into an object store with the indexes RxDB's Dexie storage gives the set_logs
 * collection, one transaction per page of 1,000. No RxDB, no network, and none of the
 * replication's bookkeeping (RxDB also stores, per row, the server state it last saw, and
 * reads each row before writing it).
 */
import { collectionSpec } from '../../src/db/collections';

const PAGE = 1000;

/** Key paths as RxDB's Dexie storage declares them: `_deleted` first and `id` last. */
function setLogIndexes(): string[][] {
  const declared = (collectionSpec('set_logs').schema.indexes ?? []) as Array<string | string[]>;
  const fromSchema = declared.map((index) => ['_deleted', ...(typeof index === 'string' ? [index] : index), 'id']);
  return [...fromSchema, ['_deleted', 'id'], ['_meta.lwt', 'id'], ['_meta.lwt']];
}

function setLogRow(i: number, now: number): Record<string, unknown> {
  const at = new Date(now - i * 1000).toISOString();
  return {
    id: crypto.randomUUID(),
    session_id: crypto.randomUUID(),
    client_id: '00000000-0000-4000-8000-000000000001',
    exercise_id: '00000000-0000-4000-8000-000000000002',
    program_exercise_id: null,
    set_index: 1 + (i % 1000),
    set_kind: 'working',
    weight_kg: 60 + (i % 80),
    reps: 1 + (i % 12),
    rir: i % 4,
    rpe: null,
    duration_seconds: null,
    distance_m: null,
    done: true,
    performed_at: at,
    notes: null,
    created_at: at,
    updated_at: at,
    updated_by_device: 'seed',
    server_rev: 1,
    // Dexie storage keeps booleans used in indexes as '0' / '1'.
    _deleted: '0',
    _rev: '1-benchfloor',
    _meta: { lwt: now + i },
    _attachments: {},
  };
}

function openStore(name: string, indexes: string[][]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('docs', { keyPath: 'id' });
      for (const keyPath of indexes) store.createIndex(keyPath.join('+'), keyPath.length === 1 ? (keyPath[0] as string) : keyPath);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putPage(db: IDBDatabase, rows: Record<string, unknown>[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('docs', 'readwrite');
    const store = transaction.objectStore('docs');
    for (const row of rows) store.put(row);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

/** Milliseconds to put `count` set logs into a fresh store with the collection's indexes. */
export async function putSetLogsStraight(count: number): Promise<number> {
  const db = await openStore(`bench-idb-floor-${Date.now()}`, setLogIndexes());
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => setLogRow(i, now));
  const started = performance.now();
  for (let from = 0; from < count; from += PAGE) await putPage(db, rows.slice(from, from + PAGE));
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

/**
 * "Which documents changed since this checkpoint?", asked of the device database by RxDB's
 * push side at every start and resync, and by the unsent-row counts (src/sync/pending.ts).
 *
 * RxDB's Dexie storage answers with a general query whose index range starts at the
 * checkpoint's write time (`_meta.lwt`) only, then filters by id. But every document of one
 * storage write shares one write time (a pulled page of 1,000 rows, several pages when RxDB
 * merges them), so each ask walked all of that write's documents before the first new one:
 * thousands of reads that also hold up the client's next tick. Here the ask starts in the
 * `[_meta.lwt+id]` index just after (lwt, id), which is the same answer in the same order.
 */
import type { RxDocumentData, RxStorage, RxStorageInstance } from 'rxdb';
import { fromDexieToStorage, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';

export type ChangedSinceCheckpoint = { id: string; lwt: number };
type AnyDoc = Record<string, unknown>;

/** Documents after `checkpoint` in (write time, id) order, at most `limit`. */
export async function dexieChangedSince(
  instance: RxStorageInstanceDexie<AnyDoc>,
  limit: number,
  checkpoint?: ChangedSinceCheckpoint,
): Promise<{ documents: RxDocumentData<AnyDoc>[]; checkpoint: ChangedSinceCheckpoint }> {
  const internals = await instance.internals;
  const primaryPath = String(instance.primaryPath);
  const index = `[_meta.lwt+${primaryPath}]`;
  const rows = checkpoint
    ? internals.dexieTable.where(index).above([checkpoint.lwt, checkpoint.id])
    : internals.dexieTable.orderBy(index);
  const stored = await rows.limit(limit).toArray();
  const documents = stored.map((row: unknown) => fromDexieToStorage<AnyDoc>(internals.booleanIndexes, row));
  const last = documents[documents.length - 1];
  return {
    documents,
    checkpoint: last ? { id: String(last[primaryPath]), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
  };
}

/** The Dexie storage with `dexieChangedSince` on every instance; any other storage as it is. */
export function withIndexedChangedSince<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  if (storage.name !== 'dexie') return storage;
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const dexie = instance as unknown as RxStorageInstanceDexie<AnyDoc>;
      (instance as RxStorageInstance<AnyDoc, Internals, Options, ChangedSinceCheckpoint>).getChangedDocumentsSince = (limit, checkpoint) =>
        dexieChangedSince(dexie, limit, checkpoint);
      return instance;
    },
  };
}

/**
 * A device drops what its user may no longer read. The server stops serving rows
 * the user lost access to (a trainer removed a client, a client left, an admin moved a row)
 * and sends no tombstone for them, so without this the device would keep them for good.
 *
 * Cheap check, often: `sync_scope()`, a fingerprint of whose data the user may read. When it
 * changed since the last check, or a day has passed, the device asks `sync_visible_ids` about
 * every row it holds that the server has had, 1000 at a time, and removes the others from its
 * own copy. Their ids go in the local store's `purged` table first, so the push handler never
 * sends those removals (push.ts): the server's rows are not the device's to delete. Rows the
 * server has never had (unsent edits, refused rows) are never asked about.
 */
import { getAssumedMasterState } from 'rxdb';
import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { SyncLocalStore } from './local-store';
import { rowErrorKey } from './row-errors';
import type { SyncRpc } from './rpc';

export const ACCESS_META_KEY = 'access';
/** Even with an unchanged fingerprint, the holdings are checked once a day (an admin's move). */
export const ACCESS_RECHECK_MS = 24 * 3_600_000;
const ID_BATCH = 1000;

type AccessMeta = { scope: string; checkedAt: number };

export function purgedKey(collection: string, id: string): string {
  return `${collection}:${id}`;
}

/**
 * Ids of the collection the server has had (RxDB knows its state), not deleted here. A row the
 * server refused counts as pushed for RxDB, but it never reached the server: it waits for its
 * user in row-errors and is never asked about.
 */
async function heldServerIds(store: SyncLocalStore, replication: RxReplicationState<Record<string, unknown>, unknown>): Promise<string[]> {
  const collection = replication.collection as RxCollection<Record<string, unknown>>;
  const docs = await collection.find().exec();
  const ids = docs.map((doc) => String(doc.primary));
  const state = replication.internalReplicationState;
  if (!state || ids.length === 0) return [];
  const held: string[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const chunk = ids.slice(i, i + ID_BATCH);
    const [assumed, refused] = await Promise.all([
      getAssumedMasterState(state, chunk),
      store.rowErrors.bulkGet(chunk.map((id) => rowErrorKey(collection.name, id))),
    ]);
    held.push(...chunk.filter((id, j) => assumed[id] && !refused[j]));
  }
  return held;
}

async function invisibleIds(rpc: SyncRpc, table: string, ids: readonly string[]): Promise<string[]> {
  const gone: string[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const chunk = ids.slice(i, i + ID_BATCH);
    const { data, error } = await rpc('sync_visible_ids', { p_table: table, p_ids: chunk });
    if (error || !Array.isArray(data)) throw new Error(`sync_visible_ids ${table}: ${error?.message ?? 'malformed answer'}`);
    const visible = new Set((data as unknown[]).map(String));
    gone.push(...chunk.filter((id) => !visible.has(id)));
  }
  return gone;
}

/** Removes the rows from this device only: recorded as purged first, so the removal is never pushed. */
async function dropLocally(store: SyncLocalStore, collection: RxCollection<Record<string, unknown>>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const at = new Date().toISOString();
  await store.purged.bulkPut(ids.map((id) => ({ key: purgedKey(collection.name, id), at })));
  await collection.bulkRemove([...ids]);
}

export type AccessCheckOptions = {
  rpc: SyncRpc;
  store: SyncLocalStore;
  replications: ReadonlyMap<string, RxReplicationState<Record<string, unknown>, unknown>>;
  now?: () => number;
};

/**
 * One check: the fingerprint, and when it moved (or a day passed) the holdings of every
 * collection. Returns how many rows left the device; throws when the server cannot be asked
 * (the caller tries again at the next resync).
 */
export async function checkAccess(options: AccessCheckOptions): Promise<{ checked: boolean; dropped: number }> {
  const now = options.now ?? Date.now;
  const { data: scope, error } = await options.rpc('sync_scope', {});
  if (error || typeof scope !== 'string') throw new Error(`sync_scope: ${error?.message ?? 'malformed answer'}`);
  const meta = (await options.store.meta.get(ACCESS_META_KEY))?.value as AccessMeta | undefined;
  if (meta && meta.scope === scope && now() - meta.checkedAt < ACCESS_RECHECK_MS) return { checked: false, dropped: 0 };
  let dropped = 0;
  for (const [table, replication] of options.replications) {
    const gone = await invisibleIds(options.rpc, table, await heldServerIds(options.store, replication));
    await dropLocally(options.store, replication.collection as RxCollection<Record<string, unknown>>, gone);
    dropped += gone.length;
  }
  await options.store.meta.put({ key: ACCESS_META_KEY, value: { scope, checkedAt: now() } satisfies AccessMeta });
  return { checked: true, dropped };
}

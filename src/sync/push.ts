/**
 * The push handler of one collection: the whole batch goes to `sync_push` in one round trip.
 * - conflicts: the server's current rows, handed back to RxDB as master states, so the
 *   conflict handler (conflict-handler.ts) merges them with the device's edits;
 * - per-row errors: recorded with their reason (row-errors.ts) and *not* handed back, so RxDB
 *   counts the row as done and the queue moves on; the row stays visible until fixed or
 *   discarded;
 * - a failed call (offline, server down, token expired) throws: RxDB keeps the batch and
 *   retries it later, and the server's conditional writes make the retry safe;
 * - a call the server refuses whole (it cannot read the body: a string with U+0000, which
 *   jsonb refuses; a body too large) is split in halves until the row it cannot take is
 *   alone; that row becomes a row error like any other, and the rest land. Never the same
 *   refused batch again and again.
 */
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { CollectionSpec } from '../db/collections';
import type { SyncLocalStore } from './local-store';
import { purgedKey } from './lost-access';
import { clearRowErrors, recordPushErrors, rowErrorKey, type PushRowError } from './row-errors';
import { neverReachedServer, parseServerRow, toPushRow, type PushRow, type ServerRow } from './row-mapping';
import type { SyncRpc } from './rpc';
import { SyncCallError } from './server-errors';

export type PushAnswer = { conflicts: ServerRow[]; errors: PushRowError[]; written: number };

export type PushHandlerOptions = {
  rpc: SyncRpc;
  spec: CollectionSpec;
  instants: readonly string[];
  store: SyncLocalStore;
  onResult?: (result: { sent: number; written: number; conflicts: number; errors: number }) => void;
  /**
   * Resolves true when the collections this one references have pushed what they hold, false
   * if they have not after a while. Rows refused for a missing parent (foreign key) are sent
   * once more after it.
   */
  awaitParents?: () => Promise<boolean>;
};

/** SQLSTATE of a foreign-key violation: the referenced row is not (yet) on the server. */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Sends the batch; rows refused only because their parent had not reached the server yet (the
 * parent's collection pushes on its own) are sent again once the parents have pushed.
 */
async function pushWithParentRetry(options: PushHandlerOptions, rows: readonly PushRow[]): Promise<PushAnswer> {
  const answer = await pushIsolatingRefusals(options.rpc, options.spec.name, rows);
  const orphans = new Set(answer.errors.filter((e) => e.code === FOREIGN_KEY_VIOLATION).map((e) => e.id));
  if (orphans.size === 0 || !options.awaitParents) return answer;
  // The parent is still on its way (its push keeps failing): keep the batch for a later retry
  // rather than refusing rows that will be fine once it arrives.
  if (!(await options.awaitParents())) throw new Error(`${options.spec.name}: waiting for referenced rows to reach the server`);
  const again = await pushIsolatingRefusals(options.rpc, options.spec.name, rows.filter((r) => orphans.has(String(r.doc.id))));
  return {
    conflicts: [...answer.conflicts, ...again.conflicts],
    errors: [...answer.errors.filter((e) => !orphans.has(e.id)), ...again.errors],
    written: answer.written + again.written,
  };
}

/**
 * sync_push, splitting a batch the server refuses whole (not for a transient reason) until each
 * refusal is one row's: that row is answered as a row error with the server's reason.
 */
export async function pushIsolatingRefusals(rpc: SyncRpc, table: string, rows: readonly PushRow[]): Promise<PushAnswer> {
  try {
    return await callSyncPush(rpc, table, rows);
  } catch (error) {
    // Only a refusal of what was sent (400: unreadable; 413: too large) is split; anything else
    // (no function, no rights, the server down) is the same for every row: retried later.
    if (!(error instanceof SyncCallError) || error.transient || rows.length === 0 || (error.status !== 400 && error.status !== 413)) throw error;
    if (rows.length === 1) {
      const id = String(rows[0]?.doc.id);
      const code = error.code ?? (error.status === undefined ? 'refused' : String(error.status));
      return { conflicts: [], errors: [{ id, code, message: `the server could not take this change: ${error.reason}`, constraint: null, column: null }], written: 0 };
    }
    const middle = Math.ceil(rows.length / 2);
    const first = await pushIsolatingRefusals(rpc, table, rows.slice(0, middle));
    const second = await pushIsolatingRefusals(rpc, table, rows.slice(middle));
    return { conflicts: [...first.conflicts, ...second.conflicts], errors: [...first.errors, ...second.errors], written: first.written + second.written };
  }
}

export async function callSyncPush(rpc: SyncRpc, table: string, rows: readonly PushRow[]): Promise<PushAnswer> {
  const { data, error } = await rpc('sync_push', { p_table: table, p_rows: rows });
  if (error) throw new SyncCallError(`sync_push ${table}`, error);
  const answer = data as Partial<PushAnswer> | null;
  if (!answer || !Array.isArray(answer.conflicts) || !Array.isArray(answer.errors)) throw new Error(`sync_push ${table}: malformed answer`);
  return { conflicts: answer.conflicts, errors: answer.errors, written: Number(answer.written ?? 0) };
}

/**
 * Deleted rows that the server refused when they were new and that the user has now
 * discarded: the server never had them, though RxDB believes it does (a refused row counts as
 * pushed), so their deletion is not sent; their error record goes with them.
 */
async function discardedNewRows(store: SyncLocalStore, collection: string, rows: RxReplicationWriteToMasterRow<Record<string, unknown>>[]): Promise<Set<string>> {
  const deletedIds = rows.filter((r) => (r.newDocumentState as Record<string, unknown>).deleted === true).map((r) => String(r.newDocumentState.id));
  if (deletedIds.length === 0) return new Set();
  const records = await store.rowErrors.bulkGet(deletedIds.map((id) => rowErrorKey(collection, id)));
  const ids = records.flatMap((r) => (r && r.direction === 'push' && r.base === null ? [r.rowId] : []));
  await clearRowErrors(store, collection, ids);
  return new Set(ids);
}

/**
 * Rows this device dropped because its user lost access to them (lost-access.ts): their
 * removal stays on the device. Their purge records go once seen here.
 */
async function purgedRows(store: SyncLocalStore, collection: string, rows: RxReplicationWriteToMasterRow<Record<string, unknown>>[]): Promise<Set<string>> {
  // Only removals can be purges: a push of ticked sets reads nothing more here.
  const keys = rows
    .filter((r) => (r.newDocumentState as Record<string, unknown>).deleted === true)
    .map((r) => purgedKey(collection, String(r.newDocumentState.id)));
  if (keys.length === 0) return new Set();
  const records = await store.purged.bulkGet(keys);
  const found = records.flatMap((r) => (r ? [r.key] : []));
  if (found.length === 0) return new Set();
  await store.purged.bulkDelete(found);
  return new Set(found.map((key) => key.slice(collection.length + 1)));
}

export function createPushHandler(options: PushHandlerOptions) {
  return async (rows: RxReplicationWriteToMasterRow<Record<string, unknown>>[]): Promise<WithDeleted<Record<string, unknown>>[]> => {
    const toSend: PushRow[] = [];
    const sentById = new Map<string, { doc: Record<string, unknown>; base: Record<string, unknown> | null }>();
    const discarded = await discardedNewRows(options.store, options.spec.name, rows);
    const purged = await purgedRows(options.store, options.spec.name, rows);
    for (const row of rows) {
      const newState = row.newDocumentState as Record<string, unknown>;
      const assumed = row.assumedMasterState as Record<string, unknown> | undefined;
      const id = String(newState.id);
      if (neverReachedServer(newState, assumed) || discarded.has(id) || purged.has(id)) continue;
      const pushRow = toPushRow(newState, assumed);
      toSend.push(pushRow);
      sentById.set(String(pushRow.doc.id), { doc: pushRow.doc, base: assumed ?? null });
    }
    if (toSend.length === 0) return [];

    const answer = await pushWithParentRetry(options, toSend);

    const conflicts: Record<string, unknown>[] = [];
    for (const raw of answer.conflicts) {
      const parsed = parseServerRow(options.spec.model, options.instants, raw);
      if (parsed.ok) conflicts.push(parsed.row);
      else answer.errors.push({ id: String(raw.id), code: 'invalid', message: `the server's row failed this app's checks: ${parsed.message}`, constraint: null, column: null });
    }
    await recordPushErrors(options.store, options.spec.name, answer.errors, sentById);
    const failed = new Set([...answer.errors.map((e) => e.id), ...conflicts.map((c) => String(c.id))]);
    await clearRowErrors(options.store, options.spec.name, [...sentById.keys()].filter((id) => !failed.has(id)));
    options.onResult?.({ sent: toSend.length, written: answer.written, conflicts: conflicts.length, errors: answer.errors.length });
    // Rows with the server's `deleted`; RxDB turns it into `_deleted` (deletedField).
    return conflicts as WithDeleted<Record<string, unknown>>[];
  };
}

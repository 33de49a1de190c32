/**
 * RxDB's conflict handler for every synced collection, built on the field-level three-way
 * merge (merge.ts). RxDB hands us documents with its own `_deleted` flag; the merge speaks the
 * server's `deleted`, so each side is translated on the way in and out.
 *
 * isEqual: same content AND same server_rev AND same deleted flag.
 *   - Content alone (sameContent) is not enough: after an edit is pushed, the device's copy
 *     still carries the server_rev it started from. If a pulled row with the new server_rev
 *     counted as equal, RxDB would keep the stale revision and the next edit of that row would
 *     be refused as a conflict (an extra round trip every time). Comparing server_rev lets the
 *     pull refresh it. A new row needs no refresh: it is revision 1 on the device and on the
 *     server alike (writes.ts, sync.stamp_row), so its pull after the push changes nothing.
 *   - sameContent skips `_`-prefixed keys, so the delete flag is compared here explicitly: a
 *     delete is a change.
 * resolve: merge(base = assumedMasterState, local = newDocumentState, remote = realMasterState).
 *   When the merge adds nothing to the server's row (an equal duplicate such as two devices
 *   ticking the same habit day, or a push retried after its response was lost), the server's
 *   row is taken as it is, so nothing is written again.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { deepEqual, mergeRow, sameContent, type Row } from './merge';

/** Fields that say who and when, not what: two rows equal apart from them are duplicates. */
const EDIT_STAMP_FIELDS = new Set(['updated_at', 'updated_by_device', 'created_at', 'server_rev', 'txid']);

type RxRow = WithDeleted<Record<string, unknown>>;

/** RxDB's document → the merge's row (`_deleted` → `deleted`, RxDB internals dropped). */
export function toMergeRow(doc: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('_')) continue;
    row[key] = value;
  }
  row.deleted = doc._deleted === true;
  return row;
}

/** The merge's row → RxDB's document. */
export function fromMergeRow(row: Row): RxRow {
  const { deleted, ...rest } = row;
  return { ...rest, _deleted: deleted === true } as RxRow;
}

function revisionOf(doc: Record<string, unknown>): unknown {
  return doc.server_rev ?? null;
}

export function isSameDeviceRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return (a._deleted === true) === (b._deleted === true) && revisionOf(a) === revisionOf(b) && sameContent(a, b);
}

/** True when `merged` says nothing `remote` does not already say (edit stamps aside). */
export function addsNothing(merged: Row, remote: Row): boolean {
  for (const key of new Set([...Object.keys(merged), ...Object.keys(remote)])) {
    if (EDIT_STAMP_FIELDS.has(key)) continue;
    if (!deepEqual(merged[key], remote[key])) return false;
  }
  return true;
}

export function resolveSyncConflict(input: {
  assumedMasterState?: Record<string, unknown>;
  realMasterState: Record<string, unknown>;
  newDocumentState: Record<string, unknown>;
}): RxRow {
  const remote = toMergeRow(input.realMasterState);
  const merged = mergeRow({
    base: input.assumedMasterState ? toMergeRow(input.assumedMasterState) : undefined,
    local: toMergeRow(input.newDocumentState),
    remote,
  });
  return fromMergeRow(addsNothing(merged, remote) ? remote : merged);
}

export const syncConflictHandler: RxConflictHandler<Record<string, unknown>> = {
  isEqual: (a, b) => isSameDeviceRow(a, b),
  resolve: async (input) => resolveSyncConflict(input),
};

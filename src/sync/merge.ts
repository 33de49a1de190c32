/**
 * Field-level three-way merge of a synced row (ARCHITECTURE.md, "Sync").
 *
 * A push that the server refuses because the row changed since the device last saw it comes
 * back with the server's current state. The device then merges three versions of the row:
 * `base` (the server state the device's edit started from), `local` (the device's version)
 * and `remote` (the server's current version).
 *
 * Rules, each with its reason:
 * - A field changed on one side only keeps that change: the other side did not touch it, so
 *   taking the change loses nothing.
 * - A field changed on both sides to the same value is that value.
 * - A field changed on both sides to different values goes to the later edit (`updated_at`,
 *   the device's edit time; a time far in the future counts as none, so a wrong clock does not
 *   always win), ties broken by the larger `updated_by_device`: every device computes the same
 *   winner, so all converge without another round trip.
 * - Plain objects merge key by key and arrays of objects with an `id` merge element by element
 *   (meal plans keep their meals and items in one document), by the same rules, so two people
 *   editing different items of one plan both keep their edits.
 * - A delete on one side and an edit on the other resurrects the row with the edit: nothing a
 *   user typed is dropped silently; the deleter can delete again.
 * - Server-maintained markers (`server_rev`, `txid`) always come from the server.
 */

export type Row = Record<string, unknown>;

export type MergeInput = {
  base: Row | undefined;
  local: Row;
  remote: Row;
};

/** Columns the server owns; the merged row always carries the server's values. */
export const SERVER_FIELDS = ['server_rev', 'txid'] as const;
const META_FIELDS = new Set<string>([...SERVER_FIELDS, 'updated_at', 'updated_by_device']);

type Side = 'local' | 'remote';

export function isPlainObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** How far ahead of this device's clock an edit time still counts as given (the server's bound too). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A row's edit time for the merge. A time further ahead of now than the skew allowed comes from
 * a clock that is wrong (2125), so it counts as no time at all: it loses to every edit with a
 * believable time instead of winning every conflict. The server stores such a time as its now
 * (20261203160000_device_clock_bounded.sql), so this only concerns a copy not yet pushed.
 */
function editTime(row: Row, now: number): number {
  const value = row.updated_at;
  const time = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
  return Number.isNaN(time) || time > now + MAX_CLOCK_SKEW_MS ? 0 : time;
}

/** Which side's edit counts as later: edit time, then device id (both deterministic). */
export function laterSide(local: Row, remote: Row, now: number = Date.now()): Side {
  const dt = editTime(local, now) - editTime(remote, now);
  if (dt !== 0) return dt > 0 ? 'local' : 'remote';
  const l = String(local.updated_by_device ?? '');
  const r = String(remote.updated_by_device ?? '');
  if (l !== r) return l > r ? 'local' : 'remote';
  // Same time and device: an arbitrary but shared order, so both sides still pick alike.
  return JSON.stringify(local) > JSON.stringify(remote) ? 'local' : 'remote';
}

function isIdList(value: unknown): value is Row[] {
  return Array.isArray(value) && value.every((v) => isPlainObject(v) && typeof v.id === 'string');
}

function mergeIdLists(base: Row[] | undefined, local: Row[], remote: Row[], winner: Side): Row[] {
  const byId = (list: Row[] | undefined) => new Map((list ?? []).map((item) => [item.id as string, item]));
  const b = byId(base);
  const l = byId(local);
  const r = byId(remote);
  const order = [...local.map((i) => i.id as string), ...remote.map((i) => i.id as string)];
  const merged: Row[] = [];
  for (const id of new Set(order)) {
    const item = mergeElement(b.get(id), l.get(id), r.get(id), winner);
    if (item) merged.push(item);
  }
  return merged;
}

/** One element of an id-keyed list: added, removed or edited on either side. */
function mergeElement(base: Row | undefined, local: Row | undefined, remote: Row | undefined, winner: Side): Row | undefined {
  if (local && remote) return mergeObjects(base, local, remote, winner);
  const present = local ?? remote;
  if (!present) return undefined;
  if (!base) return present; // added on one side
  // Removed on one side: keep it only if the other side edited it since (an edit is not dropped).
  return deepEqual(present, base) ? undefined : present;
}

function mergeValue(base: unknown, local: unknown, remote: unknown, winner: Side): unknown {
  if (deepEqual(local, remote)) return local;
  if (deepEqual(local, base)) return remote;
  if (deepEqual(remote, base)) return local;
  if (isPlainObject(local) && isPlainObject(remote)) {
    return mergeObjects(isPlainObject(base) ? base : undefined, local, remote, winner);
  }
  if (isIdList(local) && isIdList(remote)) return mergeIdLists(isIdList(base) ? base : undefined, local, remote, winner);
  return winner === 'local' ? local : remote;
}

function mergeObjects(base: Row | undefined, local: Row, remote: Row, winner: Side): Row {
  const result: Row = {};
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    const value = mergeValue(base?.[key], local[key], remote[key], winner);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** The merged row; deterministic, and the same whichever side is called local. */
export function mergeRow({ base, local, remote }: MergeInput): Row {
  const winner = laterSide(local, remote);
  const data: Row = {};
  for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) {
    if (META_FIELDS.has(key) || key === 'deleted') continue;
    const value = mergeValue(base?.[key], local[key], remote[key], winner);
    if (value !== undefined) data[key] = value;
  }
  const latest = winner === 'local' ? local : remote;
  const merged: Row = {
    ...data,
    deleted: mergeDeleted(base, local, remote, data),
    updated_at: latest.updated_at,
    updated_by_device: latest.updated_by_device,
  };
  for (const field of SERVER_FIELDS) if (field in remote) merged[field] = remote[field];
  return merged;
}

/** A delete stands unless the other side edited the row since the common base. */
function mergeDeleted(base: Row | undefined, local: Row, remote: Row, merged: Row): boolean {
  const localDeleted = local.deleted === true;
  const remoteDeleted = remote.deleted === true;
  if (localDeleted === remoteDeleted) return localDeleted;
  const survivor = localDeleted ? remote : local;
  const editedSinceBase = Object.keys(merged).some((key) => !deepEqual(survivor[key], base?.[key]));
  return !editedSinceBase;
}

/** True when the device's version needs nothing from the server's (RxDB's isEqual). */
export function sameContent(a: Row, b: Row): boolean {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((SERVER_FIELDS as readonly string[]).includes(key) || key.startsWith('_')) continue;
    if (!deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/**
 * Order keys of program days and exercises (`position`, compared bytewise like Postgres'
 * collation "C"). Keys are fractional indexes (the `fractional-indexing` library): moving or
 * inserting one item writes only that item's key, so a reorder on the phone and an edit of
 * another item on the laptop never touch the same row, and two offline reorders merge.
 *
 * Why the fallbacks:
 * - Two devices inserting at the same place offline can produce the same key. Items with equal
 *   keys are ordered by id (every device agrees), and the next move between them renumbers.
 * - Rows made elsewhere (the demo seed, the dashboard) may carry keys the library does not
 *   accept ('a', 'a000'). A move next to such a key renumbers the list instead of failing.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export type Ordered = { id: string; position: string };
export type PositionChange = { id: string; position: string };

/** Bytewise comparison (collation "C"), ties by id: the same order on every device and the server. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByPosition<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareOrdered);
}

/** `count` fresh keys in order, for a new list (or a renumbered one). */
export function initialPositions(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

function between(before: string | null, after: string | null): string | null {
  try {
    if (before !== null && after !== null && before >= after) return null;
    return generateKeyBetween(before, after);
  } catch {
    return null;
  }
}

/** Keys for every item of `ids` in that order (used when the existing keys cannot be extended). */
function renumber(ids: readonly string[]): PositionChange[] {
  const keys = initialPositions(ids.length);
  return ids.map((id, i) => ({ id, position: keys[i] as string }));
}

/**
 * The key for a new item at `index` of `items` (0 = first, items.length = last), and any
 * renumbering of the others that was needed to make room.
 */
export function positionForInsert(items: readonly Ordered[], index: number): { position: string; changes: PositionChange[] } {
  const sorted = sortByPosition(items);
  const at = Math.max(0, Math.min(index, sorted.length));
  const key = between(sorted[at - 1]?.position ?? null, sorted[at]?.position ?? null);
  if (key !== null) return { position: key, changes: [] };
  const newId = '\u0000new';
  const ids = sorted.map((item) => item.id);
  ids.splice(at, 0, newId);
  const all = renumber(ids);
  const mine = all.find((c) => c.id === newId) as PositionChange;
  return { position: mine.position, changes: all.filter((c) => c.id !== newId && sorted.find((s) => s.id === c.id)?.position !== c.position) };
}

/** Keys for `count` new items appended after the last one. */
export function positionsAtEnd(items: readonly Ordered[], count: number): { positions: string[]; changes: PositionChange[] } {
  const sorted = sortByPosition(items);
  const last = sorted.at(-1)?.position ?? null;
  try {
    return { positions: generateNKeysBetween(last, null, count), changes: [] };
  } catch {
    const ids = [...sorted.map((s) => s.id), ...Array.from({ length: count }, (_, i) => `\u0000new${i}`)];
    const all = renumber(ids);
    return {
      positions: all.slice(sorted.length).map((c) => c.position),
      changes: all.slice(0, sorted.length).filter((c, i) => sorted[i]?.position !== c.position),
    };
  }
}

/**
 * Moves item `id` to `toIndex` (its index in the list after the move). Returns the key changes
 * to write: usually only the moved item's; a renumbering when the neighbours leave no room.
 */
export function moveItem(items: readonly Ordered[], id: string, toIndex: number): PositionChange[] {
  const sorted = sortByPosition(items);
  const from = sorted.findIndex((item) => item.id === id);
  if (from < 0) throw new Error(`moveItem: ${id} is not in the list`);
  const rest = sorted.filter((item) => item.id !== id);
  const at = Math.max(0, Math.min(toIndex, rest.length));
  if (at === from) return [];
  const key = between(rest[at - 1]?.position ?? null, rest[at]?.position ?? null);
  if (key !== null) return [{ id, position: key }];
  const ids = rest.map((item) => item.id);
  ids.splice(at, 0, id);
  return renumber(ids).filter((c) => sorted.find((s) => s.id === c.id)?.position !== c.position);
}

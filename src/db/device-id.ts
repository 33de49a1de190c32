/**
 * This device's id, made once and kept in localStorage: `updated_by_device` on every edit and
 * the merge's tie-break between two edits of the same instant. Not secret, not a user id.
 */
import { newRowId } from './ids';

const KEY = 'fitcoach.device-id';

export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  const existing = storage?.getItem(KEY);
  if (existing) return existing;
  const made = newRowId();
  storage?.setItem(KEY, made);
  return made;
}

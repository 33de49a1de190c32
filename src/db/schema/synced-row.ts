/**
 * The columns every synced row carries (supabase/migrations/20261125000100_sync_infrastructure.sql):
 * a device-made UUIDv7 `id`, the device's edit time and device id (the merge's tie-break), the
 * soft-delete flag, and the server's revision. `txid` never reaches the device: the pull's
 * checkpoint carries it instead.
 */
import { z } from 'zod';

/**
 * The window every stored instant and calendar day lies in (the same CHECKs in SQL,
 * 20261203210000_column_bounds.sql): no year 1, no infinity, no century ahead.
 */
export const INSTANT_WINDOW = { from: '1970-01-01T00:00:00.000Z', until: '2100-01-01T00:00:00.000Z' } as const;

const windowFrom = Date.parse(INSTANT_WINDOW.from);
const windowUntil = Date.parse(INSTANT_WINDOW.until);
const inWindow = (value: string): boolean => {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return time >= windowFrom && time < windowUntil;
};
const WINDOW_MESSAGE = 'Dates must lie between 1970 and 2099';

/*
 * Bounds added after devices stored their RxDB schemas are refinements: zod checks them, and
 * the JSON schema RxDB keeps (whose hash an installed device compares) stays as it was.
 */

/** An instant as ISO 8601; the sync layer normalises every instant to UTC with milliseconds. */
export const instant = z.iso.datetime({ offset: true }).refine(inWindow, WINDOW_MESSAGE);
/** A calendar day, YYYY-MM-DD. */
export const calendarDay = z.iso.date().refine(inWindow, WINDOW_MESSAGE);

/** A string of at most `max` characters, as a refinement (see above). */
export const textUpTo = (max: number) => z.string().refine((value) => value.length <= max, `At most ${max} characters`);
export const rowId = z.uuid();

export const syncedRowFields = {
  id: rowId,
  created_at: instant,
  /** Device edit time: the later edit wins a field both sides changed. */
  updated_at: instant,
  /** Device that made the last edit (merge tie-break); null for server-side writes. */
  updated_by_device: z.string().max(100).nullable(),
  deleted: z.boolean(),
  /** The server's revision this row was based on; null until the server has stored it. */
  server_rev: z.number().int().nullable(),
};

export type SyncedRow = {
  id: string;
  created_at: string;
  updated_at: string;
  updated_by_device: string | null;
  deleted: boolean;
  server_rev: number | null;
};

/** Fields the device's screens never set directly; `newRowFields()` fills them. */
export type SyncedRowFieldName = keyof SyncedRow;

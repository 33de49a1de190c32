/**
 * The columns every synced row carries (supabase/migrations/20261125000100_sync_infrastructure.sql):
 * a device-made UUIDv7 `id`, the device's edit time and device id (the merge's tie-break), the
 * soft-delete flag, and the server's revision. `txid` never reaches the device: the pull's
 * checkpoint carries it instead.
 */
import { z } from 'zod';

/** An instant as ISO 8601; the sync layer normalises every instant to UTC with milliseconds. */
export const instant = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
export const calendarDay = z.iso.date();
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

/**
 * Rows between the server and the device.
 *
 * From the server: Postgres renders instants as `2026-11-25T10:00:00.123456+00:00`; the device
 * stores them as `new Date(x).toISOString()` (UTC, milliseconds) so that the same instant is
 * always the same string and the merge's equality checks never see a false change. Then the
 * entity's zod model parses the row (unknown columns are dropped, bad rows are refused).
 *
 * To the server: the device's row without `server_rev` (the server owns it); the revision the
 * device last saw travels beside it as `assumed_rev`.
 */
import type { z } from 'zod';

export type ServerRow = Record<string, unknown>;

/** Names of the model's fields that hold instants (JSON Schema format date-time). */
export function instantFields(jsonSchemaProperties: Record<string, unknown>): string[] {
  return Object.entries(jsonSchemaProperties)
    .filter(([, property]) => typeof property === 'object' && property !== null && (property as { format?: unknown }).format === 'date-time')
    .map(([name]) => name);
}

export function normaliseInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

export type ParsedServerRow = { ok: true; row: Record<string, unknown> } | { ok: false; id: string | undefined; message: string };

export function parseServerRow(model: z.ZodType, instants: readonly string[], raw: ServerRow): ParsedServerRow {
  const row: ServerRow = { ...raw };
  for (const field of instants) if (field in row) row[field] = normaliseInstant(row[field]);
  const parsed = model.safeParse(row);
  if (parsed.success) return { ok: true, row: parsed.data as Record<string, unknown> };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    id: typeof raw.id === 'string' ? raw.id : undefined,
    message: issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid row',
  };
}

export type PushRow = { doc: Record<string, unknown>; assumed_rev: number | null };

/** A row for sync_push: the device's row (already carrying `deleted`), minus server fields. */
export function toPushRow(newDocumentState: Record<string, unknown>, assumedMasterState: Record<string, unknown> | undefined): PushRow {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(newDocumentState)) {
    if (key === 'server_rev' || key === 'txid' || key.startsWith('_')) continue;
    doc[key] = value;
  }
  const assumed = assumedMasterState?.server_rev;
  return { doc, assumed_rev: typeof assumed === 'number' ? assumed : null };
}

/**
 * A row created and deleted on this device before the server ever saw it: there is nothing
 * to tell the server (and sending it could only fail the row's checks a second time).
 */
export function neverReachedServer(newDocumentState: Record<string, unknown>, assumedMasterState: Record<string, unknown> | undefined): boolean {
  return !assumedMasterState && newDocumentState.deleted === true;
}

/**
 * Row ids made on the device. Ordinary rows get a UUIDv7 (time-ordered, so the server's
 * (txid, id) index and RxDB's primary index stay append-friendly). A habit log gets a
 * deterministic UUIDv5 of (habit, day): two devices ticking the same habit on the same day make
 * the same row, which the sync then sees as an equal duplicate instead of two ticks.
 */
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Namespace of the app's deterministic ids (a fixed random UUID; never change it). */
export const FITCOACH_ID_NAMESPACE = '6f1c1d2e-63c5-4f39-9a4e-1f7a4b7d8c21';

export function newRowId(): string {
  return uuidv7();
}

/** The id of the one habit log of `habitId` on `day` (YYYY-MM-DD). */
export function habitLogId(habitId: string, day: string): string {
  return uuidv5(`habit_logs:${habitId.toLowerCase()}:${day}`, FITCOACH_ID_NAMESPACE);
}

/** An idempotency key for a server function call (outbox). */
export function newIdempotencyKey(): string {
  return uuidv7();
}

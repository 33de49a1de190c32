/**
 * The pull checkpoint: the position (txid, id) of the last row served, in the server's
 * (txid, id) order, and the database epoch it belongs to. The server only serves rows from
 * transactions older than every running one, so everything at or before a checkpoint is final
 * (gap-free); an epoch the server no longer has (a restore) makes it start again.
 */
import { z } from 'zod';

export const pullCheckpointModel = z.object({
  epoch: z.string().min(1),
  /** A Postgres xid8 as decimal text (64-bit; too large for a JS number). */
  txid: z.string().regex(/^\d+$/),
  id: z.uuid(),
});
export type PullCheckpoint = z.infer<typeof pullCheckpointModel>;

/** Orders two checkpoints of the same epoch as the server does: by txid, then id. */
export function compareCheckpoints(a: PullCheckpoint, b: PullCheckpoint): number {
  const ta = BigInt(a.txid);
  const tb = BigInt(b.txid);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The checkpoint to keep after a page: the server's, unless it went backwards within the same
 * epoch (a page served by a lagging replica must never move the device back... or forward past
 * rows it skipped). A new epoch always wins: the server reset the device.
 */
export function nextCheckpoint(previous: PullCheckpoint | undefined, served: PullCheckpoint): PullCheckpoint {
  if (!previous || previous.epoch !== served.epoch) return served;
  return compareCheckpoints(served, previous) >= 0 ? served : previous;
}

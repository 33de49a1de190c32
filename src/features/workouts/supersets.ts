/**
 * Supersets and circuits: exercises the trainer gave the same superset label are done in turn,
 * a set of each, and the rest comes after the last of them (a round), not after each set.
 */
import type { LoggerSlot } from './workout-model';

type SlotLike = Pick<LoggerSlot, 'key' | 'prescription' | 'skipped'> & { rows: ReadonlyArray<{ key: string; done: boolean }> };

export type AfterTick = {
  /** Seconds to rest now (null: the default rest; false: none, straight to the next exercise of the superset). */
  restSeconds: number | null | false;
  /** The exercise to do next in the superset, when it is not the one just ticked. */
  nextSlotKey: string | null;
};

/** What follows a tick of `rowKey`: a rest, or the next exercise of its superset. */
export function afterTick(slots: readonly SlotLike[], rowKey: string): AfterTick {
  const slot = slots.find((s) => s.rows.some((r) => r.key === rowKey));
  if (!slot) return { restSeconds: null, nextSlotKey: null };
  const rest = slot.prescription?.rest_seconds ?? null;
  const group = slot.prescription?.superset_group;
  if (!group) return { restSeconds: rest, nextSlotKey: null };
  const members = slots.filter((s) => s.prescription?.superset_group === group && !s.skipped);
  const at = members.findIndex((s) => s.key === slot.key);
  // The next member with a set still to do, after this one in the round.
  const later = members.slice(at + 1).find((s) => s.rows.some((r) => !r.done));
  if (later) return { restSeconds: false, nextSlotKey: later.key };
  const restOfRound = Math.max(...members.map((s) => s.prescription?.rest_seconds ?? 0));
  const first = members.find((s) => s.key !== slot.key && s.rows.some((r) => !r.done));
  return { restSeconds: restOfRound || rest, nextSlotKey: first?.key ?? null };
}

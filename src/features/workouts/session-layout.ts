/**
 * How the client arranged a session on this device: the order of its exercise slots and the
 * slots skipped. It is a view preference, not workout data (the sets are in set_logs), so it
 * is kept per session in localStorage rather than synced.
 */
import { z } from 'zod';
import type { SlotKey } from './workout-plan';

export const sessionLayoutModel = z.object({
  order: z.array(z.string()).catch([]),
  skipped: z.array(z.string()).catch([]),
});
export type SessionLayout = z.infer<typeof sessionLayoutModel>;

export const EMPTY_LAYOUT: SessionLayout = { order: [], skipped: [] };

export function layoutKey(sessionId: string): string {
  return `fitcoach.session-layout.${sessionId}`;
}

export function parseLayout(raw: string | null): SessionLayout {
  if (!raw) return EMPTY_LAYOUT;
  try {
    const parsed = sessionLayoutModel.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_LAYOUT;
  } catch {
    return EMPTY_LAYOUT;
  }
}

export function withSkipped(layout: SessionLayout, key: SlotKey, skipped: boolean): SessionLayout {
  const rest = layout.skipped.filter((k) => k !== key);
  return { ...layout, skipped: skipped ? [...rest, key] : rest };
}

/** A slot's key changed (an ad-hoc exercise swapped for another): keep its place. */
export function renameSlot(layout: SessionLayout, from: SlotKey, to: SlotKey): SessionLayout {
  return { order: layout.order.map((k) => (k === from ? to : k)), skipped: layout.skipped.map((k) => (k === from ? to : k)) };
}

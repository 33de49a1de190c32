/**
 * Whether a collection's data may still be on its way to this device: the device never finished
 * a full sync for this user, and this engine run has not finished pulling that collection yet.
 * Screens show "loading" instead of an empty state meanwhile (a new phone's roster said "No
 * workout yet" for clients with long histories while their sessions were still arriving).
 */
import { useStore } from 'zustand';
import type { SyncedTableName } from '@/db';
import { useDeviceStore } from '@/lib/device-store';
import { syncStatus } from '@/sync/status-store';

/** Where the time of this user's last full sync on this device is kept (useLastSynced). */
export const lastSyncedKey = (userId: string): string => `fitcoach.last-synced.${userId}`;

function everSynced(userId: string | null): boolean {
  if (!userId) return false;
  try {
    return localStorage.getItem(lastSyncedKey(userId)) !== null;
  } catch {
    return false;
  }
}

export type Arrival = 'here' | 'arriving' | 'needs-connection';

/** 'arriving' while the first pull of `tables` is under way; 'needs-connection' offline before any. */
export function useFirstArrival(tables: readonly SyncedTableName[]): Arrival {
  const userId = useDeviceStore((s) => s.userId);
  const pulled = useStore(syncStatus, (s) => tables.every((t) => s.collections[t]?.firstSyncDone) || s.firstSync.done);
  const online = useStore(syncStatus, (s) => s.online);
  if (pulled || everSynced(userId)) return 'here';
  return online ? 'arriving' : 'needs-connection';
}

export function arrivalText(arrival: Exclude<Arrival, 'here'>, what: string): string {
  return arrival === 'arriving' ? `Getting ${what}…` : `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} arrive when this device is online.`;
}

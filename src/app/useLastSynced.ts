/**
 * When this device last finished a full sync (everything pushed, everything pulled), kept per
 * user in localStorage so it still reads right after an offline restart.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useStore } from 'zustand';
import { syncStatus } from '@/sync/status-store';
import { useDeviceStore } from '@/lib/device-store';
import { lastSyncedKey } from '@/lib/first-arrival';
import { summarizeSync } from './sync-summary';
import { usePendingChanges } from './usePendingChanges';

const key = lastSyncedKey;

const useLastSyncedStore = create<Record<string, string>>(() => ({}));

function read(userId: string): string | null {
  try {
    return localStorage.getItem(key(userId));
  } catch {
    return null;
  }
}

export function useLastSynced(): string | null {
  const userId = useDeviceStore((s) => s.userId);
  const state = useStore(syncStatus);
  const pending = usePendingChanges();
  const inSync = state.running && state.online && state.session === 'signed-in' && state.firstSync.done && pending?.total === 0 && summarizeSync(state, true, pending).tone === 'synced';
  const pulledAt = Object.values(state.collections).reduce<string | null>((latest, c) => (c.lastPulledAt && (!latest || c.lastPulledAt > latest) ? c.lastPulledAt : latest), null);
  const stored = useLastSyncedStore((s) => (userId ? (s[userId] ?? null) : null));

  useEffect(() => {
    if (!userId || !inSync || !pulledAt) return;
    try {
      localStorage.setItem(key(userId), pulledAt);
    } catch {
      // Storage unavailable: shown for this visit only.
    }
    useLastSyncedStore.setState({ [userId]: pulledAt });
  }, [userId, inSync, pulledAt]);
  return stored ?? (userId ? read(userId) : null);
}
